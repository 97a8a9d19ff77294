using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.DeploymentTests.Support;

namespace Platform.DeploymentTests;

/// <summary>The images' basics, read off the Dockerfiles (no Docker engine here to build them).</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Images() => [.. PlatformProcess.All.Select(p => p.Name)];

    public static TheoryData<string> Servers() => [.. PlatformProcess.Servers.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_runs_as_a_non_root_user(string name)
    {
        var dockerfile = new Dockerfile(PlatformProcess.Named(name).Dockerfile);

        var user = Assert.Single(dockerfile.Arguments("USER", dockerfile.FinalStage));
        // $APP_UID is the .NET images' own non-root user (1654); a numeric UID lets Kubernetes check runAsNonRoot.
        Assert.True(user == "$APP_UID" || (int.TryParse(user, out var uid) && uid > 0), $"USER {user} in {dockerfile.Path}");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Base_images_are_pinned_to_a_version(string name)
    {
        var dockerfile = new Dockerfile(PlatformProcess.Named(name).Dockerfile);

        foreach (var image in dockerfile.BaseImages)
        {
            var tag = image.Contains(':') ? image[(image.LastIndexOf(':') + 1)..] : "";
            Assert.Matches(@"^[0-9]+\.[0-9]+\.[0-9]+", tag);
        }
        // The SDK that builds and the runtime that runs are the same line (.NET 10).
        Assert.All(dockerfile.BaseImages, image => Assert.Contains(":10.0.", image, StringComparison.Ordinal));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", dockerfile.BaseImages[^1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_base_images_are_build_arguments(string name)
    {
        var dockerfile = new Dockerfile(PlatformProcess.Named(name).Dockerfile);

        // deploy/images.sh passes stand-ins through them where the official images cannot be pulled; their defaults
        // are the official images (Base_images_are_pinned_to_a_version).
        Assert.Equal(["SDK_IMAGE", "ASPNET_IMAGE", "PUBLISHED", "PUBLISHED_DIR"], dockerfile.GlobalArguments.Keys);
        Assert.Equal(["${SDK_IMAGE} AS build", "${PUBLISHED} AS published", "${ASPNET_IMAGE}"], dockerfile.Arguments("FROM"));
        // The application comes from the file's own build stage unless deploy/images.sh passes its shared one.
        Assert.Equal("build", dockerfile.GlobalArguments["PUBLISHED"]);
        Assert.Equal("/app", dockerfile.GlobalArguments["PUBLISHED_DIR"]);
        Assert.Contains("/app", Assert.Single(dockerfile.Arguments("RUN"), a => a.StartsWith("dotnet publish", StringComparison.Ordinal)).Split(' '));
        Assert.Equal("--from=published ${PUBLISHED_DIR} ./", Assert.Single(dockerfile.Arguments("COPY", dockerfile.FinalStage)));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Restore_is_its_own_layer_with_every_project_the_build_needs(string name)
    {
        var process = PlatformProcess.Named(name);
        var dockerfile = new Dockerfile(process.Dockerfile);
        var steps = dockerfile.Instructions.ToList();
        var restore = steps.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, $"{dockerfile.Path} has no RUN dotnet restore");

        // Before the restore only project and build files are copied, so a change to the code reuses the layer...
        var copiedBefore = steps.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments.Split(' ')[..^1]).ToList();
        Assert.All(copiedBefore, source => Assert.Matches(@"(\.csproj|\.props|global\.json)$", source));
        // ...and they are every project the build needs: a new ProjectReference must be copied too.
        var needed = ConfigurationKeys.ProjectsOf($"{process.ProjectFolder}/{process.ProjectFile}");
        Assert.Equal(needed.Order(), copiedBefore.Where(s => s.EndsWith(".csproj", StringComparison.Ordinal)).Order());
        Assert.Contains("Directory.Packages.props", copiedBefore);
        Assert.All(needed, project => Assert.True(File.Exists(Repository.PathOf(project)), project));

        var publish = Assert.Single(dockerfile.Arguments("RUN"), a => a.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Contains($"{process.ProjectFolder}/{process.ProjectFile}", publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains("--no-restore", publish, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_entry_point_takes_a_command_such_as_migrate(string name)
    {
        var process = PlatformProcess.Named(name);
        var dockerfile = new Dockerfile(process.Dockerfile);

        // Exec form, no CMD: `docker run IMAGE migrate` and a Job's `args: [migrate]` become the program's arguments.
        var entryPoint = JsonSerializer.Deserialize<string[]>(Assert.Single(dockerfile.Arguments("ENTRYPOINT", dockerfile.FinalStage)))!;
        Assert.Equal(["dotnet", Path.ChangeExtension(process.ProjectFile, ".dll")], entryPoint);
        Assert.Empty(dockerfile.Arguments("CMD", dockerfile.FinalStage));
        Assert.Equal("/app", Assert.Single(dockerfile.Arguments("WORKDIR", dockerfile.FinalStage)));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public void A_server_listens_on_its_README_ports_and_checks_its_own_health(string name)
    {
        var process = PlatformProcess.Named(name);
        var dockerfile = new Dockerfile(process.Dockerfile);
        var (served, healthPort, healthPath) = process.IsService
            ? ([ReadmePorts.Service(process).Grpc, ReadmePorts.Service(process).Http], ReadmePorts.Service(process).Http, "/health/ready")
            : process == PlatformProcess.Screens
                ? (new[] { ReadmePorts.Screens() }, ReadmePorts.Screens(), "/healthz") // HTTP/1.1 only: the gateway's pages
                : (new[] { ReadmePorts.Gateway().Http, ReadmePorts.Gateway().Grpc }, ReadmePorts.Gateway().Http, "/healthz");

        Assert.Equal(served.Order(), new[] { dockerfile.KestrelPort("Grpc"), dockerfile.KestrelPort("Http") }.OfType<int>().Order());
        Assert.Equal(served.Order(), dockerfile.Arguments("EXPOSE", dockerfile.FinalStage).SelectMany(a => a.Split(' ')).Select(int.Parse).Order());
        // The base image's own ASPNETCORE_HTTP_PORTS (8080) would add an endpoint nobody asked for.
        Assert.Equal("", dockerfile.Environment["ASPNETCORE_HTTP_PORTS"]);

        var healthCheck = Assert.Single(dockerfile.Arguments("HEALTHCHECK", dockerfile.FinalStage));
        Assert.Contains($"/dev/tcp/127.0.0.1/{healthPort}", healthCheck, StringComparison.Ordinal);
        Assert.Contains($"GET {healthPath} ", healthCheck, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_loader_is_a_one_shot_command_without_a_health_check()
    {
        var dockerfile = new Dockerfile(PlatformProcess.SeedLoader.Dockerfile);

        Assert.Equal("NONE", Assert.Single(dockerfile.Arguments("HEALTHCHECK", dockerfile.FinalStage)));
        Assert.Empty(dockerfile.Arguments("EXPOSE", dockerfile.FinalStage));
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_and_local_state()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", ".git/", ".state/", "node_modules/" }, ignored);
        // Whatever the Dockerfiles copy is not ignored.
        foreach (var process in PlatformProcess.All)
        {
            foreach (var source in new Dockerfile(process.Dockerfile).Arguments("COPY").Where(a => !a.StartsWith("--from", StringComparison.Ordinal))
                         .SelectMany(a => a.Split(' ')[..^1]))
            {
                Assert.DoesNotContain(ignored, pattern => Regex.IsMatch(source, "^" + Regex.Escape(pattern.TrimEnd('/')).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)));
            }
        }
    }
}

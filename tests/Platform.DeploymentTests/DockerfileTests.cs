using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.DeploymentTests.Support;

namespace Platform.DeploymentTests;

/// <summary>The images' basics, read off the Dockerfiles (no Docker engine here to build them).</summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> Images() => [.. PlatformProcess.All.Select(p => p.Name)];

    public static TheoryData<string> Servers() => [.. PlatformProcess.Servers.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_runs_as_a_non_root_user(string name)
    {
        var dockerfile = Dockerfile.Of(PlatformProcess.Named(name));

        var user = Assert.Single(dockerfile.Arguments("USER", dockerfile.FinalStage));
        // $APP_UID is the .NET images' own non-root user (1654); a numeric UID lets Kubernetes check runAsNonRoot.
        Assert.True(user == "$APP_UID" || (int.TryParse(user, out var uid) && uid > 0), $"USER {user} in {dockerfile.Path}");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Base_images_are_pinned_to_a_version(string name)
    {
        var dockerfile = Dockerfile.Of(PlatformProcess.Named(name));

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
        var dockerfile = Dockerfile.Of(PlatformProcess.Named(name));

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
        var dockerfile = Dockerfile.Of(process);
        var steps = dockerfile.Instructions.ToList();
        var restore = steps.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, $"{dockerfile.Path} has no RUN dotnet restore");

        // Before the restore only project and build files are copied, so a change to the code reuses the layer...
        var copiedBefore = steps.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments.Split(' ')[..^1]).ToList();
        Assert.All(copiedBefore, source => Assert.Matches(@"(\.csproj|\.props|global\.json)$", source));
        // ...and they are every project the build needs: a new ProjectReference must be copied too. The services'
        // shared Dockerfile copies what any of the three needs, but of the services' own projects only this one's.
        var project = $"{process.ProjectFolder}/{process.ProjectFile}";
        var sharing = PlatformProcess.All.Where(p => p.Dockerfile == process.Dockerfile)
            .Select(p => $"{p.ProjectFolder}/{p.ProjectFile}").ToList();
        var needed = sharing.SelectMany(ConfigurationKeys.ProjectsOf).Distinct().Where(p => p == project || !sharing.Contains(p)).ToList();
        Assert.Equal(needed.Order(), copiedBefore.Where(s => s.EndsWith(".csproj", StringComparison.Ordinal)).Order());
        Assert.Contains("Directory.Packages.props", copiedBefore);
        Assert.All(needed, p => Assert.True(File.Exists(Repository.PathOf(p)), p));
        Assert.Contains(project, steps[restore].Arguments, StringComparison.Ordinal);

        var publish = Assert.Single(dockerfile.Arguments("RUN"), a => a.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Contains(project, publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains("--no-restore", publish, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_entry_point_takes_a_command_such_as_migrate(string name)
    {
        var process = PlatformProcess.Named(name);
        var dockerfile = Dockerfile.Of(process);

        // Exec form, no CMD: `docker run IMAGE migrate` and a Job's `args: [migrate]` become the program's arguments.
        var entryPoint = JsonSerializer.Deserialize<string[]>(Assert.Single(dockerfile.Arguments("ENTRYPOINT", dockerfile.FinalStage)))!;
        // The services' shared Dockerfile names the program in its environment, which exec form cannot expand: a shell
        // expands it and execs dotnet in its place (PID 1, so SIGTERM reaches it), with every argument ("--" is $0).
        var program = entryPoint is ["/bin/sh", "-c", var script, "--"] && ShellEntryPoint().Match(script) is { Success: true } shell
            ? [.. dockerfile.AtRunTime(shell.Groups["program"].Value).Split(' ').Select(word => word.Trim('"'))]
            : entryPoint;
        Assert.Equal(["dotnet", Path.ChangeExtension(process.ProjectFile, ".dll")], program);
        Assert.Empty(dockerfile.Arguments("CMD", dockerfile.FinalStage));
        Assert.Equal("/app", Assert.Single(dockerfile.Arguments("WORKDIR", dockerfile.FinalStage)));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public void A_server_listens_on_its_README_ports_and_checks_its_own_health(string name)
    {
        var process = PlatformProcess.Named(name);
        var dockerfile = Dockerfile.Of(process);
        var (served, healthPort, healthPath) = process.IsService
            ? ([ReadmePorts.Service(process).Grpc, ReadmePorts.Service(process).Http], ReadmePorts.Service(process).Http, "/health/ready")
            : process == PlatformProcess.Screens
                ? (new[] { ReadmePorts.Screens() }, ReadmePorts.Screens(), "/healthz") // HTTP/1.1 only: the gateway's pages
                : (new[] { ReadmePorts.Gateway().Http, ReadmePorts.Gateway().Grpc }, ReadmePorts.Gateway().Http, "/healthz");

        Assert.Equal(served.Order(), new[] { dockerfile.KestrelPort("Grpc"), dockerfile.KestrelPort("Http") }.OfType<int>().Order());
        Assert.Equal(served.Order(), dockerfile.Arguments("EXPOSE", dockerfile.FinalStage).SelectMany(a => a.Split(' ')).Select(int.Parse).Order());
        // The base image's own ASPNETCORE_HTTP_PORTS (8080) would add an endpoint nobody asked for.
        Assert.Equal("", dockerfile.Environment["ASPNETCORE_HTTP_PORTS"]);

        var healthCheck = dockerfile.AtRunTime(Assert.Single(dockerfile.Arguments("HEALTHCHECK", dockerfile.FinalStage)));
        Assert.Contains($"/dev/tcp/127.0.0.1/{healthPort}", healthCheck, StringComparison.Ordinal);
        Assert.Contains($"GET {healthPath} ", healthCheck, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_images_sh_builds_each_image_from_its_Dockerfile_with_its_build_arguments()
    {
        // Its IMAGES list: name:tag suffix:Dockerfile:build arguments (comma-separated).
        var entries = ImagesList().Match(Repository.Read("deploy/images.sh")).Groups["entries"].Value
            .Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split(':')).ToList();

        Assert.Equal(PlatformProcess.All.Select(p => p.Name).Order(), entries.Select(e => e[0]).Distinct().Order());
        foreach (var entry in entries)
        {
            var process = PlatformProcess.Named(entry[0]);
            Assert.Equal(process.Dockerfile, entry[2]);
            Assert.Equal(process.BuildArguments,
                entry[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]));
        }
    }

    [Fact]
    public void The_seed_loader_is_a_one_shot_command_without_a_health_check()
    {
        var dockerfile = Dockerfile.Of(PlatformProcess.SeedLoader);

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
            foreach (var source in Dockerfile.Of(process).Arguments("COPY").Where(a => !a.StartsWith("--from", StringComparison.Ordinal))
                         .SelectMany(a => a.Split(' ')[..^1]))
            {
                Assert.DoesNotContain(ignored, pattern => Regex.IsMatch(source, "^" + Regex.Escape(pattern.TrimEnd('/')).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)));
            }
        }
    }

    [GeneratedRegex("^exec (?<program>.+) \"\\$@\"$")]
    private static partial Regex ShellEntryPoint();

    [GeneratedRegex(@"\nIMAGES=\((?<entries>[^)]*)\)")]
    private static partial Regex ImagesList();
}

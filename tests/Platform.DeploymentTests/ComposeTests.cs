using System.Data.Common;
using System.Text.RegularExpressions;
using Platform.DeploymentTests.Support;

namespace Platform.DeploymentTests;

/// <summary>docker-compose.yml, validated without a Docker engine and kept consistent with the services and the README.</summary>
public sealed class ComposeTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_file()
    {
        // Debian's docker-compose (scripts/install.sh) parses, interpolates and checks against the Compose schema.
        await Tool.RunAsync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"]);
    }

    [Fact]
    public async Task Every_environment_variable_is_one_the_process_reads()
    {
        var compose = await ComposeFile.LoadAsync();

        foreach (var (name, service) in compose.Services)
        {
            if (ComposeFile.ProcessOf(service!.AsObject()) is not { } process)
            {
                continue;
            }
            var keys = ConfigurationKeys.Of(process);
            Assert.All(ComposeFile.Environment(service.AsObject()).Keys,
                variable => Assert.True(keys.Reads(variable), $"{name}: {process.ProjectFile} reads no {variable}"));
        }
    }

    [Fact]
    public async Task The_published_ports_are_the_README_ones()
    {
        var compose = await ComposeFile.LoadAsync();
        var gateway = ReadmePorts.Gateway();
        var (postgres, amqp, management) = ReadmePorts.Infrastructure();

        Assert.Equal(new Dictionary<int, int> { [gateway.Http] = gateway.Http, [gateway.Grpc] = gateway.Grpc },
            ComposeFile.Ports(compose.Service("gateway")));
        Assert.Equal(new Dictionary<int, int> { [postgres] = 5432 }, ComposeFile.Ports(compose.Service("postgres")));
        Assert.Equal(new Dictionary<int, int> { [amqp] = 5672, [management] = 15672 }, ComposeFile.Ports(compose.Service("rabbitmq")));
        // Only the gateway is published of the platform's own processes: it is the only entry from outside.
        Assert.All(compose.Services.Where(s => ComposeFile.ProcessOf(s.Value!.AsObject()) is { } p && p != PlatformProcess.Gateway),
            s => Assert.Empty(ComposeFile.Ports(s.Value!.AsObject())));
    }

    [Fact]
    public async Task The_gateway_and_the_screens_reach_each_service_on_its_README_gRPC_port_and_the_gateway_the_screens()
    {
        var compose = await ComposeFile.LoadAsync();
        var environment = ComposeFile.Environment(compose.Service("gateway"));
        var screens = ComposeFile.Environment(compose.Service("screens"));

        foreach (var service in PlatformProcess.Services)
        {
            var address = environment[$"ReverseProxy__Clusters__{service.Name}__Destinations__primary__Address"];
            Assert.Equal($"http://{service.Name}:{ReadmePorts.Service(service).Grpc}", address);
            Assert.Equal(address, screens[$"Services__{service.Name}__Destinations__primary__Address"]);
        }
        Assert.Equal($"http://screens:{ReadmePorts.Screens()}", environment["ReverseProxy__Clusters__screens__Destinations__primary__Address"]);
        Assert.Equal("service_healthy", ComposeFile.DependsOn(compose.Service("gateway"))["screens"]);
    }

    [Fact]
    public async Task Every_service_migrates_before_any_service_starts()
    {
        var compose = await ComposeFile.LoadAsync();
        var migrations = PlatformProcess.Services.Select(s => $"{s.Name}-migrate").ToList();

        foreach (var service in PlatformProcess.Services)
        {
            var migrate = compose.Service($"{service.Name}-migrate");
            Assert.Equal(["migrate"], ComposeFile.Command(migrate));
            Assert.Equal(service.Image, ComposeFile.Image(migrate).Image);
            Assert.Equal("service_healthy", ComposeFile.DependsOn(migrate)["postgres"]);
            Assert.Equal("service_healthy", ComposeFile.DependsOn(migrate)["rabbitmq"]);
            // The same configuration as the server it prepares, and the owner's connection string, which the server lacks.
            var migrateEnvironment = new Dictionary<string, string>(ComposeFile.Environment(migrate));
            Assert.True(migrateEnvironment.Remove("ConnectionStrings__Migrations"));
            Assert.Equal(ComposeFile.Environment(compose.Service(service.Name)), migrateEnvironment);

            var server = ComposeFile.DependsOn(compose.Service(service.Name));
            Assert.All(migrations, m => Assert.Equal("service_completed_successfully", server[m]));
        }
        Assert.All(PlatformProcess.Services, s => Assert.Equal("service_healthy", ComposeFile.DependsOn(compose.Service("gateway"))[s.Name]));
    }

    [Fact]
    public async Task The_seed_runs_as_run_sh_runs_it_after_the_servers_are_healthy()
    {
        var compose = await ComposeFile.LoadAsync();

        Assert.Equal(["seed"], ComposeFile.Command(compose.Service("home-affairs-seed")));
        Assert.Equal("service_healthy", ComposeFile.DependsOn(compose.Service("home-affairs-seed"))["home-affairs"]);
        foreach (var body in new[] { "organization", "delegate-affairs" })
        {
            // Their seeds wait for the provinces, which reach them from Home Affairs by events.
            var seed = ComposeFile.DependsOn(compose.Service($"{body}-seed"));
            Assert.Equal("service_completed_successfully", seed["home-affairs-seed"]);
            Assert.Equal("service_healthy", seed[body]);
        }
        var loader = compose.Service("seed-loader");
        Assert.Equal(PlatformProcess.SeedLoader.Image, ComposeFile.Image(loader).Image);
        Assert.Equal("service_healthy", ComposeFile.DependsOn(loader)["gateway"]);
        var gatewayPorts = ReadmePorts.Gateway();
        Assert.Equal(["--gateway-http", $"http://gateway:{gatewayPorts.Http}", "--gateway-grpc", $"http://gateway:{gatewayPorts.Grpc}"],
            ComposeFile.Command(loader));
    }

    [Fact]
    public async Task Each_service_has_its_own_database_an_owner_role_and_a_service_role_made_by_the_init_script()
    {
        var compose = await ComposeFile.LoadAsync();
        var script = Repository.Read("deploy/postgres/init-databases.sql");
        var mount = compose.Service("postgres")["volumes"]!.AsArray().Select(v => v!.ToString()).ToList();
        Assert.Contains("./deploy/postgres/init-databases.sql:/docker-entrypoint-initdb.d/init-databases.sql:ro", mount);

        var databases = new List<string>();
        foreach (var service in PlatformProcess.Services)
        {
            // The server connects as the service's role; `migrate` alone as the owner of the database (and its tables).
            var server = Connection(compose.Service(service.Name), "ConnectionStrings__Database");
            var owner = Connection(compose.Service($"{service.Name}-migrate"), "ConnectionStrings__Migrations");
            Assert.False(ComposeFile.Environment(compose.Service(service.Name)).ContainsKey("ConnectionStrings__Migrations"));
            foreach (var connection in new[] { server, owner })
            {
                Assert.Equal(service.Database, connection["Database"]);
                Assert.Equal("postgres", connection["Host"]);
                Assert.Matches($"CREATE ROLE {connection["Username"]} LOGIN PASSWORD '{Regex.Escape((string)connection["Password"])}';", script);
            }
            Assert.NotEqual(server["Username"], owner["Username"]);
            Assert.Contains($"CREATE DATABASE {service.Database} OWNER {owner["Username"]} ", script, StringComparison.Ordinal);
            Assert.Contains($"REVOKE ALL ON DATABASE {service.Database} FROM PUBLIC;", script, StringComparison.Ordinal);
            databases.Add(service.Database!);
        }
        Assert.Equal(ReadmePorts.Databases().Order(), databases.Order());
    }

    [Fact]
    public async Task Images_are_built_from_the_platform_Dockerfiles()
    {
        var compose = await ComposeFile.LoadAsync();

        foreach (var process in PlatformProcess.All)
        {
            var built = compose.Services.Select(s => s.Value!.AsObject()).Where(s => ComposeFile.Image(s).Image == process.Image).ToList();
            Assert.NotEmpty(built);
            Assert.All(built, service => Assert.Equal(process.Dockerfile, ComposeFile.Image(service).Dockerfile));
            // The services' shared Dockerfile told which service and its ports (the gateway's DEVELOPMENT_ISSUER:
            // DevelopmentIssuerTests).
            Assert.All(built, service => Assert.All(process.BuildArguments,
                argument => Assert.Equal(argument.Value, ComposeFile.BuildArguments(service).GetValueOrDefault(argument.Key))));
        }
        Assert.All(compose.Services.Where(s => ComposeFile.ProcessOf(s.Value!.AsObject()) is null),
            s => Assert.Matches(@"^[a-z0-9./-]+:[0-9]+\.[0-9]+", s.Value!["image"]!.ToString()));
    }

    [Fact]
    public async Task The_platform_runs_in_Development_with_the_gateway_as_issuer()
    {
        var compose = await ComposeFile.LoadAsync();
        var gateway = ComposeFile.Environment(compose.Service("gateway"));

        // Tokens name the issuer at the address the services fetch its keys from.
        Assert.Equal("http://gateway:8080/", gateway["Identity__Issuer"]);
        foreach (var (name, service) in compose.Services)
        {
            if (ComposeFile.ProcessOf(service!.AsObject()) is { } process && process != PlatformProcess.SeedLoader)
            {
                var environment = ComposeFile.Environment(service.AsObject());
                Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
                Assert.Equal(gateway["Identity__Issuer"], environment["Authentication__Authority"]);
            }
        }
    }

    [Fact]
    public async Task The_servers_have_health_checks_and_write_nothing_but_tmp()
    {
        var compose = await ComposeFile.LoadAsync();

        Assert.NotNull(compose.Service("postgres")["healthcheck"]);
        Assert.NotNull(compose.Service("rabbitmq")["healthcheck"]);
        foreach (var process in PlatformProcess.Servers)
        {
            var server = compose.Service(process.Name);
            Assert.Null(server["healthcheck"]); // the image's HEALTHCHECK (DockerfileTests) is the one that counts
            Assert.Equal("true", server["read_only"]!.ToString());
            Assert.Equal(["/tmp"], server["tmpfs"]!.AsArray().Select(t => t!.ToString()));
        }
    }

    private static DbConnectionStringBuilder Connection(System.Text.Json.Nodes.JsonObject service, string variable) =>
        new() { ConnectionString = ComposeFile.Environment(service)[variable] };
}

using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Hosting;
using Platform.Testing;

namespace Platform.FunctionalTests;

/// <summary>
/// One service hosted in process (its real Program) on a database of its own, cloned from a migrated
/// template, and a RabbitMQ virtual host of its own. <typeparamref name="TContext"/> names the service.
/// </summary>
public class ServiceHost<TContext> : WebApplicationFactory<TContext>, IAsyncLifetime where TContext : DbContext
{
    private string _database = "";
    private string _rabbitMq = "";

    /// <summary>The service's own connection string: its role has data access only, as in a deployment.</summary>
    public string DatabaseConnectionString => _database;

    /// <summary>A channel whose calls carry an editor's token of the service's own body.</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The body this service belongs to (its editors write).</summary>
    public string Body => Services.GetRequiredService<ServiceIdentity>().Body;

    /// <summary>A channel whose calls carry <paramref name="token"/> (none when null).</summary>
    public GrpcChannel ChannelWith(string? token) =>
        GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = new BearerHandler(token, CreateGrpcHandler()) });

    /// <summary>Where the channels go: the in-memory test server, unless a derived host listens on real ports.</summary>
    protected virtual Uri GrpcAddress => Server.BaseAddress;

    protected virtual HttpMessageHandler CreateGrpcHandler() => Server.CreateHandler();

    /// <summary>An HTTP client for the JSON API whose requests carry <paramref name="token"/>, by default an editor's of this body.</summary>
    public HttpClient CreateAuthorizedClient(string? token = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? TestTokens.For(Body, "editor"));
        return client;
    }

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.Instance.CreateDatabaseAsync(typeof(TContext).Name, MigrateAsync);
        _rabbitMq = await RabbitMqNode.Shared.CreateVirtualHostAsync(typeof(TContext).Name.ToLowerInvariant());
        Channel = ChannelWith(TestTokens.For(Body, "editor"));
        // Wait until the bus has declared its queues and consumes, so that nothing the test publishes is dropped.
        var health = Services.GetRequiredService<HealthCheckService>();
        await Poll.UntilAsync(async () => (await health.CheckHealthAsync(c => c.Tags.Contains("masstransit"))).Status == HealthStatus.Healthy,
            $"the {typeof(TContext).Name} bus to be ready");
    }

    /// <summary>The amqp:// URI of this host's virtual host.</summary>
    public string RabbitMqUrl => _rabbitMq;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Database", _database);
        builder.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        // Trust the tests' signing key instead of fetching an issuer's metadata.
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Authority = null;
            options.Configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            options.Configuration.SigningKeys.Add(TestTokens.Key);
            options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
        }));
    }

    private sealed class BearerHandler(string? token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Configuration a derived host adds.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>
    /// A fresh DbContext on this host's database, to arrange or inspect rows directly, acting (for the
    /// audit trail) as the tests themselves.
    /// </summary>
    public TContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = CurrentActor.System("tests", Body);
        return scope.ServiceProvider.GetRequiredService<TContext>();
    }

    /// <summary>What the service's `migrate` does to its database: migrate as the owner, grant the service's role.</summary>
    private static async Task MigrateAsync(string ownerConnectionString)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(ownerConnectionString);
        await using var db = (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
        await db.Database.MigrateAsync();
        await ServiceRole.GrantAsync(db, PostgresServer.ServiceRole);
    }

    public new async Task DisposeAsync()
    {
        Channel?.Dispose();
        await base.DisposeAsync();
    }
}

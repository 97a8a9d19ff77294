using Grpc.Net.Client;
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

    public string DatabaseConnectionString => _database;

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.Instance.CreateDatabaseAsync(typeof(TContext).Name, MigrateAsync);
        _rabbitMq = await RabbitMqNode.Shared.CreateVirtualHostAsync(typeof(TContext).Name.ToLowerInvariant());
        Channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
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
    }

    /// <summary>Configuration a derived host adds.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>A fresh DbContext on this host's database, to arrange or inspect rows directly.</summary>
    public TContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TContext>();
    }

    private static async Task MigrateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(connectionString);
        await using var db = (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
        await db.Database.MigrateAsync();
    }

    public new async Task DisposeAsync()
    {
        Channel?.Dispose();
        await base.DisposeAsync();
    }
}

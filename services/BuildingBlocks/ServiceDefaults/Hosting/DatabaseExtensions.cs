using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Auditing;

namespace Platform.ServiceDefaults.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own PostgreSQL database (ConnectionStrings:Database) with snake_case
    /// names and the audit trail of its writes, and makes readiness depend on reaching it.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext>(this WebApplicationBuilder builder)
        where TContext : DbContext
    {
        var connectionString = builder.ServiceConnectionString();
        // One pool for the process, named (see PoolName); EF takes its connections from it.
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = PoolName(connectionString) }.Build());
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<AuditingInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// ConnectionStrings:Database with the process's name as its `Application Name` when it names none, so that
    /// PostgreSQL's pg_stat_activity says which service a connection belongs to and the pools have a name (see
    /// <see cref="PoolName"/>).
    /// </summary>
    public static string ServiceConnectionString(this IHostApplicationBuilder builder)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured."));
        connectionString.ApplicationName ??= builder.Environment.ApplicationName;
        if (builder.Configuration.GetValue<int?>("Database:MaxAutoPrepare") is { } prepared)
        {
            connectionString.MaxAutoPrepare = prepared;
        }
        return connectionString.ConnectionString;
    }

    /// <summary>
    /// The name Npgsql reports a connection pool under (the db_client_connection_pool_name label of /metrics): the
    /// connection's `Application Name`, else its database. Npgsql's default is the connection string itself, which
    /// would show the host and the user name to everyone who can read the metrics.
    /// </summary>
    public static string PoolName(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return settings.ApplicationName ?? settings.Database ?? "database";
    }

    /// <summary>The service's options at design time (migrations) and in tests; at run time AddServiceDatabase's.</summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    /// <summary>
    /// Runs a one-shot command instead of the server when the first argument names one:
    /// <c>migrate</c> applies the committed EF Core migrations as the role that owns the tables
    /// (ConnectionStrings:Migrations; unset, ConnectionStrings:Database, one role for everything as in a throwaway
    /// database), grants the role the server and the other commands connect as (the Username of
    /// ConnectionStrings:Database) data access only (<see cref="ServiceRole"/>), then runs every <see cref="IDeploymentStep"/>
    /// (such as declaring the broker queues the service consumes from, so that no event published before
    /// its first start is dropped), and exits. Migrations are an explicit step (run.sh, test fixtures,
    /// a Kubernetes Job), never a side effect of starting the server.
    /// Returns true when a command ran.
    /// </summary>
    public static async Task<bool> RunCommandAsync<TContext>(
        this WebApplication app, string[] args, IReadOnlyDictionary<string, Func<IServiceProvider, Task>>? extraCommands = null)
        where TContext : DbContext
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Commands");
        if (args[0] == "migrate")
        {
            await MigrateAsync<TContext>(scope.ServiceProvider, logger);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            foreach (var step in scope.ServiceProvider.GetServices<IDeploymentStep>())
            {
                await step.RunAsync(timeout.Token);
                logger.LogInformation("Deployed: {Step}", step.Description);
            }
            return true;
        }
        if (extraCommands is not null && extraCommands.TryGetValue(args[0], out var command))
        {
            await command(scope.ServiceProvider);
            return true;
        }
        var known = new[] { "migrate" }.Concat(extraCommands?.Keys ?? []);
        throw new ArgumentException($"Unknown command '{args[0]}'. Known commands: {string.Join(", ", known)}.");
    }

    private static async Task MigrateAsync<TContext>(IServiceProvider services, ILogger logger)
        where TContext : DbContext
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var service = configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        var owner = configuration.GetConnectionString("Migrations") ?? service;
        await using var db = ActivatorUtilities.CreateInstance<TContext>(services, new DbContextOptionsBuilder<TContext>().UseServiceDatabase(owner).Options);
        await db.Database.MigrateAsync();
        logger.LogInformation("Database migrated to {Migration}", (await db.Database.GetAppliedMigrationsAsync()).LastOrDefault());
        if (owner != service && ServiceRole.RoleOf(service, "Database") is var role && role != ServiceRole.RoleOf(owner, "Migrations"))
        {
            await ServiceRole.GrantAsync(db, role);
            logger.LogInformation("Granted the service's role {Role} data access only", role);
        }
    }
}

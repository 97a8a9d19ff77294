using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Auditing;

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
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseServiceDatabase(connectionString)
            .AddInterceptors(services.GetRequiredService<AuditingInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>The same options at run time and at design time (migrations).</summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    /// <summary>
    /// Runs a one-shot command instead of the server when the first argument names one:
    /// <c>migrate</c> applies the committed EF Core migrations, then every <see cref="IDeploymentStep"/>
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
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await db.Database.MigrateAsync();
            logger.LogInformation("Database migrated to {Migration}", (await db.Database.GetAppliedMigrationsAsync()).LastOrDefault());
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
}

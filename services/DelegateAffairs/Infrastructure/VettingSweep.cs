using Platform.ServiceDefaults.Hosting;
using Platform.Api.Security;

namespace Platform.DelegateAffairs.Infrastructure;

/// <summary>
/// The periodic sweep of vetting deadlines (not a timer in memory: a restart loses nothing; replicas sweeping at once
/// share the work, each claiming its rows with SKIP LOCKED): a vetting still
/// waiting for a body after its deadline needs review. The answer, when it comes, settles it again.
/// </summary>
public sealed class VettingSweep(IServiceScopeFactory scopes, VettingOptions options, TimeProvider clock, ILogger<VettingSweep> logger)
    : PeriodicWork(options.SweepInterval, clock, logger)
{
    private const int Batch = 1000;

    public override Task RunOnceAsync(CancellationToken cancellationToken) => SweepOnceAsync(cancellationToken);

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        int swept;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = CurrentActor.System("vetting-deadline-sweep", PlatformBodies.DelegateAffairs);
            var db = scope.ServiceProvider.GetRequiredService<DelegateAffairsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // holds the claimed rows
            swept = await scope.ServiceProvider.GetRequiredService<VettingProcess>().SweepDeadlinesAsync(Batch, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (swept > 0)
            {
                Logger.LogInformation("{Count} vettings passed their deadline with a body silent: they need review", swept);
            }
        }
        while (swept == Batch);
    }
}

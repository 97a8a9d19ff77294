using Platform.ServiceDefaults.Security;

namespace Platform.DelegateAffairs.Infrastructure;

/// <summary>
/// The periodic sweep of vetting deadlines (not a timer in memory: a restart loses nothing): a vetting still
/// waiting for a body after its deadline needs review. The answer, when it comes, settles it again.
/// </summary>
public sealed class VettingSweep(IServiceScopeFactory scopes, VettingOptions options, TimeProvider clock, ILogger<VettingSweep> logger) : BackgroundService
{
    private const int Batch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The vetting deadline sweep failed; it runs again in {Interval}", options.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        int swept;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = CurrentActor.System("vetting-deadline-sweep", PlatformBodies.DelegateAffairs);
            var db = scope.ServiceProvider.GetRequiredService<DelegateAffairsDbContext>();
            swept = await scope.ServiceProvider.GetRequiredService<VettingProcess>().SweepDeadlinesAsync(Batch, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (swept > 0)
            {
                logger.LogInformation("{Count} vettings passed their deadline with a body silent: they need review", swept);
            }
        }
        while (swept == Batch);
    }
}

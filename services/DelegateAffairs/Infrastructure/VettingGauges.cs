using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Platform.DelegateAffairs.Model;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.DelegateAffairs.Infrastructure;

/// <summary>
/// Vetting as an operator sees it: platform.vetting.pending (candidates waiting for a body's answer, split by
/// past_deadline — those the deadline sweep should already have sent to review, so a lasting non-zero there means the
/// sweep is not running) and platform.vetting.needs_review (the reviewers' queue). Counted on the (status, deadline)
/// index, so cheap even with a national candidate list.
/// </summary>
public sealed class VettingGauges : QueriedGauges
{
    private const string Pending = "platform.vetting.pending";
    private const string NeedsReview = "platform.vetting.needs_review";

    private readonly IServiceScopeFactory _scopes;

    public VettingGauges(IServiceScopeFactory scopes, GaugeOptions options, TimeProvider clock, IMeterFactory meters, ILogger<VettingGauges> logger)
        : base(PlatformTelemetry.Vetting, options, clock, meters, logger)
    {
        _scopes = scopes;
        Declare(Pending, "{candidate}", "Candidates whose vetting waits for another body's answer, by past_deadline.");
        Declare(NeedsReview, "{candidate}", "Candidates whose vetting needs a Delegate Affairs reviewer.");
    }

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var vettings = scope.ServiceProvider.GetRequiredService<DelegateAffairsDbContext>().CandidateVettings;
        var now = Clock.GetUtcNow();
        var pending = await vettings.LongCountAsync(v => v.Status == VettingStatuses.Pending, cancellationToken);
        var late = await vettings.LongCountAsync(v => v.Status == VettingStatuses.Pending && v.Deadline < now, cancellationToken);
        var review = await vettings.LongCountAsync(v => v.Status == VettingStatuses.NeedsReview, cancellationToken);
        Set(Pending, Value(pending - late, "past_deadline", "false"), Value(late, "past_deadline", "true"));
        Set(NeedsReview, new Measurement<long>(review));
    }
}

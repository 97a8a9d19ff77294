using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.DelegateAffairs.V1;

namespace Platform.Screens.Elections;

/// <summary>
/// The form a Delegate Affairs reviewer settles a vetting with, on the review queue and on the candidate's page: what was
/// posted (the fields keep their plain names, Etag, Decision and Reason) and, after a refusal, the service's objections.
/// </summary>
public sealed class SettlementForm
{
    public string? Etag { get; set; }

    /// <summary>"eligible" or "ineligible"; anything else reaches the service as unspecified, which names the field.</summary>
    public string? Decision { get; set; }

    public string? Reason { get; set; }

    /// <summary>The service's objections to the last settlement, by the field they name (reason, decision).</summary>
    [BindNever]
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>An objection naming no field of the form: the vetting changed, is settled, …</summary>
    [BindNever]
    public string? FormError { get; set; }

    /// <summary>Sends the settlement of <paramref name="candidateId"/>'s vetting; the vetting settled, or null with the objections kept here.</summary>
    public async Task<CandidateVetting?> SettleAsync(ServiceChannels channels, ScreenSession session, ILogger logger, string candidateId)
    {
        var outcome = await ReviewerSettlement.SettleAsync(channels, session, logger, candidateId, Etag ?? "", Decision, Reason ?? "");
        (FieldErrors, FormError) = (outcome.FieldErrors, outcome.FormError);
        return outcome.Settled;
    }
}

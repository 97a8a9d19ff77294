using Platform.DelegateAffairs.Model;
using Platform.Api.Errors;
using Platform.Api.Security;
using Proto = Platform.DelegateAffairs.V1;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>Vetting to the API's messages, with the facts behind findings shown only to those allowed to see them.</summary>
internal static class VettingMapping
{
    private static readonly (Proto.Disqualifier Proto, string Name)[] Disqualifiers =
    [
        (Proto.Disqualifier.DeprivedOfRightToStand, "DEPRIVED_OF_RIGHT_TO_STAND"),
        (Proto.Disqualifier.Imprisoned, "IMPRISONED"),
        (Proto.Disqualifier.LegallyIncapacitated, "LEGALLY_INCAPACITATED"),
        (Proto.Disqualifier.Prosecuted, "PROSECUTED"),
        (Proto.Disqualifier.ServingSentence, "SERVING_SENTENCE"),
        (Proto.Disqualifier.ConvictedNotCleared, "CONVICTED_NOT_CLEARED"),
        (Proto.Disqualifier.CompulsoryEducation, "COMPULSORY_EDUCATION"),
    ];

    private static readonly (Proto.VettingStatus Proto, string Name)[] Statuses =
    [
        (Proto.VettingStatus.Pending, VettingStatuses.Pending),
        (Proto.VettingStatus.Eligible, VettingStatuses.Eligible),
        (Proto.VettingStatus.Ineligible, VettingStatuses.Ineligible),
        (Proto.VettingStatus.NeedsReview, VettingStatuses.NeedsReview),
    ];

    public static Proto.Disqualifier DisqualifierOf(string name) => Disqualifiers.FirstOrDefault(d => d.Name == name).Proto;

    /// <summary>Null for a value that is not a ground of art. 37.</summary>
    public static string? NameOf(Proto.Disqualifier disqualifier) => Disqualifiers.FirstOrDefault(d => d.Proto == disqualifier).Name;

    public static Proto.VettingStatus StatusOf(string? name) => Statuses.FirstOrDefault(s => s.Name == name).Proto;

    public static string? NameOf(Proto.VettingStatus status) => Statuses.FirstOrDefault(s => s.Proto == status).Name;

    /// <summary>A status named with or without the enum's prefix, any case; null for another word.</summary>
    public static string? ParseStatus(string text)
    {
        var name = text.Trim().ToUpperInvariant();
        name = name.StartsWith("VETTING_STATUS_", StringComparison.Ordinal) ? name["VETTING_STATUS_".Length..] : name;
        return Statuses.Any(s => s.Name == name) ? name : null;
    }

    /// <summary>
    /// Regulation 205: personnel facts are seen by the vetting role of the body that owns the record and by
    /// Delegate Affairs' reviewers; everyone else sees the outcome, the rules and their results only.
    /// </summary>
    public static bool MaySeeFactsOf(PlatformPrincipal? caller, string body) =>
        caller is not null && ((caller.Body == body && caller.Roles.Contains("vetting"))
            || (caller.Body == PlatformBodies.DelegateAffairs && caller.Roles.Contains("reviewer")));

    public static Proto.CandidateVetting ToProto(this CandidateVetting vetting, PlatformPrincipal? caller)
    {
        var proto = new Proto.CandidateVetting
        {
            CandidateId = vetting.CandidateId.ToString(),
            ElectionId = vetting.ElectionId,
            Status = StatusOf(vetting.Status),
            RequestedAt = vetting.RequestedAt.ToString("O"),
            Deadline = vetting.Deadline.ToString("O"),
            Flagged = vetting.Flagged,
            Etag = Etags.Of(vetting.RowVersion),
        };
        proto.Reasons.AddRange(vetting.Reasons);
        proto.Bodies.Add(Findings(LawChecks.Body, true, vetting.RequestedAt, vetting.OwnFindings, caller));
        foreach (var body in CandidateVetting.AskedBodies)
        {
            var answer = vetting.AnswerOf(body);
            proto.Bodies.Add(Findings(body, vetting.HasAnswered(body), answer?.AnsweredAt, answer?.Findings ?? [], caller));
        }
        if (vetting.Settlement is { } settlement)
        {
            proto.Settlement = new Proto.VettingSettlement
            {
                Decision = StatusOf(settlement.Decision), Reason = settlement.Reason, SettledBy = settlement.SettledBy, SettledByName = settlement.SettledByName ?? "",
                SettledAt = settlement.SettledAt.ToString("O"), Void = !vetting.SettlementApplies,
            };
        }
        return proto;
    }

    private static Proto.BodyFindings Findings(string body, bool answered, DateTimeOffset? at,
        IEnumerable<Contracts.IntegrationEvents.VettingFinding> findings, PlatformPrincipal? caller)
    {
        var showFacts = MaySeeFactsOf(caller, body);
        var proto = new Proto.BodyFindings { Body = body, Answered = answered, AnsweredAt = at?.ToString("O") ?? "" };
        proto.Findings.AddRange(findings.Select(f =>
        {
            var finding = new Proto.VettingFinding
            {
                Rule = f.Rule, Title = f.Title, Document = f.Document, DocumentDate = f.DocumentDate.ToString("yyyy-MM-dd"),
                Result = f.Result switch { "PASS" => Proto.FindingResult.Pass, "FAIL" => Proto.FindingResult.Fail, _ => Proto.FindingResult.CannotTell },
                Disqualifying = f.Disqualifying, FactsWithheld = !showFacts && f.Facts.Count > 0,
            };
            if (showFacts)
            {
                finding.Facts.AddRange(f.Facts);
            }
            return finding;
        }));
        return proto;
    }
}

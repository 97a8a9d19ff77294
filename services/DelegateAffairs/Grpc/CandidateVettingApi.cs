using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.Model;
using Platform.Api.Errors;
using Platform.Api.Security;
using Platform.Vietnamese;
using Proto = Platform.DelegateAffairs.V1;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>A candidate's vetting: read it (facts only for those allowed), and settle one that needs review.</summary>
public sealed class CandidateVettingApi(DelegateAffairsDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<Proto.CandidateVetting> GetAsync(Proto.GetCandidateVettingRequest request, ServerCallContext context)
    {
        var vetting = await FindAsync(request.CandidateId, tracked: false, context.CancellationToken);
        return vetting.ToProto(PlatformPrincipal.From(context.GetHttpContext().User));
    }

    public async Task<Proto.CandidateVetting> SettleAsync(Proto.SettleCandidateVettingRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var etag = Etags.Parse(request.Etag, "etag", validator);
        validator.Require(request.Decision is Proto.VettingStatus.Eligible or Proto.VettingStatus.Ineligible, "decision", Violation.Of(ErrorReasons.NotAllowedValue, "must be eligible or ineligible"));
        var reason = VietnameseText.Normalize(request.Reason);
        validator.Require(reason.Length is >= 10 and <= 2000, "reason", Violation.Of(ErrorReasons.Required, "is required: write why (10 to 2000 characters)", ("Min", 10), ("Max", 2000)));
        validator.ThrowIfInvalid();
        var vetting = await FindAsync(request.CandidateId, tracked: true, context.CancellationToken);
        Etags.Check(vetting.RowVersion, etag, "Vetting", request.CandidateId);
        var now = clock.GetUtcNow();
        vetting.Recompute(now); // judged as of now: a deadline may have passed since the last sweep
        if (vetting.Status != VettingStatuses.NeedsReview)
        {
            throw new PreconditionFailedException(ErrorReasons.VettingNotInReview,
                $"The vetting of candidate {request.CandidateId} is {vetting.Status.ToLowerInvariant().Replace('_', ' ')}; only one that needs review is settled.",
                ("status", vetting.Status));
        }
        var reviewer = actor.Actor!;
        var reviewerName = context.GetHttpContext().User.FindFirst(PlatformClaims.Name)?.Value is { Length: > 0 } name ? VietnameseText.Normalize(name) : null;
        vetting.Settlement = new VettingSettlement(VettingMapping.NameOf(request.Decision)!, reason, reviewer.Subject, now, vetting.Basis, reviewerName);
        vetting.Recompute(now);
        Etags.ExpectVersion(db, vetting, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return vetting.ToProto(PlatformPrincipal.From(context.GetHttpContext().User));
    }

    private async Task<CandidateVetting> FindAsync(string candidateId, bool tracked, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(Guid.TryParse(candidateId, out var id), "candidate_id", Violation.Of(ErrorReasons.InvalidFormat, "must be a candidate id this API returned")).ThrowIfInvalid();
        var query = tracked ? db.CandidateVettings : db.CandidateVettings.AsNoTracking();
        return await query.SingleOrDefaultAsync(v => v.CandidateId == id, cancellationToken)
            ?? throw new ResourceNotFoundException("Vetting of candidate", candidateId);
    }
}

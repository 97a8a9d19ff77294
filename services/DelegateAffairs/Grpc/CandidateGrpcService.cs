using System.Text.RegularExpressions;
using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.Model;
using Platform.DelegateAffairs.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Vietnamese;
using Candidate = Platform.DelegateAffairs.Model.Candidate;
using Constituency = Platform.DelegateAffairs.Model.Constituency;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>platform.delegateaffairs.v1.CandidateService: constituencies and the candidates standing in them.</summary>
public sealed partial class CandidateGrpcService(DelegateAffairsDbContext db, TimeProvider clock, VettingProcess vetting, CandidateVettingApi vettings)
    : CandidateService.CandidateServiceBase
{
    private static readonly string[] ConstituencyPaths = ["seats"];
    private static readonly string[] CandidatePaths =
    [
        "constituency_id", "national_id", "full_name", "birth_date", "sex", "ethnicity", "party_member", "occupation", "workplace",
        "residence", "nominating_level", "re_elected", "full_time", "dossier_items", "status", "other_nationality", "disqualifiers",
    ];

    /// <summary>The most candidates one BatchCreateCandidates records.</summary>
    private const int MaxBatch = 1000;

    public override async Task<ListConstituenciesResponse> ListConstituencies(ListConstituenciesRequest request, ServerCallContext context)
    {
        var election = await ElectionAsync(request.ElectionId, "election_id", context.CancellationToken);
        var query = db.Constituencies.AsNoTracking().Where(c => c.ElectionId == election.Id);
        if (request.ProvinceCode.Length > 0)
        {
            query = query.Where(c => c.ProvinceCode == request.ProvinceCode);
        }
        var page = await query.ToPageAsync(c => c.Id, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var ids = page.Items.Select(c => c.Id).ToList();
        var counts = await CandidateCountsAsync(ids, context.CancellationToken);
        var rules = await MarginRulesAsync(election, context.CancellationToken);
        var response = new ListConstituenciesResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.Constituencies.AddRange(page.Items.Select(c =>
            c.ToProto(counts.GetValueOrDefault(c.Id), ElectionRules.MinimumCandidates(election.Family, c.Seats, rules))));
        return response;
    }

    public override async Task<V1.Constituency> GetConstituency(GetConstituencyRequest request, ServerCallContext context)
    {
        var constituency = await db.Constituencies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Constituency", request.Id);
        return await ToProtoAsync(constituency, context.CancellationToken);
    }

    public override async Task<V1.Constituency> CreateConstituency(CreateConstituencyRequest request, ServerCallContext context)
    {
        var input = request.Constituency;
        new RequestValidator().Require(input is not null, "constituency", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator();
        var election = await db.Elections.AsNoTracking().SingleOrDefaultAsync(e => e.Id == input!.ElectionId, context.CancellationToken);
        validator.Require(election is not null, "constituency.election_id", Violation.UnknownReference($"there is no election '{input!.ElectionId}'", input!.ElectionId));
        var provinceKnown = await db.AdministrativeUnits.AnyAsync(u => u.Code == input.ProvinceCode && u.ParentCode == null, context.CancellationToken);
        validator.Require(provinceKnown, "constituency.province_code", Violation.UnknownReference($"'{input.ProvinceCode}' is not a province code", input.ProvinceCode));
        validator.Require(input.Number >= 1, "constituency.number", Violation.NumberOutOfRange("must be 1 or more", 1));
        if (election is not null)
        {
            await ValidateSeatsAsync(validator, election, input.Seats, context.CancellationToken);
        }
        validator.ThrowIfInvalid();

        var id = Constituency.IdFor(election!.Id, input.ProvinceCode, input.Number);
        if (await db.Constituencies.AnyAsync(c => c.Id == id, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Constituency", id);
        }
        var constituency = new Constituency { Id = id, ElectionId = election.Id, ProvinceCode = input.ProvinceCode, Number = input.Number, Seats = input.Seats };
        db.Constituencies.Add(constituency);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ToProtoAsync(constituency, context.CancellationToken);
    }

    public override async Task<V1.Constituency> UpdateConstituency(UpdateConstituencyRequest request, ServerCallContext context)
    {
        var input = request.Constituency;
        new RequestValidator().Require(input is not null, "constituency", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, ConstituencyPaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "constituency.etag", validator);
        validator.ThrowIfInvalid();
        var constituency = await db.Constituencies.SingleOrDefaultAsync(c => c.Id == input.Id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Constituency", input.Id);
        Etags.Check(constituency.RowVersion, etag, "Constituency", constituency.Id);
        if (paths.Contains("seats"))
        {
            var election = await db.Elections.AsNoTracking().SingleAsync(e => e.Id == constituency.ElectionId, context.CancellationToken);
            await ValidateSeatsAsync(validator, election, input.Seats, context.CancellationToken);
            validator.ThrowIfInvalid();
            constituency.Seats = input.Seats;
        }
        Etags.ExpectVersion(db, constituency, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return await ToProtoAsync(constituency, context.CancellationToken);
    }

    public override async Task<ListCandidatesResponse> ListCandidates(ListCandidatesRequest request, ServerCallContext context)
    {
        var election = await ElectionAsync(request.ElectionId, "election_id", context.CancellationToken);
        var query = db.Candidates.AsNoTracking().Where(c => c.ElectionId == election.Id);
        if (request.ConstituencyId.Length > 0)
        {
            query = query.Where(c => c.ConstituencyId == request.ConstituencyId);
        }
        if (request.VettingStatus.Length > 0)
        {
            var status = VettingMapping.ParseStatus(request.VettingStatus);
            new RequestValidator().Require(status is not null, "vetting_status", Violation.Of(ErrorReasons.NotAllowedValue, "is one of PENDING, ELIGIBLE, INELIGIBLE, NEEDS_REVIEW")).ThrowIfInvalid();
            query = query.Where(c => db.CandidateVettings.Any(v => v.CandidateId == c.Id && v.Status == status));
        }
        var page = await query.ToNameSearchPageAsync(c => c.SearchName, c => c.ListKey, request.NameQuery,
            PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var statuses = await VettingStatusesAsync(page.Items.Select(c => c.Id).ToList(), context.CancellationToken);
        var response = new ListCandidatesResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.Candidates.AddRange(page.Items.Select(c => c.ToProto(statuses.GetValueOrDefault(c.Id))));
        return response;
    }

    public override async Task<V1.Candidate> GetCandidate(GetCandidateRequest request, ServerCallContext context) =>
        await ToProtoAsync(await FindCandidateAsync(request.Id, "id", tracked: false, context.CancellationToken), context.CancellationToken);

    public override Task<V1.CandidateVetting> GetCandidateVetting(GetCandidateVettingRequest request, ServerCallContext context) =>
        vettings.GetAsync(request, context);

    public override Task<V1.CandidateVetting> SettleCandidateVetting(SettleCandidateVettingRequest request, ServerCallContext context) =>
        vettings.SettleAsync(request, context);

    public override async Task<BatchCreateCandidatesResponse> BatchCreateCandidates(BatchCreateCandidatesRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        validator.Require(request.Requests.Count is > 0 and <= MaxBatch, "requests", Violation.ItemCount($"holds 1 to {MaxBatch} candidates", 1, MaxBatch));
        var election = await db.Elections.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.ElectionId, context.CancellationToken);
        validator.Require(election is not null, "election_id", Violation.UnknownReference($"there is no election '{request.ElectionId}'", request.ElectionId));
        validator.ThrowIfInvalid();
        // The batch's constituencies in one query, not one per candidate.
        var constituencyIds = request.Requests.Where(r => r.Candidate is not null).Select(r => r.Candidate.ConstituencyId).Distinct().ToList();
        var constituencies = await db.Constituencies.AsNoTracking()
            .Where(c => c.ElectionId == election!.Id && constituencyIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, context.CancellationToken);
        var candidates = new List<Candidate>();
        var nationalIdsSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, i) in request.Requests.Select((r, i) => (r.Candidate, i)))
        {
            var field = $"requests[{i}].candidate";
            validator.Require(item is not null, field, Violation.Required());
            if (item is null)
            {
                continue;
            }
            validator.Require(item.ElectionId.Length == 0 || item.ElectionId == election!.Id, $"{field}.election_id", Violation.Of(ErrorReasons.Inconsistent, "must be empty or the batch's election"));
            var candidate = NewCandidate(election!.Id);
            var itemValidator = new RequestValidator();
            Apply(itemValidator, candidate, item, constituencies.GetValueOrDefault(item.ConstituencyId));
            foreach (var violation in itemValidator.Violations)
            {
                validator.Require(false, violation.Field.Replace("candidate.", $"{field}.", StringComparison.Ordinal), violation.Violation);
            }
            validator.Require(nationalIdsSeen.Add(candidate.NationalId), $"{field}.national_id", Violation.Of(ErrorReasons.Duplicate, "appears twice in the batch"));
            candidates.Add(candidate);
        }
        validator.ThrowIfInvalid();
        var nationalIds = candidates.Select(c => c.NationalId).ToList();
        var taken = await db.Candidates.Where(c => c.ElectionId == election!.Id && nationalIds.Contains(c.NationalId))
            .Select(c => c.NationalId).OrderBy(id => id).FirstOrDefaultAsync(context.CancellationToken); // the same one named each time
        if (taken is not null)
        {
            throw new ResourceAlreadyExistsException("Candidate with national ID", taken);
        }
        db.Candidates.AddRange(candidates);
        await vetting.RequestAsync(candidates, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        // One look at the tracked vettings for the whole batch: each look makes EF compare every tracked row.
        var statuses = db.CandidateVettings.Local.ToDictionary(v => v.CandidateId, v => v.Status);
        var response = new BatchCreateCandidatesResponse();
        response.Candidates.AddRange(candidates.Select(c => c.ToProto(statuses.GetValueOrDefault(c.Id))));
        return response;
    }

    public override async Task<V1.Candidate> CreateCandidate(CreateCandidateRequest request, ServerCallContext context)
    {
        var input = request.Candidate;
        new RequestValidator().Require(input is not null, "candidate", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator();
        var election = await db.Elections.AsNoTracking().SingleOrDefaultAsync(e => e.Id == input!.ElectionId, context.CancellationToken);
        validator.Require(election is not null, "candidate.election_id", Violation.UnknownReference($"there is no election '{input!.ElectionId}'", input!.ElectionId));
        var candidate = NewCandidate(input.ElectionId);
        await ApplyAsync(validator, candidate, input, context.CancellationToken);
        validator.ThrowIfInvalid();
        if (await db.Candidates.AnyAsync(c => c.ElectionId == candidate.ElectionId && c.NationalId == candidate.NationalId, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Candidate with national ID", candidate.NationalId);
        }
        db.Candidates.Add(candidate);
        // Recorded and asked about in one transaction: the request cannot be lost, nor sent for a candidate not saved.
        await vetting.RequestAsync([candidate], context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return candidate.ToProto(VettingStatusOf(candidate.Id));
    }

    public override async Task<V1.Candidate> UpdateCandidate(UpdateCandidateRequest request, ServerCallContext context)
    {
        var input = request.Candidate;
        new RequestValidator().Require(input is not null, "candidate", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, CandidatePaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "candidate.etag", validator);
        validator.ThrowIfInvalid();
        var candidate = await FindCandidateAsync(input.Id, "candidate.id", tracked: true, context.CancellationToken);
        Etags.Check(candidate.RowVersion, etag, "Candidate", input.Id);
        var merged = candidate.ToProto();
        Masks.Merge(paths, input, merged);
        var formerConstituency = candidate.ConstituencyId;
        await ApplyAsync(validator, candidate, merged, context.CancellationToken);
        validator.ThrowIfInvalid();
        Etags.ExpectVersion(db, candidate, etag);
        // The person's facts may have changed: every body is asked again, and the constituency it left recounted.
        await vetting.RequestAsync([candidate], context.CancellationToken);
        if (formerConstituency != candidate.ConstituencyId)
        {
            await vetting.RefreshOwnFindingsAsync([formerConstituency], [candidate], cancellationToken: context.CancellationToken);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return candidate.ToProto(VettingStatusOf(candidate.Id));
    }

    /// <summary>Validates every field of <paramref name="input"/> and, where valid, sets it on the candidate.</summary>
    private async Task ApplyAsync(RequestValidator validator, Candidate candidate, V1.Candidate input, CancellationToken cancellationToken)
    {
        var constituency = await db.Constituencies.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == input.ConstituencyId && c.ElectionId == candidate.ElectionId, cancellationToken);
        Apply(validator, candidate, input, constituency);
    }

    /// <summary>Checks the input and copies it onto the candidate; <paramref name="constituency"/> is the one it names in the candidate's election, if any.</summary>
    private void Apply(RequestValidator validator, Candidate candidate, V1.Candidate input, Constituency? constituency)
    {
        validator.Require(constituency is not null, "candidate.constituency_id", Violation.UnknownReference($"there is no constituency '{input.ConstituencyId}' in this election", input.ConstituencyId));
        validator.Require(NationalIdPattern().IsMatch(input.NationalId), "candidate.national_id", Violation.Of(ErrorReasons.InvalidFormat, "must be the 12 digits of a citizen identity card"));
        var name = VietnameseText.Normalize(input.FullName);
        validator.Require(name.Length is > 0 and <= 100, "candidate.full_name", Violation.RequiredText(100));
        var birthDateValid = IsoDate.TryParse(input.BirthDate, out var birthDate);
        validator.Require(birthDateValid, "candidate.birth_date", Violation.InvalidDate);
        validator.Require(!birthDateValid || birthDate <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "candidate.birth_date", Violation.Of(ErrorReasons.DateTooLate, "is in the future", ("Bound", "today")));
        validator.Require(input.Sex is V1.Sex.Male or V1.Sex.Female, "candidate.sex", Violation.Required());
        var ethnicity = VietnameseText.Normalize(input.Ethnicity);
        validator.Require(ethnicity.Length is > 0 and <= 40, "candidate.ethnicity", Violation.Of(ErrorReasons.Required, "is required, e.g. Kinh, Tày, Ê Đê", ("Example", "Kinh, Tày, Ê Đê")));
        validator.Require(input.NominatingLevel != V1.NominatingLevel.Unspecified && Enum.IsDefined(input.NominatingLevel),
            "candidate.nominating_level", Violation.Required());
        var status = input.Status == V1.CandidateStatus.Unspecified ? V1.CandidateStatus.Introduced : input.Status;
        validator.Require(Enum.IsDefined(status), "candidate.status", Violation.Of(ErrorReasons.NotAllowedValue, "is not a candidate status"));
        var otherNationality = VietnameseText.Normalize(input.OtherNationality);
        validator.Require(otherNationality.Length <= 60, "candidate.other_nationality", Violation.TextTooLong(60));
        var disqualifiers = input.Disqualifiers.Select(VettingMapping.NameOf).ToList();
        validator.Require(disqualifiers.All(d => d is not null), "candidate.disqualifiers", Violation.Of(ErrorReasons.NotAllowedValue, "holds a value that is not a ground of Law 85/2015 art. 37"));
        var dossier = DelegateAffairsMapping.ToDomain(input.DossierItems);
        validator.Require(dossier is not null, "candidate.dossier_items", Violation.Of(ErrorReasons.Inconsistent, "holds an item that is not part of a dossier"));
        if (!validator.IsValid)
        {
            return;
        }
        candidate.ConstituencyId = constituency!.Id;
        candidate.ProvinceCode = constituency.ProvinceCode;
        candidate.NationalId = input.NationalId;
        candidate.SetName(name);
        candidate.BirthDate = birthDate;
        candidate.Sex = (Model.Sex)input.Sex;
        candidate.Ethnicity = ethnicity;
        candidate.PartyMember = input.PartyMember;
        candidate.Occupation = VietnameseText.Normalize(input.Occupation);
        candidate.Workplace = VietnameseText.Normalize(input.Workplace);
        candidate.Residence = VietnameseText.Normalize(input.Residence);
        candidate.NominatingLevel = (Model.NominatingLevel)input.NominatingLevel;
        candidate.ReElected = input.ReElected;
        candidate.FullTime = input.FullTime;
        candidate.DossierItems = dossier!.Value;
        candidate.Status = (Model.CandidateStatus)status;
        candidate.OtherNationality = otherNationality;
        candidate.Disqualifiers = disqualifiers.Distinct().ToList()!;
    }

    private static Candidate NewCandidate(string electionId) => new()
    {
        Id = NewId.NextGuid(), ElectionId = electionId, ConstituencyId = "", ProvinceCode = "", NationalId = "", Ethnicity = "",
    };

    /// <summary>The vetting status of a candidate of this unit of work (tracked, maybe not yet saved).</summary>
    private string? VettingStatusOf(Guid candidateId) => db.CandidateVettings.Local.SingleOrDefault(v => v.CandidateId == candidateId)?.Status;

    private async Task<Dictionary<Guid, string>> VettingStatusesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.CandidateVettings.AsNoTracking().Where(v => ids.Contains(v.CandidateId))
            .ToDictionaryAsync(v => v.CandidateId, v => v.Status, cancellationToken);

    private async Task<V1.Candidate> ToProtoAsync(Candidate candidate, CancellationToken cancellationToken) =>
        candidate.ToProto((await VettingStatusesAsync([candidate.Id], cancellationToken)).GetValueOrDefault(candidate.Id));

    private async Task ValidateSeatsAsync(RequestValidator validator, Model.Election election, int seats, CancellationToken cancellationToken)
    {
        var max = ElectionRules.MaxSeats(election.Family, await MarginRulesAsync(election, cancellationToken));
        validator.Require(seats >= 1 && seats <= max, "constituency.seats", Violation.NumberOutOfRange($"must be 1 to {max} for this election (law {election.LawCode})", 1, max));
    }

    private Task<List<CandidateMarginRule>> MarginRulesAsync(Model.Election election, CancellationToken cancellationToken) =>
        db.CandidateMarginRules.AsNoTracking().Where(r => r.LawCode == election.LawCode).ToListAsync(cancellationToken);

    private async Task<Dictionary<string, int>> CandidateCountsAsync(IReadOnlyCollection<string> constituencyIds, CancellationToken cancellationToken) =>
        await db.Candidates.AsNoTracking()
            .Where(c => constituencyIds.Contains(c.ConstituencyId) && c.Status != Model.CandidateStatus.Withdrawn)
            .GroupBy(c => c.ConstituencyId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);

    private async Task<V1.Constituency> ToProtoAsync(Constituency constituency, CancellationToken cancellationToken)
    {
        var election = await db.Elections.AsNoTracking().SingleAsync(e => e.Id == constituency.ElectionId, cancellationToken);
        var counts = await CandidateCountsAsync([constituency.Id], cancellationToken);
        var rules = await MarginRulesAsync(election, cancellationToken);
        return constituency.ToProto(counts.GetValueOrDefault(constituency.Id), ElectionRules.MinimumCandidates(election.Family, constituency.Seats, rules));
    }

    private async Task<Model.Election> ElectionAsync(string id, string field, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(id.Length > 0, field, Violation.Required()).ThrowIfInvalid();
        return await db.Elections.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new ResourceNotFoundException("Election", id);
    }

    /// <param name="field">The id's path in the request, for the error (an update carries it in its candidate).</param>
    private async Task<Candidate> FindCandidateAsync(string id, string field, bool tracked, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(Guid.TryParse(id, out var key), field, Violation.Of(ErrorReasons.InvalidFormat, "must be a candidate id this API returned")).ThrowIfInvalid();
        var query = tracked ? db.Candidates : db.Candidates.AsNoTracking();
        return await query.SingleOrDefaultAsync(c => c.Id == key, cancellationToken)
            ?? throw new ResourceNotFoundException("Candidate", id);
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex NationalIdPattern();
}

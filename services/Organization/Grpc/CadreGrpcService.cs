using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Organization.Infrastructure;
using Platform.Organization.Model;
using Platform.Organization.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Vietnamese;
using Platform.Vetting.Infrastructure;
using CadreRecord = Platform.Organization.Model.CadreRecord;
using DisciplineRecord = Platform.Organization.Model.DisciplineRecord;
using Regulation205Finding = Platform.Organization.Model.Regulation205Finding;
using RelativeInLinkedPost = Platform.Organization.Model.RelativeInLinkedPost;

namespace Platform.Organization.Grpc;

/// <summary>platform.organization.v1.CadreService: cadre records, keyed by national ID number.</summary>
public sealed partial class CadreGrpcService(OrganizationDbContext db, TimeProvider clock, VettingAnswerer vetting) : CadreService.CadreServiceBase
{
    private static readonly string[] UpdatablePaths =
    [
        "full_name", "birth_date", "sex", "position", "party_standing", "party_joined_date", "succession_plan_status",
        "discipline_records", "regulation205_findings", "relatives_in_linked_posts",
    ];

    public override async Task<ListCadreRecordsResponse> ListCadreRecords(ListCadreRecordsRequest request, ServerCallContext context)
    {
        var query = db.CadreRecords.AsNoTracking();
        var page = await query.ToNameSearchPageAsync(r => r.SearchName, r => r.ListKey, request.NameQuery,
            PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListCadreRecordsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.CadreRecords.AddRange(page.Items.Select(r => r.ToProto()));
        return response;
    }

    public override async Task<V1.CadreRecord> GetCadreRecord(GetCadreRecordRequest request, ServerCallContext context) =>
        (await FindAsync(request.NationalId, tracked: false, context.CancellationToken)).ToProto();

    public override async Task<V1.CadreRecord> CreateCadreRecord(CreateCadreRecordRequest request, ServerCallContext context)
    {
        var input = request.CadreRecord;
        new RequestValidator().Require(input is not null, "cadre_record", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator()
            .Require(NationalIdPattern().IsMatch(input!.NationalId), "cadre_record.national_id", Violation.Of(ErrorReasons.InvalidFormat, "must be the 12 digits of a citizen identity card"));
        var record = new CadreRecord { NationalId = input.NationalId, Sex = "" };
        Apply(validator, record, input);
        validator.ThrowIfInvalid();
        if (await db.CadreRecords.AnyAsync(r => r.NationalId == input.NationalId, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Cadre record", input.NationalId);
        }
        db.CadreRecords.Add(record);
        await SaveAndRevetAsync(record, context.CancellationToken);
        return record.ToProto();
    }

    public override async Task<V1.CadreRecord> UpdateCadreRecord(UpdateCadreRecordRequest request, ServerCallContext context)
    {
        var input = request.CadreRecord;
        new RequestValidator().Require(input is not null, "cadre_record", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, UpdatablePaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "cadre_record.etag", validator);
        validator.ThrowIfInvalid();
        var record = await FindAsync(input.NationalId, tracked: true, context.CancellationToken, "cadre_record.national_id");
        Etags.Check(record.RowVersion, etag, "Cadre record", record.NationalId);
        var merged = record.ToProto();
        Masks.Merge(paths, input, merged);
        Apply(validator, record, merged);
        validator.ThrowIfInvalid();
        Etags.ExpectVersion(db, record, etag);
        await SaveAndRevetAsync(record, context.CancellationToken);
        return record.ToProto();
    }

    /// <summary>
    /// Saves a written record with this body's new answers on every candidate who is that person, in one
    /// transaction: vetting stays current (a new discipline, a corrected birth date) without anyone asking again.
    /// </summary>
    private async Task SaveAndRevetAsync(CadreRecord record, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await vetting.RevetAsync([record.NationalId], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Validates every field and, if all are valid, sets them on the record.</summary>
    private void Apply(RequestValidator validator, CadreRecord record, V1.CadreRecord input)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var name = VietnameseText.Normalize(input.FullName);
        validator.Require(name.Length is > 0 and <= 100, "cadre_record.full_name", Violation.RequiredText(100));
        var birth = validator.Date(input.BirthDate, "cadre_record.birth_date", required: true);
        validator.Require(birth is null || birth <= today, "cadre_record.birth_date", Violation.Of(ErrorReasons.DateTooLate, "is in the future", ("Bound", "today")));
        validator.Require(input.Sex is "male" or "female", "cadre_record.sex", Violation.Of(ErrorReasons.NotAllowedValue, "must be male or female"));
        validator.Require(input.PartyStanding != V1.PartyStanding.Unspecified && Enum.IsDefined(input.PartyStanding), "cadre_record.party_standing", Violation.Required());
        var joined = validator.Date(input.PartyJoinedDate, "cadre_record.party_joined_date", required: false);
        validator.Require(input.SuccessionPlanStatus != V1.SuccessionPlanStatus.Unspecified && Enum.IsDefined(input.SuccessionPlanStatus),
            "cadre_record.succession_plan_status", Violation.Required());

        var discipline = input.DisciplineRecords.Select((d, i) =>
        {
            var field = $"cadre_record.discipline_records[{i}]";
            var decided = validator.Date(d.DecidedDate, $"{field}.decided_date", required: true);
            var expires = validator.Date(d.ExpiresDate, $"{field}.expires_date", required: false);
            validator.Require(d.Form.Trim().Length > 0, $"{field}.form", Violation.Of(ErrorReasons.Required, "is required, e.g. Khiển trách", ("Example", "Khiển trách")));
            return new DisciplineRecord(decided ?? default, VietnameseText.Normalize(d.Form), VietnameseText.Normalize(d.Reason), expires);
        }).ToList();
        var findings = input.Regulation205Findings.Select((f, i) =>
        {
            var field = $"cadre_record.regulation205_findings[{i}]";
            validator.Require(f.Kind != V1.Regulation205FindingKind.Unspecified && Enum.IsDefined(f.Kind), $"{field}.kind", Violation.Required());
            var found = validator.Date(f.FoundDate, $"{field}.found_date", required: true);
            var until = validator.Date(f.SanctionUntil, $"{field}.sanction_until", required: false);
            validator.Require(until is null || found is null || until >= found, $"{field}.sanction_until", Violation.Of(ErrorReasons.DateTooEarly, "is before the finding", ("Bound", "the finding")));
            return new Regulation205Finding((Model.Regulation205FindingKind)f.Kind, VietnameseText.Normalize(f.Description), found ?? default, until);
        }).ToList();
        var relatives = input.RelativesInLinkedPosts.Select((r, i) =>
        {
            var field = $"cadre_record.relatives_in_linked_posts[{i}]";
            validator.Require(r.FullName.Trim().Length > 0, $"{field}.full_name", Violation.Required());
            validator.Require(r.Post.Trim().Length > 0, $"{field}.post", Violation.Required());
            return new RelativeInLinkedPost(VietnameseText.Normalize(r.FullName), VietnameseText.Normalize(r.Relation), VietnameseText.Normalize(r.Post));
        }).ToList();
        if (!validator.IsValid)
        {
            return;
        }
        record.SetName(name);
        record.BirthDate = birth!.Value;
        record.Sex = input.Sex;
        record.Position = VietnameseText.Normalize(input.Position);
        record.PartyStanding = (Model.PartyStanding)input.PartyStanding;
        record.PartyJoinedDate = joined;
        record.SuccessionPlanStatus = (Model.SuccessionPlanStatus)input.SuccessionPlanStatus;
        record.DisciplineRecords = discipline;
        record.Regulation205Findings = findings;
        record.RelativesInLinkedPosts = relatives;
    }

    private async Task<CadreRecord> FindAsync(string nationalId, bool tracked, CancellationToken cancellationToken, string field = "national_id")
    {
        new RequestValidator().Require(NationalIdPattern().IsMatch(nationalId), field, Violation.Of(ErrorReasons.InvalidFormat, "must be 12 digits")).ThrowIfInvalid();
        var query = tracked ? db.CadreRecords : db.CadreRecords.AsNoTracking();
        return await query.SingleOrDefaultAsync(r => r.NationalId == nationalId, cancellationToken)
            ?? throw new ResourceNotFoundException("Cadre record", nationalId);
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex NationalIdPattern();
}

using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.Model;
using Platform.HomeAffairs.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Vietnamese;
using Platform.Vetting.Infrastructure;
using OfficialDiscipline = Platform.HomeAffairs.Model.OfficialDiscipline;
using OfficialRecord = Platform.HomeAffairs.Model.OfficialRecord;

namespace Platform.HomeAffairs.Grpc;

/// <summary>platform.homeaffairs.v1.OfficialService: official records of cadres, civil servants and public employees.</summary>
public sealed partial class OfficialGrpcService(HomeAffairsDbContext db, TimeProvider clock, VettingAnswerer vetting) : OfficialService.OfficialServiceBase
{
    private static readonly string[] UpdatablePaths =
        ["full_name", "birth_date", "sex", "ethnicity", "category", "agency", "position", "position_level", "rank", "education", "discipline_records"];

    public override async Task<ListOfficialRecordsResponse> ListOfficialRecords(ListOfficialRecordsRequest request, ServerCallContext context)
    {
        var query = db.OfficialRecords.AsNoTracking();
        var page = await query.ToNameSearchPageAsync(r => r.SearchName, r => r.ListKey, request.NameQuery,
            PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListOfficialRecordsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.OfficialRecords.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<V1.OfficialRecord> GetOfficialRecord(GetOfficialRecordRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.NationalId, tracked: false, context.CancellationToken));

    public override async Task<V1.OfficialRecord> CreateOfficialRecord(CreateOfficialRecordRequest request, ServerCallContext context)
    {
        var input = request.OfficialRecord;
        new RequestValidator().Require(input is not null, "official_record", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator()
            .Require(NationalIdPattern().IsMatch(input!.NationalId), "official_record.national_id", Violation.Of(ErrorReasons.InvalidFormat, "must be the 12 digits of a citizen identity card"));
        var record = new OfficialRecord { NationalId = input.NationalId, Sex = "", Ethnicity = "" };
        Apply(validator, record, input);
        validator.ThrowIfInvalid();
        if (await db.OfficialRecords.AnyAsync(r => r.NationalId == input.NationalId, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Official record", input.NationalId);
        }
        db.OfficialRecords.Add(record);
        await SaveAndRevetAsync(record, context.CancellationToken);
        return ToProto(record);
    }

    public override async Task<V1.OfficialRecord> UpdateOfficialRecord(UpdateOfficialRecordRequest request, ServerCallContext context)
    {
        var input = request.OfficialRecord;
        new RequestValidator().Require(input is not null, "official_record", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, UpdatablePaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "official_record.etag", validator);
        validator.ThrowIfInvalid();
        var record = await FindAsync(input.NationalId, tracked: true, context.CancellationToken, "official_record.national_id");
        Etags.Check(record.RowVersion, etag, "Official record", record.NationalId);
        var merged = ToProto(record);
        Masks.Merge(paths, input, merged);
        Apply(validator, record, merged);
        validator.ThrowIfInvalid();
        Etags.ExpectVersion(db, record, etag);
        await SaveAndRevetAsync(record, context.CancellationToken);
        return ToProto(record);
    }

    /// <summary>
    /// Saves a written record with this body's new answers on every candidate who is that person, in one
    /// transaction: vetting stays current (a new discipline, a corrected birth date) without anyone asking again.
    /// </summary>
    private async Task SaveAndRevetAsync(OfficialRecord record, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await vetting.RevetAsync([record.NationalId], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Validates every field and, if all are valid, sets them on the record.</summary>
    private void Apply(RequestValidator validator, OfficialRecord record, V1.OfficialRecord input)
    {
        var name = VietnameseText.Normalize(input.FullName);
        validator.Require(name.Length is > 0 and <= 100, "official_record.full_name", Violation.RequiredText(100));
        var birth = validator.Date(input.BirthDate, "official_record.birth_date", required: true);
        validator.Require(birth is null || birth <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "official_record.birth_date", Violation.Of(ErrorReasons.DateTooLate, "is in the future", ("Bound", "today")));
        validator.Require(input.Sex is "male" or "female", "official_record.sex", Violation.Of(ErrorReasons.NotAllowedValue, "must be male or female"));
        var ethnicity = VietnameseText.Normalize(input.Ethnicity);
        validator.Require(ethnicity.Length is > 0 and <= 40, "official_record.ethnicity", Violation.Of(ErrorReasons.Required, "is required, e.g. Kinh, Tày", ("Example", "Kinh, Tày")));
        validator.Require(input.Category != V1.OfficialCategory.Unspecified && Enum.IsDefined(input.Category), "official_record.category", Violation.Required());
        validator.Require(VietnameseText.Normalize(input.Agency).Length > 0, "official_record.agency", Violation.Required());
        validator.Require(input.PositionLevel != V1.PositionLevel.Unspecified && Enum.IsDefined(input.PositionLevel), "official_record.position_level", Violation.Required());
        validator.Require(input.Education != V1.EducationLevel.Unspecified && Enum.IsDefined(input.Education), "official_record.education", Violation.Required());
        var discipline = input.DisciplineRecords.Select((d, i) =>
        {
            var field = $"official_record.discipline_records[{i}]";
            var decided = validator.Date(d.DecidedDate, $"{field}.decided_date", required: true);
            var expires = validator.Date(d.ExpiresDate, $"{field}.expires_date");
            validator.Require(d.Form.Trim().Length > 0, $"{field}.form", Violation.Of(ErrorReasons.Required, "is required, e.g. Khiển trách", ("Example", "Khiển trách")));
            return new OfficialDiscipline(decided ?? default, VietnameseText.Normalize(d.Form), VietnameseText.Normalize(d.Reason), expires);
        }).ToList();
        if (!validator.IsValid)
        {
            return;
        }
        record.SetName(name);
        record.BirthDate = birth!.Value;
        record.Sex = input.Sex;
        record.Ethnicity = ethnicity;
        record.Category = (Model.OfficialCategory)input.Category;
        record.Agency = VietnameseText.Normalize(input.Agency);
        record.Position = VietnameseText.Normalize(input.Position);
        record.PositionLevel = (Model.PositionLevel)input.PositionLevel;
        record.Rank = VietnameseText.Normalize(input.Rank);
        record.Education = (Model.EducationLevel)input.Education;
        record.DisciplineRecords = discipline;
    }

    private async Task<OfficialRecord> FindAsync(string nationalId, bool tracked, CancellationToken cancellationToken, string field = "national_id")
    {
        new RequestValidator().Require(NationalIdPattern().IsMatch(nationalId), field, Violation.Of(ErrorReasons.InvalidFormat, "must be 12 digits")).ThrowIfInvalid();
        var query = tracked ? db.OfficialRecords : db.OfficialRecords.AsNoTracking();
        return await query.SingleOrDefaultAsync(r => r.NationalId == nationalId, cancellationToken)
            ?? throw new ResourceNotFoundException("Official record", nationalId);
    }

    private static V1.OfficialRecord ToProto(OfficialRecord r)
    {
        var proto = new V1.OfficialRecord
        {
            NationalId = r.NationalId, FullName = r.FullName, BirthDate = r.BirthDate.ToIso(), Sex = r.Sex, Ethnicity = r.Ethnicity,
            Category = (V1.OfficialCategory)r.Category, Agency = r.Agency, Position = r.Position, PositionLevel = (V1.PositionLevel)r.PositionLevel,
            Rank = r.Rank, Education = (V1.EducationLevel)r.Education, Etag = Etags.Of(r.RowVersion),
        };
        proto.DisciplineRecords.AddRange(r.DisciplineRecords.Select(d => new V1.OfficialDiscipline
        {
            DecidedDate = d.DecidedDate.ToIso(), Form = d.Form, Reason = d.Reason, ExpiresDate = d.ExpiresDate?.ToIso() ?? "",
        }));
        return proto;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex NationalIdPattern();
}

using System.Reflection;
using System.Text.RegularExpressions;
using Google.Rpc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.Screens.Forms;
using Platform.Api.Errors;

namespace Platform.UnitTests;

/// <summary>
/// Machine-readable errors (AIP-193): every status the services map a failure to carries an ErrorInfo with a
/// catalogued reason and the service's domain, field violations carry their own reasons and the values they name,
/// and the screens' table words every reason in Vietnamese.
/// </summary>
public sealed partial class ErrorReasonsTests
{
    private static readonly IReadOnlyList<string> Catalogue = typeof(ErrorReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    [Fact]
    public void Every_reason_is_upper_snake_and_unique() // AIP-193: [A-Z][A-Z0-9_]+[A-Z0-9], at most 63 characters
    {
        Assert.NotEmpty(Catalogue);
        Assert.All(Catalogue, reason => Assert.Matches(UpperSnake(), reason));
        Assert.Equal(Catalogue.Count, Catalogue.Distinct().Count());
    }

    [Fact]
    public void The_screens_table_words_every_reason_the_services_give()
    {
        var missing = Catalogue.Where(r => !ErrorTexts.Reasons.Contains(r)).ToList();
        Assert.True(missing.Count == 0, $"no Vietnamese in ErrorTexts for: {string.Join(", ", missing)}");
        var unknown = ErrorTexts.Reasons.Where(r => !Catalogue.Contains(r)).ToList();
        Assert.True(unknown.Count == 0, $"ErrorTexts words reasons nobody gives: {string.Join(", ", unknown)}");
    }

    public static TheoryData<string, Exception, Code, string> Failures() => new()
    {
        { "a stale etag", new ConcurrencyConflictException("Conference", "organization.x"), Code.Aborted, ErrorReasons.ConcurrentModification },
        { "a lost race", new DbUpdateConcurrencyException("lost"), Code.Aborted, ErrorReasons.ConcurrentModification },
        { "a missing resource", new ResourceNotFoundException("Election", "quoc-hoi-xv"), Code.NotFound, ErrorReasons.ResourceNotFound },
        { "a duplicate", new ResourceAlreadyExistsException("Election", "quoc-hoi-xv"), Code.AlreadyExists, ErrorReasons.ResourceAlreadyExists },
        { "a precondition", new PreconditionFailedException(ErrorReasons.ConferenceConcluded, "concluded"), Code.FailedPrecondition, ErrorReasons.ConferenceConcluded },
        { "the caller gone", new OperationCanceledException(), Code.Cancelled, ErrorReasons.RequestCancelled },
        { "the database down", new Npgsql.NpgsqlException("Failed to connect", new IOException("refused")), Code.Unavailable, ErrorReasons.DatabaseUnavailable },
        // As EF wraps a deadlock on SaveChanges (seen when the deadline sweep and a progress report met on one task).
        { "a deadlock victim", new InvalidOperationException("transient", new DbUpdateException("saving", Postgres(Npgsql.PostgresErrorCodes.DeadlockDetected))),
            Code.Aborted, ErrorReasons.ConcurrentModification },
        { "a serialization failure", new DbUpdateException("saving", Postgres(Npgsql.PostgresErrorCodes.SerializationFailure)), Code.Aborted, ErrorReasons.ConcurrentModification },
        { "a unique violation", new DbUpdateException("saving", Postgres(Npgsql.PostgresErrorCodes.UniqueViolation)), Code.AlreadyExists, ErrorReasons.ResourceAlreadyExists },
        { "a bug of ours", new InvalidOperationException("Sequence contains no elements"), Code.Internal, ErrorReasons.InternalError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Every_failure_is_answered_with_an_ErrorInfo_of_a_catalogued_reason(string what, Exception failure, Code code, string reason)
    {
        var status = ErrorMappingInterceptor.StatusOf(failure, "home-affairs");
        Assert.True((Code)status.Code == code, $"{what}: {(Code)status.Code}");
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(reason, info.Reason);
        Assert.Equal("home-affairs", info.Domain);
        Assert.Contains(info.Reason, Catalogue);
        Assert.All(info.Metadata.Keys, key => Assert.Matches(MetadataKey(), key));
    }

    [Fact]
    public void Field_violations_carry_their_reasons_and_the_values_their_messages_name()
    {
        var invalid = new RequestValidator()
            .Require(false, "participation.agenda_items[0].title", Violation.RequiredText(300))
            .Require(false, "participation.bridge_points[1].key", Violation.Of(ErrorReasons.Duplicate, "'hn' is used twice", ("Value", "hn")))
            .Require(false, "conference.date", Violation.InvalidDate);
        var status = ErrorMappingInterceptor.Invalid("organization", new RequestValidationException(invalid.Violations));

        Assert.Equal(ErrorReasons.InvalidFields, status.GetDetail<ErrorInfo>()!.Reason);
        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal([ErrorReasons.Required, ErrorReasons.Duplicate, ErrorReasons.InvalidDate], violations.Select(v => v.Reason));
        Assert.Equal("is required (at most 300 characters)", violations[0].Description);
        var metadata = status.GetDetail<ErrorInfo>()!.Metadata;
        Assert.Equal("300", metadata["violation0Max"]);
        Assert.Equal("hn", metadata["violation1Value"]);
        Assert.All(metadata.Keys, key => Assert.Matches(MetadataKey(), key));
    }

    [Fact]
    public void The_screens_say_a_violation_in_Vietnamese_from_its_reason_and_values_alone()
    {
        Assert.Equal("Bắt buộc, tối đa 300 ký tự.", ErrorTexts.Field(ErrorReasons.Required, "participation.agenda_items[3].title",
            new Dictionary<string, string> { ["Max"] = "300" }));
        Assert.Equal("Cần từ 1 đến 200 nhiệm vụ.", ErrorTexts.Field(ErrorReasons.ItemCountOutOfRange, "conclusion.tasks",
            new Dictionary<string, string> { ["Min"] = "1", ["Max"] = "200" }));
        Assert.Equal("Đơn vị '01' không tồn tại vào ngày 12/10/2025 (đã sáp nhập hoặc chưa thành lập).", ErrorTexts.Field(
            ErrorReasons.UnitNotValidOnDate, "participation.bridge_points[0].site_code", new Dictionary<string, string> { ["Value"] = "01", ["Date"] = "2025-10-12" }));
        // A wording needing a value the service did not name falls back instead of failing the page.
        Assert.Null(ErrorTexts.Field(ErrorReasons.TextTooLong, "x", new Dictionary<string, string>()));
        Assert.Null(ErrorTexts.Field("A_REASON_OF_A_NEWER_SERVICE", "x", new Dictionary<string, string>()));
    }

    private static Npgsql.PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,61}[A-Z0-9]$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex("^[a-z][a-zA-Z0-9-_]{0,63}$")]
    private static partial Regex MetadataKey();
}

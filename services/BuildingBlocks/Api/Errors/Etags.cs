using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;

namespace Platform.Api.Errors;

/// <summary>Etags are the row's PostgreSQL version (xmin), sent back unchanged on update.</summary>
public static class Etags
{
    public static string Of(uint rowVersion) => rowVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a required etag, recording a violation of <paramref name="field"/> if it is missing or forged.</summary>
    public static uint Parse(string etag, string field, RequestValidator validator)
    {
        var valid = uint.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version);
        validator.Require(etag.Length > 0, field, Violation.Required("is required: read the resource and send its etag back"));
        validator.Require(etag.Length == 0 || valid, field, Violation.Of(ErrorReasons.InvalidEtag, "is not an etag this API returned"));
        return version;
    }

    /// <summary>Aborted if the resource changed since the caller read it.</summary>
    public static void Check(uint current, uint sent, string resourceType, string id)
    {
        if (current != sent)
        {
            throw new ConcurrencyConflictException(resourceType, id);
        }
    }

    /// <summary>
    /// Makes the coming UPDATE of <paramref name="entity"/> apply only while its row still has the version the
    /// caller read (its <c>RowVersion</c>, PostgreSQL's xmin): a writer that committed in between makes the UPDATE
    /// match no row, which EF reports as a concurrency conflict, answered with Aborted.
    /// </summary>
    public static void ExpectVersion(DbContext db, object entity, uint sent) =>
        db.Entry(entity).Property("RowVersion").OriginalValue = sent;
}

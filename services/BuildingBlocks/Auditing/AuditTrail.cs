using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Platform.Audit.V1;
using Platform.Contracts.Errors;
using Platform.Api.Errors;
using Platform.Api.Paging;

namespace Platform.Auditing;

/// <summary>What every body's AuditTrailService answers: a resource's entries, oldest first, a page at a time.</summary>
public static class AuditTrail
{
    public static async Task<ListAuditEntriesResponse> ListAsync(DbContext db, ListAuditEntriesRequest request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Parse(request.PageSize, request.PageToken);
        long after = 0;
        new RequestValidator()
            .Require(request.Resource.Length > 0, "resource", Violation.Of(ErrorReasons.Required, "is required, e.g. administrative-units/01", ("Example", "administrative-units/01")))
            .Require(page.AfterKey is null || long.TryParse(page.AfterKey, CultureInfo.InvariantCulture, out after), "page_token", Violation.Of(ErrorReasons.InvalidPageToken, "is not a token this API returned"))
            .ThrowIfInvalid();

        var entries = await db.Set<Auditing.AuditEntry>().AsNoTracking()
            .Where(a => a.Resource == request.Resource && a.Sequence > after)
            .OrderBy(a => a.Sequence)
            .Take(page.Size + 1)
            .ToListAsync(cancellationToken);
        var response = new ListAuditEntriesResponse();
        if (entries.Count > page.Size)
        {
            entries.RemoveAt(entries.Count - 1);
            response.NextPageToken = PageRequest.TokenAfter(entries[^1].Sequence.ToString(CultureInfo.InvariantCulture));
        }
        response.AuditEntries.AddRange(entries.Select(a => new Audit.V1.AuditEntry
        {
            Resource = a.Resource,
            Operation = a.Operation,
            Subject = a.Subject,
            Body = a.Body,
            ClientId = a.ClientId ?? "",
            Time = Timestamp.FromDateTimeOffset(a.OccurredAt),
            Change = a.Change,
            Sequence = a.Sequence,
        }));
        return response;
    }
}

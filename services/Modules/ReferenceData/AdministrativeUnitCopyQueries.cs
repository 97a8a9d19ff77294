using Microsoft.EntityFrameworkCore;
using Platform.Api.Errors;
using Platform.Api.Paging;

namespace Platform.ReferenceData;

/// <summary>The reads every body's copy API answers: one unit by code, or a page ordered by code.</summary>
public static class AdministrativeUnitCopyQueries
{
    public static async Task<AdministrativeUnitCopy> GetAsync(DbContext db, string code, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(code.Length > 0, "code", Violation.Required()).ThrowIfInvalid();
        return await db.Set<AdministrativeUnitCopy>().AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, cancellationToken)
            ?? throw new ResourceNotFoundException("Administrative unit", code);
    }

    public static Task<Page<AdministrativeUnitCopy>> ListAsync(DbContext db, int pageSize, string pageToken, CancellationToken cancellationToken) =>
        db.Set<AdministrativeUnitCopy>().AsNoTracking().ToPageAsync(u => u.Code, PageRequest.Parse(pageSize, pageToken), cancellationToken);
}

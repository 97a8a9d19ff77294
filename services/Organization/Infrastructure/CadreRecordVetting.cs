using Platform.Contracts.IntegrationEvents;
using Platform.Organization.Model;
using Platform.Vetting.Infrastructure;

namespace Platform.Organization.Infrastructure;

/// <summary>The Organization answers vetting from its cadre records, by <see cref="VettingRules"/>.</summary>
public sealed class CadreRecordVetting(OrganizationDbContext db) : IVettingRules<CadreRecord>
{
    public Task<IReadOnlyDictionary<string, CadreRecord>> LoadAsync(IReadOnlyCollection<string> nationalIds, CancellationToken cancellationToken)
    {
        var ids = nationalIds.ToArray();
        return db.CadreRecords.Where(r => ids.Contains(r.NationalId)).WithUnsavedChangesAsync(db, r => r.NationalId, nationalIds, cancellationToken);
    }

    public IReadOnlyList<VettingFinding> Evaluate(VettingSubject subject, CadreRecord? record) => VettingRules.Evaluate(subject, record);
}

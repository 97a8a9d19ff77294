using Platform.Contracts.IntegrationEvents;
using Platform.HomeAffairs.Model;
using Platform.Vetting.Infrastructure;

namespace Platform.HomeAffairs.Infrastructure;

/// <summary>Home Affairs answers vetting from its official records, by <see cref="VettingRules"/>.</summary>
public sealed class OfficialRecordVetting(HomeAffairsDbContext db) : IVettingRules<OfficialRecord>
{
    public Task<IReadOnlyDictionary<string, OfficialRecord>> LoadAsync(IReadOnlyCollection<string> nationalIds, CancellationToken cancellationToken)
    {
        var ids = nationalIds.ToArray();
        return db.OfficialRecords.Where(r => ids.Contains(r.NationalId)).WithUnsavedChangesAsync(db, r => r.NationalId, nationalIds, cancellationToken);
    }

    public IReadOnlyList<VettingFinding> Evaluate(VettingSubject subject, OfficialRecord? record) => VettingRules.Evaluate(subject, record);
}

using Platform.Contracts.IntegrationEvents;

namespace Platform.Vetting.Infrastructure;

/// <summary>What the answering side needs of a body: its rules applied to a batch of subjects.</summary>
public interface IVettingRules
{
    /// <summary>The findings for each subject, in the subjects' order, from the body's records read in one query.</summary>
    Task<IReadOnlyList<IReadOnlyList<VettingFinding>>> VetAsync(IReadOnlyList<VettingSubject> subjects, CancellationToken cancellationToken);
}

/// <summary>A body's rules over its own kind of record (a cadre record, an official record), keyed by national ID.</summary>
public interface IVettingRules<TRecord> : IVettingRules where TRecord : class
{
    /// <summary>
    /// The body's records of these people, read in ONE set-based query (national_id = ANY(...)): batches run to
    /// hundreds of subjects. Seen as this unit of work sees them: a record added or changed but not saved yet
    /// counts as it will be saved (see <see cref="VettingRecords.WithUnsavedChangesAsync{TRecord}"/>).
    /// </summary>
    Task<IReadOnlyDictionary<string, TRecord>> LoadAsync(IReadOnlyCollection<string> nationalIds, CancellationToken cancellationToken);

    /// <summary>One subject against the body's record of the person; null when the body does not know the person.</summary>
    IReadOnlyList<VettingFinding> Evaluate(VettingSubject subject, TRecord? record);

    async Task<IReadOnlyList<IReadOnlyList<VettingFinding>>> IVettingRules.VetAsync(IReadOnlyList<VettingSubject> subjects, CancellationToken cancellationToken)
    {
        var records = await LoadAsync(subjects.Select(s => s.NationalId).ToHashSet(), cancellationToken);
        return subjects.Select(s => Evaluate(s, records.GetValueOrDefault(s.NationalId))).ToList();
    }
}

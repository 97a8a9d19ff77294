using Platform.DelegateAffairs.Model;
using Platform.Api.Errors;
using Platform.Vietnamese;
using Proto = Platform.DelegateAffairs.V1;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>Between Delegate Affairs' model and its v1 API messages.</summary>
internal static class DelegateAffairsMapping
{
    public static Proto.Election ToProto(this Election e) => new()
    {
        Id = e.Id, Kind = (Proto.ElectionKind)e.Kind, Term = e.Term, TermStartYear = e.TermStartYear, TermEndYear = e.TermEndYear,
        ElectionDay = e.ElectionDay.ToIso(), LawCode = e.LawCode, TotalSeats = e.TotalSeats, CentralSeats = e.CentralSeats,
        LocalSeats = e.LocalSeats, Etag = Etags.Of(e.RowVersion),
    };

    public static ElectionKind? ToDomain(Proto.ElectionKind kind) =>
        Enum.IsDefined((ElectionKind)kind) ? (ElectionKind)kind : null;

    public static Proto.Constituency ToProto(this Constituency c, int candidateCount, int? minimumCandidates) => new()
    {
        Id = c.Id, ElectionId = c.ElectionId, ProvinceCode = c.ProvinceCode, Number = c.Number, Seats = c.Seats,
        CandidateCount = candidateCount, MinimumCandidates = minimumCandidates ?? 0,
        MeetsCandidateRule = minimumCandidates is { } minimum && candidateCount >= minimum,
        Etag = Etags.Of(c.RowVersion),
    };

    /// <summary>The candidate; <paramref name="vettingStatus"/> is its vetting's status when read with it.</summary>
    public static Proto.Candidate ToProto(this Candidate c, string? vettingStatus = null)
    {
        var proto = new Proto.Candidate
        {
            Id = c.Id.ToString(), ElectionId = c.ElectionId, ConstituencyId = c.ConstituencyId, NationalId = c.NationalId,
            FullName = c.FullName, BirthDate = c.BirthDate.ToIso(), Sex = (Proto.Sex)c.Sex, Ethnicity = c.Ethnicity,
            PartyMember = c.PartyMember, Occupation = c.Occupation, Workplace = c.Workplace, Residence = c.Residence,
            NominatingLevel = (Proto.NominatingLevel)c.NominatingLevel, ReElected = c.ReElected, FullTime = c.FullTime,
            Status = (Proto.CandidateStatus)c.Status, Etag = Etags.Of(c.RowVersion), OtherNationality = c.OtherNationality,
            VettingStatus = VettingMapping.StatusOf(vettingStatus),
        };
        proto.DossierItems.AddRange(DossierItemsOf(c.DossierItems));
        proto.Disqualifiers.AddRange(c.Disqualifiers.Select(VettingMapping.DisqualifierOf));
        return proto;
    }

    private static readonly (DossierItems Flag, Proto.DossierItem Item)[] DossierPairs =
    [
        (DossierItems.Application, Proto.DossierItem.Application),
        (DossierItems.CertifiedCv, Proto.DossierItem.CertifiedCv),
        (DossierItems.ShortBiography, Proto.DossierItem.ShortBiography),
        (DossierItems.Photos, Proto.DossierItem.Photos),
        (DossierItems.AssetDeclaration, Proto.DossierItem.AssetDeclaration),
    ];

    public static IEnumerable<Proto.DossierItem> DossierItemsOf(DossierItems items) =>
        DossierPairs.Where(p => items.HasFlag(p.Flag)).Select(p => p.Item);

    /// <summary>Null if an item is not one of the dossier's parts.</summary>
    public static DossierItems? ToDomain(IEnumerable<Proto.DossierItem> items)
    {
        var result = DossierItems.None;
        foreach (var item in items)
        {
            var pair = DossierPairs.FirstOrDefault(p => p.Item == item);
            if (pair.Flag == DossierItems.None)
            {
                return null;
            }
            result |= pair.Flag;
        }
        return result;
    }
}

namespace Platform.DelegateAffairs.Model;

/// <summary>A constituency (đơn vị bầu cử): a province's numbered district electing some seats.</summary>
public sealed class Constituency : Platform.Auditing.IAuditable
{
    public required string Id { get; init; }
    public required string ElectionId { get; init; }
    public required string ProvinceCode { get; init; }
    public int Number { get; init; }
    public int Seats { get; set; }
    public uint RowVersion { get; private set; }

    public string AuditResource => $"constituencies/{Id}";

    /// <summary>"quoc-hoi-xv.01-03": sorts by province, then number; one URL path segment, so the JSON API can address it.</summary>
    public static string IdFor(string electionId, string provinceCode, int number) => $"{electionId}.{provinceCode}-{number:D2}";
}

using Platform.Auditing;

namespace Platform.Organization.Model;

public enum PartyLevel
{
    /// <summary>Đảng bộ trực thuộc Trung ương: the provinces' and the central blocs' Party committees.</summary>
    DirectlyUnderCentre = 1,
    /// <summary>Cấp trên cơ sở (district level).</summary>
    UpperGrassroots = 2,
    /// <summary>Cơ sở.</summary>
    Grassroots = 3,
}

/// <summary>A Party organization (tổ chức đảng) in the hierarchy: under the Centre → upper grassroots → grassroots.</summary>
public sealed class PartyOrganization : IAuditable
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public PartyLevel Level { get; init; }
    public string? ParentId { get; set; }
    public string? ProvinceCode { get; set; }
    public uint RowVersion { get; private set; }

    public string AuditResource => $"party-organizations/{Id}";

    /// <summary>The level an organization under <paramref name="parent"/> has (null: none can be under a grassroots one).</summary>
    public static PartyLevel? LevelUnder(PartyLevel? parent) => parent switch
    {
        null => PartyLevel.DirectlyUnderCentre,
        PartyLevel.DirectlyUnderCentre => PartyLevel.UpperGrassroots,
        PartyLevel.UpperGrassroots => PartyLevel.Grassroots,
        _ => null,
    };
}

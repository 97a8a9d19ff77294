using Platform.Organization.Model;
using Platform.ReferenceData;
using Platform.Vietnamese;

namespace Platform.Organization.Infrastructure.Seed;

/// <summary>
/// The 67 Party committees directly under the Centre in 2020 (the 63 provinces' and four central ones) and
/// their congresses of the 2020–2025 term, all held in September–October 2020; plus, for the demo, two
/// district and grassroots organizations whose congresses came after the Directive 35 deadline. Dates and
/// delegate counts are generated, not the official record.
/// </summary>
public static class Congresses2020Seed
{
    public const string Term = "2020-2025";

    // Named as the Party organizations were in 2020: the army's is Đảng bộ Quân đội, led by the Quân ủy Trung ương
    // (not "Đảng ủy Quân sự Trung ương", its name before 2011); the police's is led by the Đảng ủy Công an Trung ương.
    private static readonly (string Id, string Name)[] CentralCommittees =
    [
        ("dang-bo-khoi-cac-co-quan-trung-uong", "Đảng bộ Khối các cơ quan Trung ương"),
        ("dang-bo-khoi-doanh-nghiep-trung-uong", "Đảng bộ Khối Doanh nghiệp Trung ương"),
        ("dang-bo-quan-doi", "Đảng bộ Quân đội"),
        ("dang-bo-cong-an-trung-uong", "Đảng bộ Công an Trung ương"),
    ];

    public static IReadOnlyList<PartyOrganization> Organizations(IEnumerable<AdministrativeUnitCopy> provinces)
    {
        var result = provinces.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
        {
            var name = (p.Kind == "CENTRALLY_RUN_CITY" ? "Đảng bộ thành phố " : "Đảng bộ tỉnh ") + p.Name;
            return new PartyOrganization
            {
                Id = VietnameseText.Fold(name).Replace(' ', '-').Replace("---", "-"), Name = name,
                Level = PartyLevel.DirectlyUnderCentre, ProvinceCode = p.Code,
            };
        }).ToList();
        result.AddRange(CentralCommittees.Select(c => new PartyOrganization { Id = c.Id, Name = c.Name, Level = PartyLevel.DirectlyUnderCentre }));
        var yenBai = result.Single(o => o.ProvinceCode == "15");
        result.Add(new PartyOrganization { Id = "dang-bo-huyen-van-chan", Name = "Đảng bộ huyện Văn Chấn", Level = PartyLevel.UpperGrassroots, ParentId = yenBai.Id, ProvinceCode = "15" });
        result.Add(new PartyOrganization { Id = "dang-bo-xa-son-thinh", Name = "Đảng bộ xã Sơn Thịnh", Level = PartyLevel.Grassroots, ParentId = "dang-bo-huyen-van-chan", ProvinceCode = "15" });
        return result;
    }

    public static IReadOnlyList<PartyCongress> Congresses(IReadOnlyList<PartyOrganization> organizations)
    {
        var random = new Random(2020);
        return organizations.Select(o =>
        {
            var held = o.Level switch
            {
                PartyLevel.DirectlyUnderCentre => new DateOnly(2020, 9, 1).AddDays(random.Next(0, 50)),
                PartyLevel.UpperGrassroots => new DateOnly(2020, 9, 5),   // after 31/8/2020: late
                _ => new DateOnly(2020, 7, 10),                             // after 30/6/2020: late
            };
            return new PartyCongress
            {
                Id = PartyCongress.IdFor(o.Id, Term), OrganizationId = o.Id, Level = o.Level, Term = Term,
                PlannedDate = held, ActualDate = held, Status = CongressStatus.Held,
                DelegateCount = o.Level == PartyLevel.DirectlyUnderCentre ? random.Next(300, 451) : random.Next(100, 200),
            };
        }).ToList();
    }
}

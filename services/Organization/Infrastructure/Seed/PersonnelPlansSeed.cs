using Platform.Organization.Model;

namespace Platform.Organization.Infrastructure.Seed;

/// <summary>
/// A personnel plan for the demo: the Yên Bái provincial Party committee of 2020–2025, 53 members planned,
/// with nominees of every age band, some over the age cut-off, so that the structure report has something
/// to say. Generated, not the real plan.
/// </summary>
public static class PersonnelPlansSeed
{
    private static readonly string[] Names =
    [
        "Đỗ Đức Duy", "Trần Huy Tuấn", "Tạ Văn Long", "Phạm Thị Thanh Trà", "Dương Văn Tiến", "Hoàng Hữu Độ", "Ngô Hạnh Phúc", "Lê Trọng Khang",
        "Vũ Quỳnh Khánh", "Nguyễn Văn Khánh", "Giàng A Câu", "Hà Thị Hiền", "Sầm Thị Vân", "Hoàng Thị Vĩnh", "Nông Việt Yên", "Lò Văn Inh",
    ];

    public static PersonnelPlan Plan(string organizationId, DateOnly congressDate)
    {
        var nominees = Enumerable.Range(0, 53).Select(i => new Nominee(
            i < Names.Length ? Names[i] : $"{Names[i % Names.Length]} ({i + 1})",
            new DateOnly(1961 + i * 7 % 27, 1 + i % 12, 1 + i % 28),
            i % 4 == 1 ? "female" : "male",
            FirstTime: i % 3 == 0)).ToList();
        return new PersonnelPlan
        {
            Id = PartyCongress.IdFor(organizationId, Congresses2020Seed.Term), OrganizationId = organizationId, Level = PartyLevel.DirectlyUnderCentre,
            Term = Congresses2020Seed.Term, PlannedSize = 53, ReferenceDate = congressDate, Nominees = nominees,
        };
    }
}

using Platform.Organization.Model;

namespace Platform.Organization.Infrastructure.Seed;

/// <summary>
/// A personnel plan for the demo: the Yên Bái provincial Party committee of 2020–2025, 53 members planned,
/// with nominees of every age band, some over the age cut-off, so that the structure report has something
/// to say. Generated, not the real plan, and its people are invented.
/// </summary>
public static class PersonnelPlansSeed
{
    // Fictional names, composed from common family, middle and given names: the demo gives these people birth
    // dates, sexes and failing checks, so none may be a real official's (the plan once used the province's leaders).
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Hà", "Lò", "Nông", "Triệu", "Đinh"];
    private static readonly string[] MaleMiddles = ["Văn", "Hữu", "Đức", "Quang"];
    private static readonly string[] FemaleMiddles = ["Thị", "Thu", "Ngọc"];
    private static readonly string[] MaleGivens = ["An", "Bảo", "Chiến", "Định", "Giáp", "Hưng", "Kiên", "Lực", "Mạnh", "Nghĩa", "Phú", "Sang", "Toàn"];
    private static readonly string[] FemaleGivens = ["Bích", "Duyên", "Hằng", "Khuê", "Loan", "Ngân", "Oanh", "Quyên", "Thoa", "Uyên"];

    public static string NameOf(int i, bool female) =>
        female
            ? $"{Families[i % Families.Length]} {FemaleMiddles[i / Families.Length % FemaleMiddles.Length]} {FemaleGivens[i / 4 % FemaleGivens.Length]}"
            : $"{Families[i % Families.Length]} {MaleMiddles[i / Families.Length % MaleMiddles.Length]} {MaleGivens[(i + i / Families.Length) % MaleGivens.Length]}";

    public static PersonnelPlan Plan(string organizationId, DateOnly congressDate)
    {
        var nominees = Enumerable.Range(0, 53).Select(i => new Nominee(
            NameOf(i, female: i % 4 == 1),
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

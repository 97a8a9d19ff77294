using Platform.DemoScenario;
using Platform.HomeAffairs.Model;

namespace Platform.HomeAffairs.Infrastructure.Seed;

/// <summary>
/// The official records Home Affairs keeps of the demo's candidates who work in the state apparatus (cadres,
/// civil servants, teachers, doctors, scientists); the others it does not know.
/// </summary>
public static class OfficialRecordsSeed
{
    private static readonly Dictionary<string, OfficialCategory> Categories = new()
    {
        ["Cán bộ"] = OfficialCategory.Cadre,
        ["Công chức"] = OfficialCategory.CivilServant,
        ["Giáo viên"] = OfficialCategory.PublicEmployee,
        ["Bác sĩ"] = OfficialCategory.PublicEmployee,
        ["Nhà khoa học"] = OfficialCategory.PublicEmployee,
    };

    public static IReadOnlyList<OfficialRecord> Records() =>
        Election2021People.People.Where(p => Categories.ContainsKey(p.Occupation)).Select(p =>
        {
            var record = new OfficialRecord
            {
                NationalId = p.NationalId,
                Sex = p.Female ? "female" : "male",
                Ethnicity = p.Ethnicity,
                BirthDate = p.BirthDate,
                Category = Categories[p.Occupation],
                Agency = $"Ủy ban nhân dân tỉnh (mã {p.Constituency.ProvinceCode})",
                Position = p.Occupation,
                // Full-time seats ask a post of department director or above and a degree (Guidance 36-HD/BTCTW): those
                // introduced for one have them, but for a few left short for the vetting demo.
                PositionLevel = p.FullTime && p.Sequence % 43 != 0 ? (PositionLevel)(3 + p.Sequence % 3) : (PositionLevel)(1 + p.Sequence % 5),
                Rank = p.Sequence % 2 == 0 ? "Chuyên viên chính" : "Chuyên viên cao cấp",
                Education = p.Sequence % 7 == 0 && !p.FullTime ? EducationLevel.College : (EducationLevel)(3 + p.Sequence % 3),
            };
            record.SetName(p.FullName);
            if (p.Sequence % 61 == 11)
            {
                record.DisciplineRecords.Add(new OfficialDiscipline(new DateOnly(2020, 9, 1), "Cảnh cáo", "Vi phạm quy định về quản lý tài chính", new DateOnly(2021, 9, 1)));
            }
            return record;
        }).ToList();
}

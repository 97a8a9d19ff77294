using Platform.DemoScenario;
using Platform.Organization.Model;

namespace Platform.Organization.Infrastructure.Seed;

/// <summary>
/// The cadre records the Organization keeps of the demo's candidates who are Party members (the others it
/// does not know). A few carry what vetting must catch: a discipline in the look-back period, a Regulation
/// 205 finding still in its sanction period, a relative in a linked post.
/// </summary>
public static class CadreRecordsSeed
{
    public static IReadOnlyList<CadreRecord> Records() =>
        Election2021People.People.Where(p => p.PartyMember).Select(p =>
        {
            var record = new CadreRecord
            {
                NationalId = p.NationalId,
                Sex = p.Female ? "female" : "male",
                BirthDate = p.BirthDate,
                Position = p.Occupation,
                PartyStanding = PartyStanding.FullMember,
                PartyJoinedDate = p.BirthDate.AddYears(25),
                // Full-time seats need a place in the succession plan (Guidance 36-HD/BTCTW): those introduced for
                // one have it, but for a few left out for the vetting demo.
                SuccessionPlanStatus = (p.FullTime && p.Sequence % 41 != 0) || p.Sequence % 3 == 0
                    ? SuccessionPlanStatus.Planned : SuccessionPlanStatus.NotPlanned,
            };
            record.SetName(p.FullName);
            if (p.Sequence % 53 == 7)
            {
                record.DisciplineRecords.Add(new DisciplineRecord(new DateOnly(2019, 6, 12), "Khiển trách", "Vi phạm quy chế làm việc", new DateOnly(2020, 6, 12)));
            }
            if (p.Sequence % 97 == 5)
            {
                record.Regulation205Findings.Add(new Regulation205Finding(Regulation205FindingKind.PositionSeeking,
                    "Tác động để được quy hoạch vào chức danh cao hơn", new DateOnly(2020, 3, 2), new DateOnly(2022, 3, 2)));
                record.SuccessionPlanStatus = SuccessionPlanStatus.Removed;
            }
            if (p.Sequence % 71 == 3)
            {
                record.RelativesInLinkedPosts.Add(new RelativeInLinkedPost("Trần Thị Bích", "vợ", "Trưởng Ban Tổ chức Huyện ủy"));
            }
            return record;
        }).ToList();
}

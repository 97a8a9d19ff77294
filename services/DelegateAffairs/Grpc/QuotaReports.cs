using Microsoft.EntityFrameworkCore;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.Model;
using Platform.DelegateAffairs.V1;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>
/// The quota report, computed by the database from the current candidate list at every request, so it
/// is never stale: one grouped count per constituency, then the rules on the counts of the whole list and of
/// each province.
/// </summary>
internal static class QuotaReports
{
    public static async Task<QuotaReport> ComputeAsync(DelegateAffairsDbContext db, Model.Election election, CancellationToken cancellationToken)
    {
        var under40Born = election.ElectionDay.AddYears(-40); // born after this: under 40 on election day
        // The list the quotas measure: standing, and not found ineligible by vetting.
        var standing = db.Candidates.AsNoTracking()
            .Where(c => c.ElectionId == election.Id && c.Status != Model.CandidateStatus.Withdrawn);
        var counted = standing.Where(c => !db.CandidateVettings.Any(v => v.CandidateId == c.Id && v.Status == VettingStatuses.Ineligible));
        // Counted per constituency: a target on the deputies elected is judged seat by seat (what the list makes possible).
        var rows = await counted
            .GroupBy(c => c.ConstituencyId)
            .Select(g => new
            {
                ConstituencyId = g.Key,
                Counts = new CompositionCounts(
                    g.Count(),
                    g.Count(c => c.Sex == Model.Sex.Female),
                    g.Count(c => c.Ethnicity != "Kinh"),
                    g.Count(c => !c.PartyMember),
                    g.Count(c => c.BirthDate > under40Born),
                    g.Count(c => c.ReElected),
                    g.Count(c => c.FullTime)),
            })
            .ToListAsync(cancellationToken);
        var targets = await db.QuotaTargets.AsNoTracking().Where(t => t.ElectionId == election.Id).ToListAsync(cancellationToken);
        // Every constituency, those without candidates too: their seats are part of what is to be elected.
        var counts = rows.ToDictionary(r => r.ConstituencyId, r => r.Counts);
        var constituencies = (await db.Constituencies.AsNoTracking().Where(c => c.ElectionId == election.Id)
                .Select(c => new { c.Id, c.ProvinceCode, c.Seats }).ToListAsync(cancellationToken))
            .Select(c => (c.ProvinceCode, Counts: new ConstituencyCounts(c.Seats, counts.GetValueOrDefault(c.Id) ?? ElectionRules.Sum([]))))
            .ToList();
        // The names of the provinces the report lists, not of every unit the copy holds.
        var provinceCodes = constituencies.Select(c => c.ProvinceCode).Distinct().ToList();
        var names = await db.AdministrativeUnits.AsNoTracking().Where(u => provinceCodes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);

        var vetting = await standing.Join(db.CandidateVettings, c => c.Id, v => v.CandidateId, (c, v) => v.Status)
            .GroupBy(status => status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var report = new QuotaReport
        {
            ElectionId = election.Id, CandidateCount = constituencies.Sum(c => c.Counts.Counts.Total), IneligibleCount = vetting.GetValueOrDefault(VettingStatuses.Ineligible),
            PendingCount = vetting.GetValueOrDefault(VettingStatuses.Pending) + vetting.GetValueOrDefault(VettingStatuses.NeedsReview),
        };
        report.Overall.AddRange(ElectionRules.Quotas(constituencies.Select(c => c.Counts).ToList(), targets).Select(ToProto));
        foreach (var province in constituencies.GroupBy(c => c.ProvinceCode).Where(g => g.Any(c => c.Counts.Counts.Total > 0)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var inProvince = province.Select(c => c.Counts).ToList();
            var quota = new ProvinceQuota
            {
                ProvinceCode = province.Key,
                ProvinceName = names.GetValueOrDefault(province.Key, ""),
                CandidateCount = inProvince.Sum(c => c.Counts.Total),
                Seats = inProvince.Sum(c => c.Seats),
            };
            quota.Lines.AddRange(ElectionRules.Quotas(inProvince, targets).Select(ToProto));
            report.Provinces.Add(quota);
        }
        return report;
    }

    private static QuotaLine ToProto(QuotaResult r)
    {
        var line = new QuotaLine
        {
            Criterion = r.Criterion, Count = r.Count, ActualPercent = (double)r.ActualPercent, Target = r.Target, Met = r.Met, Source = r.Source,
            Base = r.Base == QuotaBases.ElectedDeputies ? QuotaBase.ElectedDeputies : QuotaBase.CandidateList,
            Approximate = r.Approximate,
            PossibleFewestDeputies = r.PossibleFewestDeputies, PossibleMostDeputies = r.PossibleMostDeputies,
            Assessment = r.Assessment switch
            {
                Model.QuotaAssessment.Met => V1.QuotaAssessment.Met,
                Model.QuotaAssessment.NotMet => V1.QuotaAssessment.NotMet,
                Model.QuotaAssessment.Reachable => V1.QuotaAssessment.Reachable,
                Model.QuotaAssessment.NotReachable => V1.QuotaAssessment.NotReachable,
                _ => V1.QuotaAssessment.NoTarget,
            },
        };
        if (r.MinPercent is { } min)
        {
            line.MinPercent = (double)min;
        }
        if (r.MaxPercent is { } max)
        {
            line.MaxPercent = (double)max;
        }
        if (r.TargetMinDeputies is { } low)
        {
            line.TargetMinDeputies = low;
        }
        if (r.TargetMaxDeputies is { } high)
        {
            line.TargetMaxDeputies = high;
        }
        return line;
    }
}

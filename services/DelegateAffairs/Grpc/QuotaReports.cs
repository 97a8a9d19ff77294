using Microsoft.EntityFrameworkCore;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.Model;
using Platform.DelegateAffairs.V1;

namespace Platform.DelegateAffairs.Grpc;

/// <summary>
/// The quota report, computed by the database from the current candidate list at every request, so it
/// is never stale: one grouped count per province, then the rules on the counts.
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
        var rows = await counted
            .GroupBy(c => c.ProvinceCode)
            .Select(g => new
            {
                Province = g.Key,
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
        var seats = await db.Constituencies.AsNoTracking().Where(c => c.ElectionId == election.Id)
            .GroupBy(c => c.ProvinceCode).Select(g => new { Province = g.Key, Seats = g.Sum(c => c.Seats) })
            .ToDictionaryAsync(x => x.Province, x => x.Seats, cancellationToken);
        var names = await db.AdministrativeUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);

        var overall = rows.Aggregate(new CompositionCounts(0, 0, 0, 0, 0, 0, 0), (sum, row) => new CompositionCounts(
            sum.Total + row.Counts.Total, sum.Women + row.Counts.Women, sum.EthnicMinority + row.Counts.EthnicMinority,
            sum.NonParty + row.Counts.NonParty, sum.Under40 + row.Counts.Under40, sum.ReElected + row.Counts.ReElected,
            sum.FullTime + row.Counts.FullTime));
        var vetting = await standing.Join(db.CandidateVettings, c => c.Id, v => v.CandidateId, (c, v) => v.Status)
            .GroupBy(status => status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var report = new QuotaReport
        {
            ElectionId = election.Id, CandidateCount = overall.Total, IneligibleCount = vetting.GetValueOrDefault(VettingStatuses.Ineligible),
            PendingCount = vetting.GetValueOrDefault(VettingStatuses.Pending) + vetting.GetValueOrDefault(VettingStatuses.NeedsReview),
        };
        report.Overall.AddRange(ElectionRules.Quotas(overall, targets).Select(ToProto));
        foreach (var row in rows.OrderBy(r => r.Province, StringComparer.Ordinal))
        {
            var province = new ProvinceQuota
            {
                ProvinceCode = row.Province,
                ProvinceName = names.GetValueOrDefault(row.Province, ""),
                CandidateCount = row.Counts.Total,
                Seats = seats.GetValueOrDefault(row.Province),
            };
            province.Lines.AddRange(ElectionRules.Quotas(row.Counts, targets).Select(ToProto));
            report.Provinces.Add(province);
        }
        return report;
    }

    private static QuotaLine ToProto(QuotaResult r) => new()
    {
        Criterion = r.Criterion, Count = r.Count, ActualPercent = (double)r.ActualPercent, Target = r.Target, Met = r.Met, Source = r.Source,
    };
}

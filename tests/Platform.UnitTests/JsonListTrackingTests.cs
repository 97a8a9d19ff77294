using Microsoft.EntityFrameworkCore;
using Platform.DelegateAffairs.Infrastructure;
using Platform.DelegateAffairs.Model;

namespace Platform.UnitTests;

/// <summary>
/// How change tracking sees the vetting's JSON lists, which are replaced, never changed in place (IReadOnlyList columns,
/// JsonColumnExtensions): compared item by item against the list held at load, not through a JSON copy. No database is
/// needed: attaching takes the snapshot, DetectChanges compares against it.
/// </summary>
public sealed class JsonListTrackingTests
{
    private static DelegateAffairsDbContext Context() =>
        new(new DbContextOptionsBuilder<DelegateAffairsDbContext>().UseNpgsql("Host=unused").Options);

    private static CandidateVetting Vetting() => new()
    {
        CandidateId = Guid.NewGuid(),
        ElectionId = "hdnd-tinh-2021",
        Answers = [new BodyAnswer("organization", 1, 3, DateTimeOffset.UnixEpoch, [])],
        Reasons = ["organization: chưa trả lời", "home-affairs: chưa trả lời"],
    };

    [Fact]
    public void A_list_replaced_by_one_with_the_same_items_is_not_a_change()
    {
        using var db = Context();
        var vetting = Vetting();
        db.Attach(vetting);

        vetting.Reasons = ["organization: chưa trả lời", "home-affairs: chưa trả lời"];
        vetting.Answers = [.. vetting.Answers];
        db.ChangeTracker.DetectChanges();

        Assert.Equal(EntityState.Unchanged, db.Entry(vetting).State);
    }

    [Fact]
    public void A_list_replaced_by_one_with_other_items_is_written_and_the_others_are_not()
    {
        using var db = Context();
        var vetting = Vetting();
        db.Attach(vetting);

        vetting.Answers = [.. vetting.Answers, new BodyAnswer("home-affairs", 1, 7, DateTimeOffset.UnixEpoch, [])];
        vetting.Reasons = ["home-affairs: chưa trả lời"];
        db.ChangeTracker.DetectChanges();

        var entry = db.Entry(vetting);
        Assert.Equal(EntityState.Modified, entry.State);
        Assert.True(entry.Property(v => v.Answers).IsModified);
        Assert.True(entry.Property(v => v.Reasons).IsModified);
        Assert.False(entry.Property(v => v.OwnFindings).IsModified);
        // The original value is the list held at load: the audit trail writes it as "old".
        Assert.Single(entry.Property(v => v.Answers).OriginalValue);
    }
}

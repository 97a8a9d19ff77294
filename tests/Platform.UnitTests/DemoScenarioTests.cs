using Platform.DemoScenario;
using Platform.HomeAffairs.Infrastructure.Seed;
using Platform.Organization.Infrastructure.Seed;

namespace Platform.UnitTests;

public sealed class DemoScenarioTests
{
    [Fact]
    public void The_people_are_the_same_at_every_load()
    {
        Assert.Equal(868, Election2021People.People.Count);
        Assert.Equal("Nguyễn Văn Ánh", Election2021People.People[0].FullName);
        Assert.Equal(868, Election2021People.People.Select(p => p.NationalId).Distinct().Count());
    }

    [Fact]
    public void The_organization_knows_the_party_members_among_them_and_some_records_hold_what_vetting_must_catch()
    {
        var records = CadreRecordsSeed.Records();
        var members = Election2021People.People.Where(p => p.PartyMember).Select(p => p.NationalId).ToHashSet();

        Assert.Equal(members, records.Select(r => r.NationalId).ToHashSet());
        Assert.Contains(records, r => r.Regulation205Findings.Count > 0);
        Assert.Contains(records, r => r.DisciplineRecords.Count > 0);
        Assert.Contains(records, r => r.RelativesInLinkedPosts.Count > 0);
    }

    [Fact]
    public void Home_affairs_knows_those_who_work_in_the_state_apparatus()
    {
        var records = OfficialRecordsSeed.Records();

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Contains(Election2021People.People, p => p.NationalId == r.NationalId && p.FullName == r.FullName));
        Assert.True(records.Count < Election2021People.People.Count);
    }
}

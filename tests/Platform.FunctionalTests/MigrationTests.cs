using Microsoft.EntityFrameworkCore;

namespace Platform.FunctionalTests;

public sealed class MigrationTests
{
    public static TheoryData<string> Services => ["HomeAffairs", "Organization", "DelegateAffairs"];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_model_change_has_a_committed_migration(string service)
    {
        using DbContext db = service switch
        {
            "HomeAffairs" => new HomeAffairs.Infrastructure.DesignTimeDbContextFactory().CreateDbContext([]),
            "Organization" => new Organization.Infrastructure.DesignTimeDbContextFactory().CreateDbContext([]),
            _ => new DelegateAffairs.Infrastructure.DesignTimeDbContextFactory().CreateDbContext([]),
        };

        Assert.False(db.Database.HasPendingModelChanges(), $"{service}: run `dotnet ef migrations add` for the model change");
    }
}

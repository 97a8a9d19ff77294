using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.ServiceDefaults.Hosting;

namespace Platform.HomeAffairs.Infrastructure;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HomeAffairsDbContext>
{
    public HomeAffairsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HomeAffairsDbContext>();
        options.UseServiceDatabase(DesignTimeConnection.ConnectionString);
        return new HomeAffairsDbContext(options.Options);
    }
}

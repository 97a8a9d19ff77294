using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.ServiceDefaults.Hosting;

namespace Platform.DelegateAffairs.Infrastructure;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DelegateAffairsDbContext>
{
    public DelegateAffairsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DelegateAffairsDbContext>();
        options.UseServiceDatabase(DesignTimeConnection.ConnectionString);
        return new DelegateAffairsDbContext(options.Options);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// Lets `dotnet ef migrations add` build a service's model without starting the service: derive one
/// per service. Adding a migration never connects, so the connection string only has to be well formed.
/// </summary>
public abstract class ServiceDesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    private const string DesignTimeConnectionString = "Host=127.0.0.1;Database=design_time;Username=postgres";

    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(DesignTimeConnectionString);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}

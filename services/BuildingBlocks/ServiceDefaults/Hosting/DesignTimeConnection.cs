namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// The connection string `dotnet ef migrations add` uses. Adding a migration never connects,
/// so this only has to be well formed.
/// </summary>
public static class DesignTimeConnection
{
    public const string ConnectionString = "Host=127.0.0.1;Database=design_time;Username=postgres";
}

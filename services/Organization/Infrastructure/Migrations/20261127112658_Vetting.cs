using Platform.Vetting.Infrastructure.Migrations;

#nullable disable

namespace Platform.Organization.Infrastructure.Migrations
{
    /// <summary>VettingMigration, this service's step of it (id and model snapshot in the designer file).</summary>
    public partial class Vetting : VettingMigration
    {
    }
}

using Platform.Auditing.Migrations;

#nullable disable

namespace Platform.HomeAffairs.Infrastructure.Migrations
{
    /// <summary>AuditTrailMigration, this service's step of it (id and model snapshot in the designer file).</summary>
    public partial class AuditTrail : AuditTrailMigration
    {
    }
}

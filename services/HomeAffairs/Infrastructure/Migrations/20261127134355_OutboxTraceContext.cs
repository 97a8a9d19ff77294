using Platform.Messaging.Migrations;

#nullable disable

namespace Platform.HomeAffairs.Infrastructure.Migrations
{
    /// <summary>OutboxTraceContextMigration, this service's step of it (id and model snapshot in the designer file).</summary>
    public partial class OutboxTraceContext : OutboxTraceContextMigration
    {
    }
}

using Platform.JointPlanning.Infrastructure.Migrations;

#nullable disable

namespace Platform.DelegateAffairs.Infrastructure.Migrations
{
    /// <summary>ConferenceCancellationMigration, this service's step of it (id and model snapshot in the designer file).</summary>
    public partial class ConferenceCancellation : ConferenceCancellationMigration
    {
    }
}

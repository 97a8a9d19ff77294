using Platform.JointPlanning.Infrastructure.Migrations;

#nullable disable

namespace Platform.Organization.Infrastructure.Migrations
{
    /// <summary>JointPlanningMigration, this service's step of it (id and model snapshot in the designer file).</summary>
    public partial class JointPlanning : JointPlanningMigration
    {
    }
}

using Platform.ReferenceData.Migrations;

#nullable disable

namespace Platform.DelegateAffairs.Infrastructure.Migrations
{
    /// <summary>AdministrativeUnitValidityMigration, this service's step of it (id and model snapshot in the designer file).</summary>
    public partial class AdministrativeUnitValidity : AdministrativeUnitValidityMigration
    {
    }
}

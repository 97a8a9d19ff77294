using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Hosting;

namespace Platform.ReferenceData;

public static class ReferenceDataModel
{
    public static ModelBuilder AddAdministrativeUnitCopies(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdministrativeUnitCopy>(copy =>
        {
            copy.ToTable("administrative_unit_copies");
            copy.HasKey(u => u.Code);
            // Byte order for the key: paging compares codes, and codes are ASCII digits anyway.
            copy.Property(u => u.Code).HasMaxLength(16).UseCollation("C");
            copy.Property(u => u.Name).HasMaxLength(200);
            copy.Property(u => u.Kind).HasMaxLength(40);
            copy.Property(u => u.ParentCode).HasMaxLength(16);
            copy.Property(u => u.SuccessorCode).HasMaxLength(16);
            copy.Property(u => u.FormerNames).HasJsonColumn();
            // Two states of one unit consumed at once (MassTransit runs deliveries concurrently; a redelivery after a
            // broker restart overtakes a later state) must not both pass the revision check on the same old row: the
            // update that finds the revision changed under it fails, is retried and then sees the newer state.
            copy.Property(u => u.Revision).IsConcurrencyToken();
        });
        return modelBuilder;
    }
}

using Platform.Organization.Infrastructure;
using Platform.ReferenceData;
using Platform.Api.Security;

namespace Platform.Organization.IntegrationEvents;

/// <summary>Keeps this body's copy of the administrative units current (queue "organization-administrative-unit-changed").</summary>
public sealed class AdministrativeUnitChangedConsumer(OrganizationDbContext db, CurrentActor actor, ILogger<AdministrativeUnitChangedConsumer> logger)
    : AdministrativeUnitCopyConsumer<OrganizationDbContext>(db, actor, logger);

using Platform.DelegateAffairs.Infrastructure;
using Platform.ReferenceData;
using Platform.Api.Security;

namespace Platform.DelegateAffairs.IntegrationEvents;

/// <summary>Keeps this body's copy of the administrative units current (queue "delegate-affairs-administrative-unit-changed").</summary>
public sealed class AdministrativeUnitChangedConsumer(DelegateAffairsDbContext db, CurrentActor actor, ILogger<AdministrativeUnitChangedConsumer> logger)
    : AdministrativeUnitCopyConsumer<DelegateAffairsDbContext>(db, actor, logger);

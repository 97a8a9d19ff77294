using Platform.Contracts.IntegrationEvents;
using Platform.Messaging.Validation;

namespace Platform.UnitTests;

/// <summary>What a consumed event must hold to be applied (IntegrationEventValidationFilter sends the rest to the error queue).</summary>
public sealed class IntegrationEventChecksTests
{
    private static readonly Actor Editor = new("home-affairs-editor", "home-affairs", "home-affairs-editor");

    [Fact]
    public void An_event_as_the_platform_publishes_it_passes()
    {
        Assert.Empty(IntegrationEventChecks.Problems(new AdministrativeUnitChanged("01", "Thành phố Hà Nội", "CENTRALLY_RUN_CITY", null, 1, DateTimeOffset.UtcNow, Editor)));
    }

    [Fact]
    public void A_half_valid_unit_names_every_missing_field()
    {
        // As the deserializer leaves an envelope whose message lacks these fields: nulls and zeros.
        var problems = IntegrationEventChecks.Problems(new AdministrativeUnitChanged("01", "", null!, null, 0, default));

        Assert.Equal(["name", "kind", "revision", "changed_at"], problems.Select(p => p.Split(':')[0]));
    }

    [Fact]
    public void A_participation_without_its_lists_or_actor_is_refused()
    {
        var problems = IntegrationEventChecks.Problems(new JointParticipationChanged("organization.x", "organization", "home-affairs", 1, "MAYBE", null, null!, null!, false, null!));

        Assert.Equal(["response", "agenda_items", "bridge_points", "changed_by"], problems.Select(p => p.Split(':')[0]));
    }

    [Fact]
    public void A_vetting_answer_without_a_candidate_is_refused()
    {
        var answered = new VettingAnswered(Guid.NewGuid(), "organization", [new VettingAnswer(Guid.Empty, 1, 1, [])], Editor);

        Assert.Equal(["answers"], IntegrationEventChecks.Problems(answered).Select(p => p.Split(':')[0]));
    }

    [Fact]
    public void Messages_that_are_not_integration_events_are_not_judged_here()
    {
        Assert.Empty(IntegrationEventChecks.Problems(new object()));
    }
}

using Google.Rpc;
using Grpc.Core;
using Platform.HomeAffairs.V1;

namespace Platform.FunctionalTests;

public sealed class RecognitionApiTests(HomeAffairsHost host) : IClassFixture<HomeAffairsHost>
{
    private RecognitionService.RecognitionServiceClient Recognition => new(host.Channel);

    [Fact]
    public async Task Commendations_are_awarded_in_a_movement_and_listed_with_it()
    {
        var movement = await Recognition.CreateEmulationMovementAsync(new CreateEmulationMovementRequest
        {
            EmulationMovement = new EmulationMovement
            {
                Id = $"chao-mung-dai-hoi-{Guid.NewGuid():N}"[..30], Name = "Thi đua lập thành tích chào mừng đại hội đảng bộ các cấp",
                StartDate = "2020-01-01", EndDate = "2021-02-28",
            },
        });
        await Recognition.CreateCommendationAsync(new CreateCommendationRequest
        {
            Commendation = new Commendation
            {
                MovementId = movement.Id, RecipientKind = RecipientKind.Unit, RecipientName = "Ban Tổ chức Tỉnh ủy Yên Bái",
                Form = "Bằng khen của Thủ tướng Chính phủ", DecisionNumber = "1234/QĐ-TTg", DecisionDate = "2020-12-01",
            },
        });

        var listed = await Recognition.ListCommendationsAsync(new ListCommendationsRequest { MovementId = movement.Id });
        var commendation = Assert.Single(listed.Commendations);
        var corrected = await Recognition.UpdateCommendationAsync(new UpdateCommendationRequest
        {
            Commendation = new Commendation { Id = commendation.Id, Etag = commendation.Etag, DecisionNumber = "1235/QĐ-TTg" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "decision_number" } },
        });
        var extended = await Recognition.UpdateEmulationMovementAsync(new UpdateEmulationMovementRequest
        {
            EmulationMovement = new EmulationMovement { Id = movement.Id, Etag = movement.Etag, EndDate = "2021-05-31" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "end_date" } },
        });

        Assert.Equal("Ban Tổ chức Tỉnh ủy Yên Bái", commendation.RecipientName);
        Assert.Equal("1235/QĐ-TTg", (await Recognition.GetCommendationAsync(new GetCommendationRequest { Id = commendation.Id })).DecisionNumber);
        Assert.Equal("1235/QĐ-TTg", corrected.DecisionNumber);
        Assert.Equal(("2020-01-01", "2021-05-31"), (extended.StartDate, extended.EndDate));
    }

    [Fact]
    public async Task A_commendation_with_bad_fields_names_each_of_them()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Recognition.CreateCommendationAsync(new CreateCommendationRequest
        {
            Commendation = new Commendation { MovementId = "khong-co", DecisionDate = "01/12/2020" },
        }).ResponseAsync);

        Assert.Equal(
            ["commendation.movement_id", "commendation.recipient_kind", "commendation.recipient_name", "commendation.form",
             "commendation.decision_number", "commendation.decision_date"],
            error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Council_seats_are_set_for_a_unit_and_term_then_changed_with_the_etag()
    {
        var units = new AdministrativeUnitService.AdministrativeUnitServiceClient(host.Channel);
        var code = Random.Shared.Next(10, 99).ToString();
        try
        {
            await units.CreateAdministrativeUnitAsync(new CreateAdministrativeUnitRequest
            {
                AdministrativeUnit = new AdministrativeUnit { Code = code, Name = "Yên Bái", Kind = AdministrativeUnitKind.Province },
            });
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.AlreadyExists)
        {
        }

        var set = await Recognition.UpdateCouncilSeatsAsync(new UpdateCouncilSeatsRequest
        {
            CouncilSeats = new CouncilSeats { UnitCode = code, Term = "2021-2026", Seats = 50, Source = "Nghị quyết 1187/NQ-UBTVQH14 (11/1/2021)" },
        });
        var changed = await Recognition.UpdateCouncilSeatsAsync(new UpdateCouncilSeatsRequest
        {
            CouncilSeats = new CouncilSeats { UnitCode = code, Term = "2021-2026", Seats = 52, Etag = set.Etag },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "seats" } },
        });
        var stale = await Assert.ThrowsAsync<RpcException>(() => Recognition.UpdateCouncilSeatsAsync(new UpdateCouncilSeatsRequest
        {
            CouncilSeats = new CouncilSeats { UnitCode = code, Term = "2021-2026", Seats = 1, Etag = set.Etag },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "seats" } },
        }).ResponseAsync);
        var listed = await Recognition.ListCouncilSeatsAsync(new ListCouncilSeatsRequest { Term = "2021-2026" });

        Assert.Equal((52, "Nghị quyết 1187/NQ-UBTVQH14 (11/1/2021)"), (changed.Seats, changed.Source));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Contains(listed.CouncilSeats, s => s.UnitCode == code && s.Seats == 52);
        Assert.Equal(52, (await Recognition.GetCouncilSeatsAsync(new GetCouncilSeatsRequest { UnitCode = code, Term = "2021-2026" })).Seats);
    }
}

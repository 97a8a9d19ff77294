using System.Text.RegularExpressions;
using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Errors;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Vietnamese;
using Model = Platform.HomeAffairs.Model;

namespace Platform.HomeAffairs.Grpc;

/// <summary>platform.homeaffairs.v1.RecognitionService: emulation movements, commendations and People's Council seats.</summary>
public sealed partial class RecognitionGrpcService(HomeAffairsDbContext db) : RecognitionService.RecognitionServiceBase
{
    private static readonly string[] SeatPaths = ["seats", "source"];
    private static readonly string[] MovementPaths = ["name", "start_date", "end_date", "description"];
    private static readonly string[] CommendationPaths = ["recipient_kind", "recipient_name", "form", "decision_number", "decision_date"];

    public override async Task<ListEmulationMovementsResponse> ListEmulationMovements(ListEmulationMovementsRequest request, ServerCallContext context)
    {
        var page = await db.EmulationMovements.AsNoTracking().ToPageAsync(m => m.Id, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListEmulationMovementsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.EmulationMovements.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<EmulationMovement> GetEmulationMovement(GetEmulationMovementRequest request, ServerCallContext context) =>
        ToProto(await FindMovementAsync(request.Id, tracked: false, context.CancellationToken));

    public override async Task<EmulationMovement> CreateEmulationMovement(CreateEmulationMovementRequest request, ServerCallContext context)
    {
        var input = request.EmulationMovement;
        new RequestValidator().Require(input is not null, "emulation_movement", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator()
            .Require(IdPattern().IsMatch(input!.Id), "emulation_movement.id", Violation.Of(ErrorReasons.InvalidFormat, "must be 3 to 100 lower-case letters, digits or dashes", ("Min", 3), ("Max", 100)));
        var movement = new Model.EmulationMovement { Id = input.Id, Name = "" };
        ApplyMovement(validator, movement, input);
        validator.ThrowIfInvalid();
        if (await db.EmulationMovements.AnyAsync(m => m.Id == input.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExistsException("Emulation movement", input.Id);
        }
        db.EmulationMovements.Add(movement);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(movement);
    }

    public override async Task<EmulationMovement> UpdateEmulationMovement(UpdateEmulationMovementRequest request, ServerCallContext context)
    {
        var input = request.EmulationMovement;
        new RequestValidator().Require(input is not null, "emulation_movement", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, MovementPaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "emulation_movement.etag", validator);
        validator.ThrowIfInvalid();
        var movement = await FindMovementAsync(input.Id, tracked: true, context.CancellationToken);
        Etags.Check(movement.RowVersion, etag, "Emulation movement", movement.Id);
        var merged = ToProto(movement);
        Masks.Merge(paths, input, merged);
        ApplyMovement(validator, movement, merged);
        validator.ThrowIfInvalid();
        Etags.ExpectVersion(db, movement, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(movement);
    }

    private static void ApplyMovement(RequestValidator validator, Model.EmulationMovement movement, EmulationMovement input)
    {
        var name = VietnameseText.Normalize(input.Name);
        validator.Require(name.Length is > 0 and <= 300, "emulation_movement.name", Violation.RequiredText(300));
        var start = validator.Date(input.StartDate, "emulation_movement.start_date", required: true);
        var end = validator.Date(input.EndDate, "emulation_movement.end_date");
        validator.Require(start is null || end is null || end >= start, "emulation_movement.end_date", Violation.Of(ErrorReasons.DateTooEarly, "is before start_date", ("Bound", "start_date")));
        if (validator.IsValid)
        {
            (movement.Name, movement.StartDate, movement.EndDate, movement.Description) = (name, start!.Value, end, VietnameseText.Normalize(input.Description));
        }
    }

    public override async Task<ListCommendationsResponse> ListCommendations(ListCommendationsRequest request, ServerCallContext context)
    {
        if (!await db.EmulationMovements.AnyAsync(m => m.Id == request.MovementId, context.CancellationToken))
        {
            throw new ResourceNotFoundException("Emulation movement", request.MovementId);
        }
        var page = await db.Commendations.AsNoTracking().Where(c => c.MovementId == request.MovementId)
            .ToPageAsync(c => c.Id, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListCommendationsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.Commendations.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<Commendation> GetCommendation(GetCommendationRequest request, ServerCallContext context) =>
        ToProto(await FindCommendationAsync(request.Id, tracked: false, context.CancellationToken));

    public override async Task<Commendation> CreateCommendation(CreateCommendationRequest request, ServerCallContext context)
    {
        var input = request.Commendation;
        new RequestValidator().Require(input is not null, "commendation", Violation.Required()).ThrowIfInvalid();
        var validator = new RequestValidator();
        var movementExists = await db.EmulationMovements.AnyAsync(m => m.Id == input!.MovementId, context.CancellationToken);
        validator.Require(movementExists, "commendation.movement_id", Violation.UnknownReference($"there is no emulation movement '{input!.MovementId}'", input!.MovementId));
        var commendation = new Model.Commendation
        {
            Id = NewId.NextGuid().ToString("N"), MovementId = input.MovementId, RecipientName = "", Form = "", DecisionNumber = "",
        };
        ApplyCommendation(validator, commendation, input);
        validator.ThrowIfInvalid();
        db.Commendations.Add(commendation);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(commendation);
    }

    public override async Task<Commendation> UpdateCommendation(UpdateCommendationRequest request, ServerCallContext context)
    {
        var input = request.Commendation;
        new RequestValidator().Require(input is not null, "commendation", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, CommendationPaths);
        var validator = new RequestValidator();
        var etag = Etags.Parse(input!.Etag, "commendation.etag", validator);
        validator.ThrowIfInvalid();
        var commendation = await FindCommendationAsync(input.Id, tracked: true, context.CancellationToken);
        Etags.Check(commendation.RowVersion, etag, "Commendation", commendation.Id);
        var merged = ToProto(commendation);
        Masks.Merge(paths, input, merged);
        ApplyCommendation(validator, commendation, merged);
        validator.ThrowIfInvalid();
        Etags.ExpectVersion(db, commendation, etag);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(commendation);
    }

    private static void ApplyCommendation(RequestValidator validator, Model.Commendation commendation, Commendation input)
    {
        validator.Require(input.RecipientKind is RecipientKind.Unit or RecipientKind.Person, "commendation.recipient_kind", Violation.Required());
        var recipient = VietnameseText.Normalize(input.RecipientName);
        validator.Require(recipient.Length is > 0 and <= 300, "commendation.recipient_name", Violation.Required());
        var form = VietnameseText.Normalize(input.Form);
        validator.Require(form.Length is > 0 and <= 200, "commendation.form", Violation.Of(ErrorReasons.Required, "is required, e.g. Bằng khen", ("Example", "Bằng khen")));
        validator.Require(input.DecisionNumber.Trim().Length > 0, "commendation.decision_number", Violation.Of(ErrorReasons.Required, "is required, e.g. 1234/QĐ-TTg", ("Example", "1234/QĐ-TTg")));
        var decided = validator.Date(input.DecisionDate, "commendation.decision_date", required: true);
        if (validator.IsValid)
        {
            commendation.RecipientKind = (Model.RecipientKind)input.RecipientKind;
            (commendation.RecipientName, commendation.Form, commendation.DecisionNumber, commendation.DecisionDate) =
                (recipient, form, input.DecisionNumber.Trim(), decided!.Value);
        }
    }

    public override async Task<CouncilSeats> GetCouncilSeats(GetCouncilSeatsRequest request, ServerCallContext context)
    {
        var seats = await db.CouncilSeats.AsNoTracking().SingleOrDefaultAsync(s => s.UnitCode == request.UnitCode && s.Term == request.Term, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Council seats", $"{request.UnitCode}/{request.Term}");
        return ToProto(seats);
    }

    public override async Task<ListCouncilSeatsResponse> ListCouncilSeats(ListCouncilSeatsRequest request, ServerCallContext context)
    {
        new RequestValidator().Require(request.Term.Length > 0, "term", Violation.Of(ErrorReasons.Required, "is required, e.g. 2021-2026", ("Example", "2021-2026"))).ThrowIfInvalid();
        var page = await db.CouncilSeats.AsNoTracking().Where(s => s.Term == request.Term)
            .ToPageAsync(s => s.UnitCode, PageRequest.Parse(request.PageSize, request.PageToken), context.CancellationToken);
        var response = new ListCouncilSeatsResponse { NextPageToken = page.NextPageToken, TotalSize = page.Total.Size, TotalSizeCapped = page.Total.Capped };
        response.CouncilSeats.AddRange(page.Items.Select(ToProto));
        return response;
    }

    public override async Task<CouncilSeats> UpdateCouncilSeats(UpdateCouncilSeatsRequest request, ServerCallContext context)
    {
        var input = request.CouncilSeats;
        new RequestValidator().Require(input is not null, "council_seats", Violation.Required()).ThrowIfInvalid();
        var paths = UpdateMasks.Paths(request.UpdateMask, SeatPaths);
        var validator = new RequestValidator();
        var unitExists = await db.AdministrativeUnits.AnyAsync(u => u.Code == input!.UnitCode, context.CancellationToken);
        validator.Require(unitExists, "council_seats.unit_code", Violation.UnknownReference($"'{input!.UnitCode}' is not an administrative unit", input!.UnitCode));
        validator.Require(TermPattern().IsMatch(input.Term), "council_seats.term", Violation.Of(ErrorReasons.InvalidFormat, "must be a term such as 2021-2026"));
        validator.ThrowIfInvalid();

        var existing = await db.CouncilSeats.SingleOrDefaultAsync(s => s.UnitCode == input.UnitCode && s.Term == input.Term, context.CancellationToken);
        var merged = existing is null ? new CouncilSeats { UnitCode = input.UnitCode, Term = input.Term } : ToProto(existing);
        Masks.Merge(paths, input, merged);
        validator.Require(merged.Seats is > 0 and <= 200, "council_seats.seats", Violation.NumberOutOfRange("must be 1 to 200", 1, 200));
        validator.Require(merged.Source.Trim().Length > 0, "council_seats.source", Violation.Required("is required: the document fixing the number, with its date"));
        uint etag = 0;
        if (existing is not null)
        {
            etag = Etags.Parse(input.Etag, "council_seats.etag", validator);
        }
        validator.ThrowIfInvalid();
        if (existing is null)
        {
            existing = new Model.CouncilSeats { UnitCode = input.UnitCode, Term = input.Term, Seats = merged.Seats, Source = merged.Source.Trim() };
            db.CouncilSeats.Add(existing);
        }
        else
        {
            Etags.Check(existing.RowVersion, etag, "Council seats", $"{input.UnitCode}/{input.Term}");
            (existing.Seats, existing.Source) = (merged.Seats, merged.Source.Trim());
            Etags.ExpectVersion(db, existing, etag);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(existing);
    }

    private async Task<Model.EmulationMovement> FindMovementAsync(string id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.EmulationMovements : db.EmulationMovements.AsNoTracking();
        return await query.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new ResourceNotFoundException("Emulation movement", id);
    }

    private async Task<Model.Commendation> FindCommendationAsync(string id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Commendations : db.Commendations.AsNoTracking();
        return await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new ResourceNotFoundException("Commendation", id);
    }

    private static EmulationMovement ToProto(Model.EmulationMovement m) => new()
    {
        Id = m.Id, Name = m.Name, StartDate = m.StartDate.ToIso(), EndDate = m.EndDate?.ToIso() ?? "", Description = m.Description,
        Etag = Etags.Of(m.RowVersion),
    };

    private static Commendation ToProto(Model.Commendation c) => new()
    {
        Id = c.Id, MovementId = c.MovementId, RecipientKind = (RecipientKind)c.RecipientKind, RecipientName = c.RecipientName,
        Form = c.Form, DecisionNumber = c.DecisionNumber, DecisionDate = c.DecisionDate.ToIso(), Etag = Etags.Of(c.RowVersion),
    };

    private static CouncilSeats ToProto(Model.CouncilSeats s) => new()
    {
        UnitCode = s.UnitCode, Term = s.Term, Seats = s.Seats, Source = s.Source, Etag = Etags.Of(s.RowVersion),
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(19|20)[0-9]{2}-(19|20)[0-9]{2}$")]
    private static partial Regex TermPattern();
}

using Platform.Auditing;

namespace Platform.HomeAffairs.Model;

/// <summary>An emulation movement (phong trào thi đua).</summary>
public sealed class EmulationMovement : IAuditable
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Description { get; set; } = "";
    public uint RowVersion { get; private set; }

    public string AuditResource => $"emulation-movements/{Id}";
}

public enum RecipientKind
{
    Unit = 1,
    Person = 2,
}

/// <summary>A commendation (khen thưởng) awarded in a movement, by a decision with its number and date.</summary>
public sealed class Commendation : IAuditable
{
    /// <summary>32 hex digits: the key commendations are paged by.</summary>
    public required string Id { get; init; }
    public required string MovementId { get; init; }
    public RecipientKind RecipientKind { get; set; }
    public required string RecipientName { get; set; }
    public required string Form { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecisionDate { get; set; }
    public uint RowVersion { get; private set; }

    public string AuditResource => $"commendations/{Id}";
}

/// <summary>How many deputies a People's Council elects for a term, as a document fixes it.</summary>
public sealed class CouncilSeats : IAuditable
{
    public required string UnitCode { get; init; }
    public required string Term { get; init; }
    public int Seats { get; set; }
    public required string Source { get; set; }
    public uint RowVersion { get; private set; }

    public string AuditResource => $"council-seats/{UnitCode}/{Term}";
}

namespace SproHub.Plugins.CelluleHandicap.Concertation;

/// <summary>What a partner knows of a situation, written before the session; sealed at rest.</summary>
public sealed class PartnerInput
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SituationId { get; init; }
    public Guid SessionId { get; init; }
    public Guid PartnerId { get; init; }
    public required string AuthorName { get; init; }
    public DateTimeOffset WrittenAt { get; init; }
    public string? SealedText { get; set; }
}

/// <summary>The diagnostic sheet completed on the day, with the decisions and who carries each next step.</summary>
public sealed class Examination
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SituationId { get; init; }
    public Guid SessionId { get; init; }
    public DateOnly ExaminedOn { get; init; }
    public required string RecordedBy { get; init; }
    /// <summary><see cref="ExaminationNotes"/>, sealed.</summary>
    public string? SealedNotes { get; set; }
    public List<NextStep> NextSteps { get; private set; } = [];
}

public sealed record ExaminationNotes(string Synthesis, string Decisions);

public sealed class NextStep
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PartnerId { get; init; }
    public string? SealedAction { get; set; }
}

/// <summary>The short point on a situation given at the concertation after its examination.</summary>
public sealed class FollowUp
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SituationId { get; init; }
    public Guid SessionId { get; init; }
    public DateOnly RecordedOn { get; init; }
    /// <summary>Given no later than the day of the concertation where it was due.</summary>
    public bool OnTime { get; init; }
    public required string RecordedBy { get; init; }
    public string? SealedText { get; set; }
}

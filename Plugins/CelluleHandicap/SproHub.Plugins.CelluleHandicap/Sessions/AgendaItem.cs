namespace SproHub.Plugins.CelluleHandicap.Sessions;

public enum AgendaItemKind { Examen, PointDeSituation }

/// <summary>
/// A situation on a session's agenda: to be examined, or its short follow-up due after an examination. The partners
/// attending a session read the situations of its agenda from its publication on.
/// </summary>
public sealed class AgendaItem
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SessionId { get; init; }
    public Guid SituationId { get; init; }
    public AgendaItemKind Kind { get; init; }
    /// <summary>Submitted after the agenda's deadline and accepted by the secretariat all the same.</summary>
    public bool AcceptedLate { get; init; }
}

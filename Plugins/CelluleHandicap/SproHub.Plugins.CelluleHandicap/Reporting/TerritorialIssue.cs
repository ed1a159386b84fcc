namespace SproHub.Plugins.CelluleHandicap.Reporting;

public enum IssueAddressee { Plith, Prith }

/// <summary>A problem of the territory the cell reports to the PLITH or the PRITH: free text about the territory, never about a person.</summary>
public sealed class TerritorialIssue
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TerritoryId { get; init; } = "";
    public int Year { get; init; }
    public IssueAddressee Addressee { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

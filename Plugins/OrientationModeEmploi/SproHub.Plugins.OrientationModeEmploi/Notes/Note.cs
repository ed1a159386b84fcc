using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.OrientationModeEmploi.Notes;

/// <summary>Something that happened in the initiative, in one territory.</summary>
public sealed class Note : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TerritoryId { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Title { get; private set; } = "";
    public string? Text { get; private set; }
    public string? Author { get; private set; }
    public int Version { get; set; }

    /// <summary>A note reports what took place: its date is never after today.</summary>
    public static Note Record(string territoryId, DateOnly date, string title, string? text, string? author, DateOnly today)
    {
        if (date > today)
            throw new RuleViolationException("date", "date-passee", $"Une note rapporte ce qui a eu lieu : la date ne peut pas dépasser aujourd'hui ({today:dd/MM/yyyy}).");
        return new Note { TerritoryId = territoryId, Date = date, Title = title.Trim(), Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Author = author };
    }
}

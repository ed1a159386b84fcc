using SproHub.Shared.Data;

namespace SproHub.Plugins.OrientationModeEmploi.Sheets;

/// <summary>What one structure answers and how: the sheet reception staff read before sending someone there.</summary>
public sealed class StructureSheet : IVersioned
{
    public const int AnswerMaxLength = 2000;
    public const int ModalitiesMaxLength = 1000;
    public const int ContactMaxLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string TerritoryId { get; init; }
    public Guid StructureId { get; init; }
    /// <summary>The content of its answer: what the person gets there.</summary>
    public string Answer { get; set; } = "";
    /// <summary>How: with or without an appointment, opening hours, documents to bring, public received.</summary>
    public string? Modalities { get; set; }
    /// <summary>Address, phone, e-mail, web site.</summary>
    public string? Contact { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

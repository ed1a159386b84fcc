using SproHub.Shared.Data;

namespace SproHub.Indicators.Cycle;

public enum DashboardStatus { Draft, Submitted, Approved }

/// <summary>
/// A local SPRO's dashboard of a year through its yearly cycle: the coordinator fills what the platform cannot know and
/// submits, the Région approves; an approved version is locked, and a correction opens a new version with its reason.
/// </summary>
public sealed class Dashboard : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TerritoryId { get; set; }
    public int Year { get; set; }
    public DashboardStatus Status { get; set; }
    /// <summary>The version under way (1 at first, one more per correction).</summary>
    public int Number { get; set; } = 1;
    /// <summary>Why the version under way corrects an approved one; null for the first.</summary>
    public string? CorrectionReason { get; set; }
    /// <summary>Indicator 24's structure: the one that coordinates the local network.</summary>
    public string? CoordinatingStructure { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>The figures, meetings and trainings as submitted (JSON), which the Région's approval locks.</summary>
    public string? SubmittedFigures { get; set; }
    public int Version { get; set; }
    public List<FormValue> Values { get; set; } = [];
    public List<ApprovedVersion> Approved { get; set; } = [];
}

/// <summary>A figure the platform cannot know, typed by the coordinator: agents trained and agents per type of structure (7, 7bis), coordination (24, 25).</summary>
public sealed class FormValue
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DashboardId { get; set; }
    public required string Code { get; set; }
    /// <summary>The type of member structure for 7 and 7bis; empty otherwise.</summary>
    public string Dimension { get; set; } = "";
    public decimal Value { get; set; }
}

/// <summary>What the Région approved, kept for good: the figures as they stood, locked; a later correction adds another.</summary>
public sealed class ApprovedVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DashboardId { get; set; }
    public int Number { get; set; }
    public string? CorrectionReason { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string ApprovedBy { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
    /// <summary>The figures by indicator code, the meetings and the trainings per type of structure (JSON), as approved.</summary>
    public required string Figures { get; set; }
    public string? CoordinatingStructure { get; set; }
}

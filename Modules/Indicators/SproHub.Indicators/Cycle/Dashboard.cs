using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Indicators.Cycle;

public enum DashboardStatus { Draft, Submitted, Approved }

/// <summary>
/// A local SPRO's dashboard of a year through its yearly cycle: the coordinator fills what the platform cannot know and
/// submits, the Région approves; an approved version is locked, and a correction opens a new version with its reason.
/// </summary>
[CrossTerritory("The Région's rollup and comparisons read every territory's dashboards through the same figures as a territory's page, " +
    "which names its territory (DashboardFigures, DashboardForms); the demo data is seeded outside any territory.")]
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

    /// <summary>Only a version being filled is typed into: a submitted one waits for the Région, an approved one is locked.</summary>
    public void EnsureEditable()
    {
        if (Status == DashboardStatus.Approved)
            throw new RuleViolationException("status", "tableau-approuve", "Le tableau de bord est approuvé : ses chiffres sont arrêtés ; ouvrez une correction motivée.");
        if (Status == DashboardStatus.Submitted)
            throw new RuleViolationException("status", "tableau-soumis", "Le tableau de bord est soumis à la Région : il ne se modifie plus.");
    }

    /// <summary>The coordinator hands the version over, with its figures as they stand: those are what the Région approves.</summary>
    public void Submit(string? by, DateTimeOffset at, string figures)
    {
        if (Status != DashboardStatus.Draft) throw new RuleViolationException("status", "deja-soumis", "Le tableau de bord est déjà soumis ou approuvé.");
        (Status, SubmittedBy, SubmittedAt, SubmittedFigures) = (DashboardStatus.Submitted, by, at, figures);
    }

    /// <summary>The Région locks the submitted version: kept for good, beside those approved before.</summary>
    public ApprovedVersion Approve(string by, DateTimeOffset at, string figures)
    {
        if (Status != DashboardStatus.Submitted) throw new RuleViolationException("status", "tableau-a-soumettre", "Le coordinateur soumet d'abord le tableau de bord.");
        var approved = new ApprovedVersion
        {
            DashboardId = Id, Number = Number, CorrectionReason = CorrectionReason, SubmittedBy = SubmittedBy ?? "?", SubmittedAt = SubmittedAt ?? at,
            ApprovedBy = by, ApprovedAt = at, Figures = figures, CoordinatingStructure = CoordinatingStructure,
        };
        Approved.Add(approved);
        Status = DashboardStatus.Approved;
        return approved;
    }

    /// <summary>An approved dashboard changes only through a new version with its reason; the approved ones stay.</summary>
    public void OpenCorrection(string reason)
    {
        if (Status != DashboardStatus.Approved) throw new RuleViolationException("status", "tableau-non-approuve", "Seul un tableau de bord approuvé se corrige par une nouvelle version ; celui-ci se modifie encore.");
        Number++;
        (Status, CorrectionReason, SubmittedBy, SubmittedAt, SubmittedFigures) = (DashboardStatus.Draft, reason, null, null, null);
    }
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

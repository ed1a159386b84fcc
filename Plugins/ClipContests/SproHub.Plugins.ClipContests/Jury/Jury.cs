using SproHub.Shared.Errors;

namespace SproHub.Plugins.ClipContests.Jury;

/// <summary>A line of the scoring grid: what the jury judges, and how much it weighs.</summary>
public sealed class Criterion
{
    public const int NameMaxLength = 80;
    /// <summary>Each criterion is marked out of this.</summary>
    public const int MaxMark = 20;

    public string Name { get; set; } = "";
    public int Weight { get; set; }

    /// <summary>The grid an edition starts with; the coordinator may change it until the jury opens.</summary>
    public static List<Criterion> Default() =>
    [
        new() { Name = "Message", Weight = 30 },
        new() { Name = "Créativité", Weight = 25 },
        new() { Name = "Respect du thème", Weight = 25 },
        new() { Name = "Qualité technique", Weight = 20 },
    ];

    /// <summary>The rule « grille »: one to eight named criteria, distinct, each weighing 1 to 100.</summary>
    public static List<Criterion> Check(IReadOnlyList<(string Name, int Weight)> lines)
    {
        var grid = lines.Select(l => new Criterion { Name = l.Name.Trim(), Weight = l.Weight }).ToList();
        if (grid.Count is < 1 or > 8) throw new RuleViolationException("criteria", "grille", "La grille compte de 1 à 8 critères.");
        for (var i = 0; i < grid.Count; i++)
        {
            if (grid[i].Name.Length is 0 or > NameMaxLength) throw new RuleViolationException($"criteria[{i}].name", "grille", "Nommez chaque critère (80 caractères au plus).");
            if (grid[i].Weight is < 1 or > 100) throw new RuleViolationException($"criteria[{i}].weight", "grille", "Chaque critère pèse de 1 à 100.");
        }
        if (grid.DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Count() != grid.Count)
            throw new RuleViolationException("criteria", "grille", "Deux critères portent le même nom.");
        return grid;
    }
}

public enum ConflictReason
{
    /// <summary>The member's structure leads the team (found by the platform, or declared).</summary>
    OwnStructure,
    /// <summary>A relative of the member is in the team or filmed.</summary>
    Relative,
    Other,
}

/// <summary>A person of the edition's jury, invited by the coordinator (through the platform's accounts).</summary>
public sealed class JuryMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EditionId { get; set; }
    public string TerritoryId { get; set; } = "";
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The member's structure, when they belong to one of the network: its teams are conflicts of interest.</summary>
    public Guid? StructureId { get; set; }
    /// <summary>The president confirms the prizes.</summary>
    public bool IsPresident { get; set; }
    public DateTimeOffset InvitedAt { get; set; }

    public bool Is(string? email) => email is not null && string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A member tied to a team: they do not score its clip.</summary>
public sealed class Conflict
{
    public const int NoteMaxLength = 300;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid JuryMemberId { get; set; }
    public Guid TeamId { get; set; }
    public ConflictReason Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }

    /// <summary>The rule « conflit-interets »: declared, or the member's own structure leads the team.</summary>
    public static ConflictReason? Between(JuryMember member, Teams.Team team, IEnumerable<Conflict> declared) =>
        declared.FirstOrDefault(c => c.JuryMemberId == member.Id && c.TeamId == team.Id)?.Reason
        ?? (member.StructureId == team.StructureId ? ConflictReason.OwnStructure : null);

    public static string Label(ConflictReason reason) => reason switch
    {
        ConflictReason.OwnStructure => "sa structure encadre l'équipe",
        ConflictReason.Relative => "un proche fait partie de l'équipe ou du clip",
        _ => "autre lien avec l'équipe",
    };
}

/// <summary>One member's marks for one clip, one per criterion of the grid (by its position), each out of 20.</summary>
public sealed class Score
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid JuryMemberId { get; set; }
    public Guid ClipId { get; set; }
    public List<int> Marks { get; set; } = [];
    public DateTimeOffset ScoredAt { get; set; }

    /// <summary>Σ(mark × weight) ÷ Σ weight: a mark out of 20.</summary>
    public decimal Weighted(IReadOnlyList<Criterion> grid) =>
        (decimal)grid.Select((c, i) => Marks[i] * c.Weight).Sum() / grid.Sum(c => c.Weight);

    /// <summary>The rule « notes »: a mark from 0 to 20 for each criterion of the grid, no more, no less.</summary>
    public static void Check(IReadOnlyList<int> marks, IReadOnlyList<Criterion> grid)
    {
        if (marks.Count != grid.Count)
            throw new RuleViolationException("marks", "notes", $"Notez chacun des {grid.Count} critères de la grille.");
        for (var i = 0; i < marks.Count; i++)
            if (marks[i] is < 0 or > Criterion.MaxMark)
                throw new RuleViolationException($"marks[{i}]", "notes", $"« {grid[i].Name} » se note de 0 à {Criterion.MaxMark}.");
    }
}

/// <summary>A prize the president confirmed: the rank, the clip, its mean weighted score.</summary>
public sealed class Prize
{
    public int Rank { get; set; }
    public Guid ClipId { get; set; }
    public Guid TeamId { get; set; }
    public string TeamName { get; set; } = "";
    public decimal Score { get; set; }
}

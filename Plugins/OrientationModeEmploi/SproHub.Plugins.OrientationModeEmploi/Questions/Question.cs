using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.OrientationModeEmploi.Questions;

public enum AnswererRole { Principal, Secondary }

/// <summary>A structure that answers a question: the principal one(s) first, then those that also help.</summary>
public sealed class Answerer
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid QuestionId { get; init; }
    public Guid StructureId { get; init; }
    public AnswererRole Role { get; init; }

    public static string Label(AnswererRole role) => role == AnswererRole.Principal ? "principale" : "secondaire";
}

/// <summary>A question the public frequently asks at reception, and the structures that answer it.</summary>
public sealed class Question : IVersioned
{
    public const int TextMaxLength = 300;
    public const int KeywordsMaxLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string TerritoryId { get; init; }
    public Guid ThemeId { get; set; }
    public string Text { get; private set; } = "";
    /// <summary>Other words the public uses for it (synonyms, acronyms), read by the search only.</summary>
    public string? Keywords { get; private set; }
    public List<Answerer> Answerers { get; private set; } = [];
    public int Version { get; set; }

    public IEnumerable<Guid> Principal => Answerers.Where(a => a.Role == AnswererRole.Principal).Select(a => a.StructureId);
    public IEnumerable<Guid> Secondary => Answerers.Where(a => a.Role == AnswererRole.Secondary).Select(a => a.StructureId);

    public void Describe(string text, string? keywords)
    {
        Text = text.Trim();
        Keywords = string.IsNullOrWhiteSpace(keywords) ? null : keywords.Trim();
    }

    /// <summary>
    /// Reception staff send the person to a principal structure: there is at least one. A structure answers once
    /// (principal or secondary, not both), and it is one of the territory's.
    /// </summary>
    public void SetAnswerers(IReadOnlyList<(Guid StructureId, AnswererRole Role)> answerers, IReadOnlySet<Guid> territoryStructures)
    {
        if (!answerers.Any(a => a.Role == AnswererRole.Principal))
            throw new RuleViolationException("answerers", "structure-principale", "Indiquez au moins une structure principale : c'est vers elle que l'accueil oriente la personne.");
        if (answerers.GroupBy(a => a.StructureId).FirstOrDefault(g => g.Count() > 1) is not null)
            throw new RuleViolationException("answerers", "structure-unique", "Une structure répond une seule fois à une question : principale ou secondaire, pas les deux.");
        if (answerers.Any(a => !territoryStructures.Contains(a.StructureId)))
            throw new RuleViolationException("answerers", "structure-du-territoire", "Cette structure n'est pas une structure membre du SPRO de ce territoire.");
        Answerers = answerers.Select(a => new Answerer { QuestionId = Id, StructureId = a.StructureId, Role = a.Role }).ToList();
    }
}

using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Plugins.OrientationModeEmploi.Questions;

namespace SproHub.Plugins.OrientationModeEmploi.Management.Pages;

/// <summary>A question as its form posts it: each structure of the territory with "Principal", "Secondary" or nothing.</summary>
public sealed class QuestionForm
{
    public Guid ThemeId { get; set; }
    public string Text { get; set; } = "";
    public string? Keywords { get; set; }
    public Dictionary<Guid, string> Roles { get; set; } = [];
    public int Version { get; set; }

    public IReadOnlyList<AnswererInput> Answerers =>
        Roles.Where(r => Enum.TryParse<AnswererRole>(r.Value, out _)).Select(r => new AnswererInput(r.Key, Enum.Parse<AnswererRole>(r.Value))).ToList();

    public static QuestionForm From(QuestionView question) => new()
    {
        ThemeId = question.ThemeId, Text = question.Text, Keywords = question.Keywords, Version = question.Version,
        Roles = question.Principal.ToDictionary(s => s.Id, _ => nameof(AnswererRole.Principal))
            .Concat(question.Secondary.ToDictionary(s => s.Id, _ => nameof(AnswererRole.Secondary))).ToDictionary(),
    };
}

/// <summary>What the shared question fields need: the form, its field prefix, the themes and structures to choose from.</summary>
public sealed record QuestionFieldsModel(QuestionForm Form, string Prefix, IReadOnlyList<ThemeView> Themes, IReadOnlyList<StructureRef> Structures);

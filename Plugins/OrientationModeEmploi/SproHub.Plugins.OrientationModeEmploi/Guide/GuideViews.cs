using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Plugins.OrientationModeEmploi.Sheets;

namespace SproHub.Plugins.OrientationModeEmploi.Guide;

public sealed record StructureRef(Guid Id, string Name, string Type, string Town);

public sealed record QuestionView(Guid Id, Guid ThemeId, string Theme, string Text, string? Keywords,
    IReadOnlyList<StructureRef> Principal, IReadOnlyList<StructureRef> Secondary, int Version);

public sealed record ThemeView(Guid Id, string Name, int Position, int Version, IReadOnlyList<QuestionView> Questions);

public sealed record SheetView(Guid StructureId, string Answer, string? Modalities, string? Contact, DateTimeOffset UpdatedAt, int Version)
{
    public static SheetView From(StructureSheet sheet) => new(sheet.StructureId, sheet.Answer, sheet.Modalities, sheet.Contact, sheet.UpdatedAt, sheet.Version);
}

/// <summary>The whole guide of a territory: its themes and questions, its structures and their sheets.</summary>
public sealed record GuideView(string TerritoryName, IReadOnlyList<ThemeView> Themes, IReadOnlyList<StructureRef> Structures, IReadOnlyDictionary<Guid, SheetView> Sheets)
{
    public IEnumerable<QuestionView> Questions => Themes.SelectMany(t => t.Questions);

    public string RoleOf(QuestionView question, Guid structureId) =>
        Answerer.Label(question.Principal.Any(s => s.Id == structureId) ? AnswererRole.Principal : AnswererRole.Secondary);
}

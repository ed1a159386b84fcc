using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Guide;

/// <summary>Reads the current territory's guide in four queries, with its structures from the core directory.</summary>
internal sealed class GuideReader(OrientationModeEmploiDbContext db, IStructureDirectory directory, ITerritoryContext territory)
{
    public static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public async Task<GuideView> ReadAsync(CancellationToken cancellationToken)
    {
        var current = territory.Current!;
        var themes = await db.Themes.AsNoTracking().ToListAsync(cancellationToken);
        var questions = await db.Questions.AsNoTracking().ToListAsync(cancellationToken);
        var sheets = await db.Sheets.AsNoTracking().ToListAsync(cancellationToken);
        var structures = (await directory.ListAsync(current.Slug, cancellationToken)).Select(s => new StructureRef(s.Id, s.Name, s.Type, s.Town)).ToList();
        var byId = structures.ToDictionary(s => s.Id);

        // A structure that left the directory disappears from the answers rather than showing a blank.
        IReadOnlyList<StructureRef> Refs(IEnumerable<Guid> ids) => ids.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(s => s.Name, French).ToList();

        var views = themes.OrderBy(t => t.Position).ThenBy(t => t.Name, French).Select(t => new ThemeView(t.Id, t.Name, t.Position, t.Version,
            questions.Where(q => q.ThemeId == t.Id).OrderBy(q => q.Text, French)
                .Select(q => new QuestionView(q.Id, q.ThemeId, t.Name, q.Text, q.Keywords, Refs(q.Principal), Refs(q.Secondary), q.Version)).ToList())).ToList();
        return new GuideView(current.Name, views, structures, sheets.Where(s => byId.ContainsKey(s.StructureId)).ToDictionary(s => s.StructureId, SheetView.From));
    }

    /// <summary>The territory's structure ids, for the rule that answerers belong to it.</summary>
    public async Task<IReadOnlySet<Guid>> StructureIdsAsync(CancellationToken cancellationToken) =>
        (await directory.ListAsync(territory.Current!.Slug, cancellationToken)).Select(s => s.Id).ToHashSet();
}

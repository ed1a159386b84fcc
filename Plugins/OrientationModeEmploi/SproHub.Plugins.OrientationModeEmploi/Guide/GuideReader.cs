using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Search;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Guide;

/// <summary>A territory's guide and its questions' words, as read at <see cref="Stamp"/>.</summary>
public sealed record GuideIndex(Guid Stamp, GuideView Guide, IReadOnlyList<IndexedQuestion> Questions);

/// <summary>
/// Reads the current territory's guide, with its structures from the core directory. Each host keeps it in
/// memory and checks the guide's stamp (one small query) before using its copy, so that reception's search
/// stays fast and every host sees a change at once. Structure names come from the Network module: a renamed
/// structure shows within five minutes.
/// </summary>
internal sealed class GuideReader(OrientationModeEmploiDbContext db, IStructureDirectory directory, ITerritoryContext territory, IMemoryCache cache)
{
    public static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(5);

    public async Task<GuideView> ReadAsync(CancellationToken cancellationToken) => (await IndexAsync(cancellationToken)).Guide;

    public async Task<GuideIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        // The stamp first, then the guide: a change landing in between leaves a copy that is newer than its stamp, never older.
        var stamp = await db.GuideStamps.AsNoTracking().Where(g => g.TerritoryId == slug).Select(g => (Guid?)g.Value).FirstOrDefaultAsync(cancellationToken) ?? Guid.Empty;
        var key = $"{OrientationModeEmploiModule.Id}:guide:{slug}";
        if (cache.TryGetValue(key, out GuideIndex? kept) && kept!.Stamp == stamp) return kept;
        var guide = await LoadAsync(cancellationToken);
        var index = new GuideIndex(stamp, guide, guide.Questions.Select(q => IndexedQuestion.From(new Searchable(q.Id, q.Text, q.Keywords, q.Theme,
            q.Principal.Concat(q.Secondary).SelectMany(s => new[] { s.Name, s.Type }).ToList()))).ToList());
        cache.Set(key, index, Kept);
        return index;
    }

    private async Task<GuideView> LoadAsync(CancellationToken cancellationToken)
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

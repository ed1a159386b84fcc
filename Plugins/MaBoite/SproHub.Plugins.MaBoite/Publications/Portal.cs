using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Publications;

/// <summary>The news and resources aimed at the person, the newest first.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ReadPortal : IRequest<IReadOnlyList<PortalItem>>;

/// <summary>One publication, opened: the first opening by a person is counted.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ReadPublication(Guid Id) : IRequest<PortalItem>;

/// <param name="Html">Sanitised HTML of the Markdown text.</param>
public sealed record PortalItem(Guid Id, PublicationKind Kind, string Title, string Html, string? Link, string PublishedBy, DateTimeOffset PublishedAt, bool Seen,
    DateOnly? EventOn, string? Place, string? AttachmentName, long AttachmentSize);

internal sealed class PortalHandlers(MaBoiteDbContext db, SpaceAccess access, TimeProvider clock)
    : IRequestHandler<ReadPortal, IReadOnlyList<PortalItem>>, IRequestHandler<ReadPublication, PortalItem>
{
    public async Task<IReadOnlyList<PortalItem>> Handle(ReadPortal request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var year = ParisTime.Today(clock).Year;
        var seen = await db.PublicationViews.AsNoTracking().Where(v => v.SpaceId == space.Id).Select(v => v.PublicationId).ToListAsync(cancellationToken);
        var live = await db.Publications.AsNoTracking().Where(p => p.WithdrawnAt == null).ToListAsync(cancellationToken);
        return live.Where(p => p.Targets(space, year)).OrderByDescending(p => p.PublishedAt.UtcTicks)
            .Select(p => Item(p, seen.Contains(p.Id))).ToList();
    }

    public async Task<PortalItem> Handle(ReadPublication request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.Id && p.WithdrawnAt == null, cancellationToken);
        if (publication is null || !publication.Targets(space, ParisTime.Today(clock).Year)) throw new NotFoundException("Cette publication n'existe pas (ou plus).");
        if (!await db.PublicationViews.AnyAsync(v => v.PublicationId == publication.Id && v.SpaceId == space.Id, cancellationToken))
        {
            var now = clock.GetUtcNow();
            db.PublicationViews.Add(new PublicationView { TerritoryId = space.TerritoryId, PublicationId = publication.Id, SpaceId = space.Id, FirstViewedAt = now });
            db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, MaBoiteModule.Id, MaBoiteModule.Indicators.ResourcesViewed, space.TerritoryId,
                ParisTime.Today(clock), 1, $"{publication.Id}:{space.Id}"));
            try { await db.SaveChangesAsync(cancellationToken); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // opened twice at once: counted once
        }
        return Item(publication, true);
    }

    private static PortalItem Item(Publication p, bool seen) =>
        new(p.Id, p.Kind, p.Title, SproHub.Shared.Text.SafeMarkdown.Render(p.Markdown), p.Link, p.PublishedBy, p.PublishedAt, seen, p.EventOn, p.Place, p.AttachmentName, p.AttachmentSize);
}

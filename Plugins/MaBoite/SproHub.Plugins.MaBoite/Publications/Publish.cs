using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Network;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Publications;

/// <summary>An agent publishes news or a resource; the people it is aimed at are told of a new resource.</summary>
[RequiresPermission(MaBoiteModule.PublishPermission)]
public sealed record Publish(PublicationKind Kind, string Title, string Markdown, string? Link, IReadOnlyList<PublicType>? PublicTypes, int? AgeMin, int? AgeMax,
    Guid? StructureId, DateOnly? EventOn = null, string? Place = null) : IRequest<PublicationLine>;

/// <summary>Takes a publication off the portal (it stays counted).</summary>
[RequiresPermission(MaBoiteModule.PublishPermission)]
public sealed record Withdraw(Guid Id, int Version) : IRequest<PublicationLine>, IVersionedRequest;

/// <summary>Everything published in the territory, with how many people opened each.</summary>
[RequiresPermission(MaBoiteModule.PublishPermission)]
public sealed record ListPublications : IRequest<IReadOnlyList<PublicationLine>>;

public sealed record PublicationLine(Guid Id, PublicationKind Kind, string Title, string Audience, string PublishedBy, DateTimeOffset PublishedAt, bool Withdrawn,
    int Readers, int Version, string? AttachmentName = null);

public sealed class PublishValidator : AbstractValidator<Publish>
{
    public PublishValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Title).NotEmpty().WithMessage("Donnez un titre.").MaximumLength(Publication.TitleMaxLength).WithMessage($"{Publication.TitleMaxLength} caractères au plus.");
        RuleFor(r => r.Markdown).NotEmpty().WithMessage("Écrivez le texte.").MaximumLength(Publication.TextMaxLength).WithMessage($"{Publication.TextMaxLength} caractères au plus.");
        RuleForEach(r => r.PublicTypes).IsInEnum();
    }
}

internal sealed class PublishHandlers(MaBoiteDbContext db, ICurrentUser user, IStructureDirectory structures, ITerritoryContext territory, INotifier notifier,
    IAuditLog audit, TimeProvider clock) : IRequestHandler<Publish, PublicationLine>, IRequestHandler<Withdraw, PublicationLine>,
    IRequestHandler<ListPublications, IReadOnlyList<PublicationLine>>
{
    public async Task<PublicationLine> Handle(Publish request, CancellationToken cancellationToken)
    {
        var territoryId = territory.Current!.Slug;
        Publication.CheckAges(request.AgeMin, request.AgeMax);
        Publication.CheckLink(string.IsNullOrWhiteSpace(request.Link) ? null : request.Link.Trim());
        Publication.CheckEvent(request.Kind, request.EventOn, request.Place, ParisTime.Today(clock));
        await Spaces.SignUpHandler.CheckStructureAsync(structures, request.StructureId, territoryId, cancellationToken);
        var now = clock.GetUtcNow();
        var publication = new Publication
        {
            Id = Guid.NewGuid(), TerritoryId = territoryId, Kind = request.Kind, Title = request.Title.Trim(), Markdown = request.Markdown,
            Link = string.IsNullOrWhiteSpace(request.Link) ? null : request.Link.Trim(), PublicTypes = string.Join(',', (request.PublicTypes ?? []).Distinct()),
            AgeMin = request.AgeMin, AgeMax = request.AgeMax, StructureId = request.StructureId, PublishedBy = user.DisplayName ?? "SPRO", PublishedAt = now,
            EventOn = request.Kind == PublicationKind.Evenement ? request.EventOn : null, Place = request.Kind == PublicationKind.Evenement ? request.Place?.Trim() : null,
        };
        db.Publications.Add(publication);
        if (publication.Kind != PublicationKind.Actualite) await TellTargetsAsync(publication, cancellationToken);
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, MaBoiteModule.Id, MaBoiteModule.Indicators.ResourcesPublished, territoryId,
            ParisTime.Today(clock), 1, publication.Id.ToString()));
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "publication.publiee", "publication", publication.Id.ToString(), territoryId, publication.Title));
        await db.SaveChangesAsync(cancellationToken);
        return await LineAsync(publication, 0, cancellationToken);
    }

    public async Task<PublicationLine> Handle(Withdraw request, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Publication introuvable.");
        db.Entry(publication).ExpectVersion(request.Version);
        publication.WithdrawnAt ??= clock.GetUtcNow();
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "publication.retiree", "publication", publication.Id.ToString(), publication.TerritoryId, publication.Title));
        await db.SaveChangesAsync(cancellationToken);
        return await LineAsync(publication, await db.PublicationViews.CountAsync(v => v.PublicationId == publication.Id, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<PublicationLine>> Handle(ListPublications request, CancellationToken cancellationToken)
    {
        var publications = await db.Publications.AsNoTracking().ToListAsync(cancellationToken);
        var readers = await db.PublicationViews.AsNoTracking().GroupBy(v => v.PublicationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        // The structures named as targets, read once for the whole list rather than once per publication.
        var names = await StructureNamesAsync(publications.Select(p => p.StructureId), cancellationToken);
        return publications.OrderByDescending(p => p.PublishedAt.UtcTicks).Select(p => Line(p, readers.GetValueOrDefault(p.Id), names)).ToList();
    }

    /// <summary>The people it is aimed at hear of a new resource or a coming event (each may turn either kind of message off).</summary>
    private async Task TellTargetsAsync(Publication publication, CancellationToken cancellationToken)
    {
        var year = ParisTime.Today(clock).Year;
        var spaces = await db.Spaces.AsNoTracking().Where(s => s.OpenedAt != null).ToListAsync(cancellationToken);
        var recipients = spaces.Where(s => publication.Targets(s, year)).Select(s => new NotificationRecipient(s.Email, s.DisplayName)).ToList();
        if (recipients.Count == 0) return;
        var link = $"/t/{publication.TerritoryId}/ma-boite/actualites/{publication.Id}";
        notifier.Queue(db, publication.Kind == PublicationKind.Evenement
            ? new Notification(MaBoiteModule.Id, MaBoiteModule.EventKind, publication.TerritoryId, recipients,
                $"Près de chez vous le {publication.EventOn:dd/MM/yyyy} : {publication.Title}",
                $"Le SPRO vous signale un événement : « {publication.Title} », le {publication.EventOn:dd/MM/yyyy} à {publication.Place}.", link)
            : new Notification(MaBoiteModule.Id, MaBoiteModule.NewResourceKind, publication.TerritoryId, recipients,
                $"Nouvelle ressource pour vous : {publication.Title}",
                $"Le SPRO a publié une ressource qui peut vous être utile : « {publication.Title} ». Retrouvez-la dans votre espace ma boîte SPRO.", link));
    }

    private async Task<PublicationLine> LineAsync(Publication p, int readers, CancellationToken cancellationToken) =>
        Line(p, readers, await StructureNamesAsync([p.StructureId], cancellationToken));

    private async Task<IReadOnlyDictionary<Guid, string>> StructureNamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0 ? new Dictionary<Guid, string>() : (await structures.FindAsync(wanted, cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
    }

    private static PublicationLine Line(Publication p, int readers, IReadOnlyDictionary<Guid, string> structureNames) =>
        new(p.Id, p.Kind, p.Title, Audience(p, structureNames), p.PublishedBy, p.PublishedAt, p.WithdrawnAt is not null, readers, p.Version, p.AttachmentName);

    private static string Audience(Publication p, IReadOnlyDictionary<Guid, string> structureNames)
    {
        var parts = new List<string> { p.PublicTypes.Length == 0 ? "tous publics" : string.Join(", ", p.Publics.Select(Space.PublicTypeLabel)) };
        if (p.AgeMin is not null || p.AgeMax is not null) parts.Add($"de {p.AgeMin ?? 10} à {p.AgeMax ?? 99} ans");
        if (p.StructureId is { } id && structureNames.TryGetValue(id, out var name)) parts.Add($"accompagnés par {name}");
        return string.Join(" ; ", parts);
    }
}

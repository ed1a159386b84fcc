using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Shares;

/// <summary>The person shares a file or folder with their adviser, named by the adviser's professional address.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ShareItem(ItemKind Kind, Guid ItemId, string AgentEmail, ShareAccess Access, DateOnly ExpiresOn) : IRequest<ShareLine>;

[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record RevokeShare(Guid ShareId) : IRequest<ShareLine>;

/// <summary>Every share the person made, the revoked and expired ones too, the latest first.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record ListMyShares : IRequest<IReadOnlyList<ShareLine>>;

public sealed record ShareLine(Guid Id, ItemKind ItemKind, Guid ItemId, string ItemName, string AgentName, string AgentEmail, ShareAccess Access,
    DateOnly ExpiresOn, string State, DateTimeOffset CreatedAt, DateTimeOffset? LastOpenedAt);

public sealed class ShareItemValidator : AbstractValidator<ShareItem>
{
    public ShareItemValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Access).IsInEnum().WithMessage("Choisissez consultation seule ou consultation et ajout.");
        RuleFor(r => r.AgentEmail).NotEmpty().WithMessage("Indiquez l'adresse professionnelle de votre conseiller ou conseillère.")
            .EmailAddress().WithMessage("Cette adresse e-mail n'est pas valide.");
        RuleFor(r => r.ExpiresOn).NotEmpty().WithMessage("Choisissez jusqu'à quand le partage dure.");
    }
}

internal sealed class ShareHandlers(MaBoiteDbContext db, SpaceAccess access, IPersonDirectory people, IStructureDirectory structures, INotifier notifier,
    IAuditLog audit, TimeProvider clock) : IRequestHandler<ShareItem, ShareLine>, IRequestHandler<RevokeShare, ShareLine>, IRequestHandler<ListMyShares, IReadOnlyList<ShareLine>>
{
    public async Task<ShareLine> Handle(ShareItem request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var today = ParisTime.Today(clock);
        Share.CheckExpiry(request.ExpiresOn, today);
        var itemName = await ItemNameAsync(space.Id, request.Kind, request.ItemId, cancellationToken)
            ?? throw new NotFoundException("Ce fichier ou ce dossier n'existe pas (ou plus) dans votre espace.");
        var agent = (await people.FindByEmailAsync(space.TerritoryId, request.AgentEmail, cancellationToken)).FirstOrDefault()
            ?? throw new RuleViolationException("agentEmail", "agent-du-spro", "Cette adresse n'est pas celle d'un conseiller ou d'une conseillère d'une structure du SPRO : vérifiez-la auprès de lui ou d'elle.");
        var structure = (await structures.FindAsync([agent.StructureId], cancellationToken)).Single();
        var share = new Share
        {
            Id = Guid.NewGuid(), TerritoryId = space.TerritoryId, SpaceId = space.Id, ItemKind = request.Kind, ItemId = request.ItemId,
            AgentEmail = agent.Email!.Trim().ToLowerInvariant(), AgentName = $"{agent.FullName} ({structure.Name})", StructureId = agent.StructureId,
            Access = request.Access, ExpiresOn = request.ExpiresOn, CreatedAt = clock.GetUtcNow(),
        };
        db.Shares.Add(share);
        notifier.Queue(db, new Notification(MaBoiteModule.Id, MaBoiteModule.ShareReceivedKind, space.TerritoryId, [new NotificationRecipient(agent.Email!, agent.FullName)],
            $"{space.DisplayName} partage un document avec vous",
            $"{space.DisplayName} vous donne accès à « {itemName} » dans ma boîte SPRO ({Share.AccessLabel(request.Access)}), jusqu'au {request.ExpiresOn:dd/MM/yyyy}.",
            $"/t/{space.TerritoryId}/ma-boite/partages/{share.Id}"));
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "partage.cree", "share", share.Id.ToString(), space.TerritoryId,
            $"{request.Kind} partagé avec {share.AgentName}, {Share.AccessLabel(request.Access)}, jusqu'au {request.ExpiresOn:dd/MM/yyyy}"));
        await db.SaveChangesAsync(cancellationToken);
        return Line(share, itemName, today);
    }

    public async Task<ShareLine> Handle(RevokeShare request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var share = await db.Shares.SingleOrDefaultAsync(s => s.Id == request.ShareId && s.SpaceId == space.Id, cancellationToken)
            ?? throw new NotFoundException("Ce partage n'existe pas.");
        share.RevokedAt ??= clock.GetUtcNow();
        audit.Queue(db, new AuditEntry(MaBoiteModule.Id, "partage.revoque", "share", share.Id.ToString(), space.TerritoryId, share.AgentName));
        await db.SaveChangesAsync(cancellationToken);
        return Line(share, await ItemNameAsync(space.Id, share.ItemKind, share.ItemId, cancellationToken) ?? "(supprimé)", ParisTime.Today(clock));
    }

    public async Task<IReadOnlyList<ShareLine>> Handle(ListMyShares request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var shares = await db.Shares.AsNoTracking().Where(s => s.SpaceId == space.Id).ToListAsync(cancellationToken);
        var names = await db.Documents.AsNoTracking().Where(d => d.SpaceId == space.Id).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        foreach (var folder in await db.Folders.AsNoTracking().Where(f => f.SpaceId == space.Id).ToListAsync(cancellationToken)) names[folder.Id] = folder.Name;
        var today = ParisTime.Today(clock);
        return shares.OrderByDescending(s => s.CreatedAt.UtcTicks).Select(s => Line(s, names.GetValueOrDefault(s.ItemId, "(supprimé)"), today)).ToList();
    }

    private async Task<string?> ItemNameAsync(Guid spaceId, ItemKind kind, Guid id, CancellationToken cancellationToken) => kind == ItemKind.Document
        ? await db.Documents.AsNoTracking().Where(d => d.Id == id && d.SpaceId == spaceId && d.TrashedAt == null).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
        : await db.Folders.AsNoTracking().Where(f => f.Id == id && f.SpaceId == spaceId && f.TrashedAt == null).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken);

    private static ShareLine Line(Share s, string itemName, DateOnly today) =>
        new(s.Id, s.ItemKind, s.ItemId, itemName, s.AgentName, s.AgentEmail, s.Access, s.ExpiresOn, s.State(today), s.CreatedAt, s.LastOpenedAt);
}

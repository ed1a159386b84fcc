using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Network.Structures;
using SproHub.Shared.Errors;
using SproHub.Shared.Territories;

namespace SproHub.Network.Directory;

/// <param name="ReceptionPoints">On a structure's sheet; empty in a list of results.</param>
public sealed record DirectoryEntry(Guid Id, string Name, string Type, string TypeLabel, string Town, string TerritoryId, string TerritoryName,
    string? Address, IReadOnlyList<string> Public, IReadOnlyList<ReceptionPointView> ReceptionPoints, bool DepartmentWide)
{
    public static DirectoryEntry From(Structure s, string territoryName, IReadOnlyList<ReceptionPoint>? points = null) => new(s.Id, s.Name, s.Type.ToString(), s.NetworkLabel, s.Town,
        s.TerritoryId, territoryName, s.Address, s.PublicList.Select(Structure.PublicLabel).ToList(), (points ?? []).OrderBy(p => p.Name).Select(ReceptionPointView.From).ToList(), s.DepartmentWide);
}

public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Structures, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The public directory of the SPRO's member structures: words of the name or town (accents and case ignored),
/// a type of structure, a local SPRO. Open to everyone, citizens included.
/// </summary>
public sealed record SearchDirectory(string? Query = null, string? Type = null, string? Territory = null, int Page = 1, string? Public = null) : IRequest<DirectoryPage>
{
    public const int PageSize = 50;
}

public sealed class SearchDirectoryValidator : AbstractValidator<SearchDirectory>
{
    public SearchDirectoryValidator(ITerritoryDirectory territories, NetworkDbContext db)
    {
        RuleFor(r => r.Query).MaximumLength(100);
        RuleFor(r => r.Type).MustAsync(async (t, ct) => string.IsNullOrEmpty(t) || Enum.TryParse<StructureType>(t, ignoreCase: true, out _) || await db.MemberNetworks.AnyAsync(n => n.Code == t, ct))
            .WithErrorCode("type-connu").WithMessage(r => $"« {r.Type} » n'est pas un type de structure du réseau.");
        RuleFor(r => r.Territory).MustAsync(async (slug, ct) => string.IsNullOrEmpty(slug) || (await territories.FindAsync(slug, ct))?.Kind == TerritoryKind.LocalSpro)
            .WithErrorCode("spro-local").WithMessage(r => $"« {r.Territory} » n'est pas l'un des 13 SPRO locaux.");
        RuleFor(r => r.Public).Must(p => string.IsNullOrEmpty(p) || (Enum.TryParse<PublicServed>(p, ignoreCase: true, out var served) && Structure.Publics.Contains(served)))
            .WithErrorCode("public-connu").WithMessage(r => $"« {r.Public} » n'est pas un public du réseau.");
        RuleFor(r => r.Page).InclusiveBetween(1, 10_000).WithMessage("La page va de 1 à 10 000.");
    }
}

internal sealed class SearchDirectoryHandler(NetworkDbContext db, ITerritoryDirectory territories) : IRequestHandler<SearchDirectory, DirectoryPage>
{
    /// <summary>The search's criteria, shared by the page of results and the exports.</summary>
    public static IQueryable<Structure> Filter(NetworkDbContext db, SearchDirectory request)
    {
        var query = db.Structures.AsNoTracking();
        // Each word typed must appear in the name, the town, the type or a reception point's name or town (the index column is already without accents).
        foreach (var word in DirectoryText.Words(request.Query)) query = query.Where(s => s.SearchText.Contains(word));
        if (Enum.TryParse<StructureType>(request.Type, true, out var type)) query = query.Where(s => s.Type == type);
        else if (!string.IsNullOrEmpty(request.Type))
        {
            // A network the Région added: the structures of type « Autre » attached to it.
            var label = db.MemberNetworks.Where(n => n.Code == request.Type).Select(n => n.Label).FirstOrDefault();
            query = query.Where(s => s.Type == StructureType.Autre && s.OtherNetwork == label);
        }
        if (!string.IsNullOrEmpty(request.Territory)) query = query.Where(s => s.TerritoryId == request.Territory);
        if (!string.IsNullOrEmpty(request.Public))
        {
            var served = Enum.Parse<PublicServed>(request.Public, true);
            query = query.Where(s => (s.Public & served) == served || db.ReceptionPoints.Any(p => p.StructureId == s.Id && (p.Public & served) == served));
        }
        return query;
    }

    public async Task<DirectoryPage> Handle(SearchDirectory request, CancellationToken cancellationToken)
    {
        var query = Filter(db, request);
        var skipped = (request.Page - 1) * SearchDirectory.PageSize;
        var rows = await query.OrderBy(s => s.SearchText).Skip(skipped).Take(SearchDirectory.PageSize).ToListAsync(cancellationToken);
        // A page that is not full tells the total: the count (a second pass over the structures) only when there may be more.
        var total = rows.Count < SearchDirectory.PageSize && (rows.Count > 0 || skipped == 0) ? skipped + rows.Count : await query.CountAsync(cancellationToken);
        var names = (await territories.ListAsync(cancellationToken)).ToDictionary(t => t.Slug, t => t.Name);
        return new DirectoryPage(rows.Select(s => DirectoryEntry.From(s, names.GetValueOrDefault(s.TerritoryId, s.TerritoryId))).ToList(),
            total, request.Page, SearchDirectory.PageSize);
    }
}

/// <summary>One structure's public sheet.</summary>
public sealed record GetDirectoryEntry(Guid Id) : IRequest<DirectoryEntry>;

internal sealed class GetDirectoryEntryHandler(NetworkDbContext db, ITerritoryDirectory territories) : IRequestHandler<GetDirectoryEntry, DirectoryEntry>
{
    public async Task<DirectoryEntry> Handle(GetDirectoryEntry request, CancellationToken cancellationToken)
    {
        var s = await db.Structures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Cette structure n'est pas dans l'annuaire du réseau.");
        var territory = await territories.FindAsync(s.TerritoryId, cancellationToken);
        var points = await db.ReceptionPoints.AsNoTracking().Include(p => p.Hours).Where(p => p.StructureId == s.Id).ToListAsync(cancellationToken);
        return DirectoryEntry.From(s, territory?.Name ?? s.TerritoryId, points);
    }
}

internal static class DirectoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/directory", async Task<Ok<DirectoryPage>> (string? q, string? type, string? territory, string? @public, int? page, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SearchDirectory(q, type, territory, page ?? 1, @public), ct)))
            .AllowAnonymous().CacheOutput(DirectoryCache.Policy).WithSummary("Annuaire des structures du réseau (q, type, territory, public, page)");
        api.MapGet("/directory/{id:guid}", async Task<Ok<DirectoryEntry>> (Guid id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetDirectoryEntry(id), ct))).AllowAnonymous().CacheOutput(DirectoryCache.Policy).WithSummary("Fiche publique d'une structure");
    }
}

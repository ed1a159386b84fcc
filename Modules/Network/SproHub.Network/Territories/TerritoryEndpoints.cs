using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Network.Structures;
using SproHub.Shared.Errors;
using SproHub.Shared.Modularity;
using SproHub.Shared.Territories;

namespace SproHub.Network.Territories;

public sealed record TerritorySummary(string Slug, string Name, string Kind, string? DepartmentCode, string? Organisation, IReadOnlyList<string> Basins);
public sealed record StructureSummary(Guid Id, string Name, string Type, string TypeLabel, string Town);
public sealed record TerritoryDetail(TerritorySummary Territory, string? DepartmentName, IReadOnlyList<StructureSummary> Structures);

/// <summary>The 13 local SPROs with their department and basins.</summary>
public sealed record ListLocalSpros : IRequest<IReadOnlyList<TerritorySummary>>;

internal sealed class ListLocalSprosHandler(NetworkDbContext db) : IRequestHandler<ListLocalSpros, IReadOnlyList<TerritorySummary>>
{
    public async Task<IReadOnlyList<TerritorySummary>> Handle(ListLocalSpros request, CancellationToken cancellationToken)
    {
        var all = await db.Territories.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        return all.Where(t => t.Kind == TerritoryKind.LocalSpro).Select(t => Summarise(t, all)).ToList();
    }

    internal static TerritorySummary Summarise(Territory t, IReadOnlyList<Territory> all) => new(
        t.Slug, t.Name, t.Kind.ToString(), t.DepartmentCode, t.Organisation,
        all.Where(b => b.ParentSlug == t.Slug && b.Kind == TerritoryKind.Basin).Select(b => b.Name).ToList());
}

/// <summary>One local SPRO's page: its basins and its member structures.</summary>
public sealed record GetTerritory(string Slug) : IRequest<TerritoryDetail>;

internal sealed class GetTerritoryHandler(NetworkDbContext db) : IRequestHandler<GetTerritory, TerritoryDetail>
{
    public async Task<TerritoryDetail> Handle(GetTerritory request, CancellationToken cancellationToken)
    {
        var all = await db.Territories.AsNoTracking().ToListAsync(cancellationToken);
        var territory = all.FirstOrDefault(t => t.Slug == request.Slug) ?? throw new NotFoundException($"Territoire « {request.Slug} » inconnu.");
        // The five columns the list shows, not whole structures: a coordinator's page lists hundreds of them.
        var structures = await db.Structures.AsNoTracking().Where(s => s.TerritoryId == territory.Slug).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Type, s.OtherNetwork, s.Town }).ToListAsync(cancellationToken);
        var department = all.FirstOrDefault(t => t.Slug == territory.ParentSlug && t.Kind == TerritoryKind.Department);
        return new TerritoryDetail(ListLocalSprosHandler.Summarise(territory, all), department?.Name,
            structures.Select(s => new StructureSummary(s.Id, s.Name, s.Type.ToString(), Structure.NetworkLabelOf(s.Type, s.OtherNetwork), s.Town)).ToList());
    }
}

internal static class TerritoryEndpoints
{
    public static void Map(ModuleEndpoints endpoints)
    {
        endpoints.Api.MapGet("/territories", async Task<Ok<IReadOnlyList<TerritorySummary>>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListLocalSpros(), ct)))
            .WithSummary("Les 13 SPRO locaux, leur département et leurs bassins");
        endpoints.TerritoryApi.MapGet("/", async Task<Ok<TerritoryDetail>> (string territory, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetTerritory(territory), ct)))
            .WithSummary("Un territoire et ses structures membres");
    }
}

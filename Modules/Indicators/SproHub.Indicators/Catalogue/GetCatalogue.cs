using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Shared.Security;

namespace SproHub.Indicators.Catalogue;

/// <summary>The indicators of a local SPRO's dashboards: the Région's, and those of the plugins enabled there.</summary>
[RequiresPermission(IndicatorsModule.ReadPermission)]
public sealed record GetCatalogue : IRequest<IReadOnlyList<IndicatorDefinition>>;

internal sealed class GetCatalogueHandler(IndicatorCatalogue catalogue, SproHub.Shared.Territories.ITerritoryContext territory) : IRequestHandler<GetCatalogue, IReadOnlyList<IndicatorDefinition>>
{
    public Task<IReadOnlyList<IndicatorDefinition>> Handle(GetCatalogue request, CancellationToken cancellationToken) => Task.FromResult(catalogue.For(territory.Current!.Slug));
}

internal static class CatalogueEndpoints
{
    public static void Map(IEndpointRouteBuilder territoryApi) =>
        territoryApi.MapGet("/catalogue", async Task<Ok<IReadOnlyList<IndicatorDefinition>>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCatalogue(), ct)))
            .WithSummary("Le catalogue des indicateurs du territoire : numéro, libellé, question évaluative, unité, numérateur et dénominateur, période, niveaux, source");
}

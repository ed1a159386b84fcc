using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.MaBoite.Statistics;

internal static class StatisticsEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetStatistics(), ct)))
            .WithSummary("Statistiques par public, âge et structure (groupes de moins de 5 personnes masqués)");
}

using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Shared.Modularity;

namespace SproHub.Plugins.Comete.Replays;

internal static class ReplayEndpoints
{
    public static void Map(ModuleEndpoints endpoints) =>
        // A plain link listeners follow from the programme or the calendar: counted, then redirected.
        endpoints.Root.MapGet("/t/{territory}/comete/replays/{showId:guid}", async Task<RedirectHttpResult> (Guid showId, HttpRequest request, IMediator m, CancellationToken ct) =>
            TypedResults.Redirect(await m.Send(new FollowReplay(showId, Count: !IsPrefetch(request)), ct)))
            .AllowAnonymous().WithSummary("Réécouter une émission (écoute comptée)").WithTags("COMETE — émissions radio");

    /// <summary>Browsers announce prefetches and previews: they are not listeners.</summary>
    private static bool IsPrefetch(HttpRequest request) =>
        request.Headers["Sec-Purpose"].Any(v => v?.Contains("prefetch") == true) || request.Headers["Purpose"].Any(v => v == "prefetch")
        || request.Headers["X-Moz"].Any(v => v == "prefetch");
}

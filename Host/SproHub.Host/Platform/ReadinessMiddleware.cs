using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace SproHub.Host.Platform;

/// <summary>
/// Nothing is served on an unprepared database. Health checks answer at once (503 with what preparation is doing,
/// so that a load balancer and an operator know); other requests wait a bounded time
/// (<c>Platform:ReadinessWaitSeconds</c>, 30 by default), then get a 503 that asks to come back, never a hang.
/// </summary>
public sealed class ReadinessMiddleware(RequestDelegate next, DatabaseReadiness readiness, IConfiguration configuration, IHostApplicationLifetime lifetime)
{
    private readonly TimeSpan _wait = TimeSpan.FromSeconds(configuration.GetValue("Platform:ReadinessWaitSeconds", 30.0));

    public async Task InvokeAsync(HttpContext http)
    {
        // A host stopping says so to the load balancer at once, while it finishes the requests it has.
        if (lifetime.ApplicationStopping.IsCancellationRequested && http.Request.Path.StartsWithSegments("/health/ready"))
        {
            await NotReadyAsync(http, "Arrêt en cours");
            return;
        }
        if (readiness.Ready.IsCompletedSuccessfully || http.Request.Path.StartsWithSegments("/health/live"))
        {
            await next(http);
            return;
        }
        if (!http.Request.Path.StartsWithSegments("/health"))
        {
            try { await readiness.Ready.WaitAsync(_wait, http.RequestAborted); }
            catch (Exception) when (!http.RequestAborted.IsCancellationRequested) { } // timed out, failed or stopping: the status says which
            if (readiness.Ready.IsCompletedSuccessfully)
            {
                await next(http);
                return;
            }
        }
        await NotReadyAsync(http, readiness.Status ?? "Démarrage");
    }

    private static async Task NotReadyAsync(HttpContext http, string status)
    {
        http.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        if (http.Request.Path.StartsWithSegments("/health"))
        {
            await HealthResponse.WriteNotReadyAsync(http, status);
        }
        else if (Errors.ProblemDetailsExceptionHandler.IsApi(http))
        {
            await http.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = 503, Title = "Service en cours de démarrage",
                Detail = $"La plateforme prépare sa base de données ({status}). Réessayez dans quelques secondes.",
            }, (JsonSerializerOptions?)null, "application/problem+json");
        }
        else
        {
            // No layout: the layout reads the database, which is what is not ready.
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync($"""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>SPRO Hub démarre</title></head><body><main><h1>SPRO Hub démarre</h1>
                <p>La plateforme prépare sa base de données. Réessayez dans quelques secondes.</p>
                <p>{WebUtility.HtmlEncode(status)}</p></main></body></html>
                """);
        }
    }
}

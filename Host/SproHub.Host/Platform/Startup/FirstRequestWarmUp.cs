using System.Net;

namespace SproHub.Host.Platform.Startup;

/// <summary>
/// The first request pays for what ASP.NET Core builds lazily: the router's matcher over every endpoint, each
/// middleware's first call, the authentication handlers (and the JIT of all of it). The database is prepared beside the
/// server once it listens, and nothing is served before it is ready; during that wait, one liveness request
/// (<c>/health/live</c>, which never waits for the database) goes through the application's pipeline in process, so the
/// first real request finds those built. It proves nothing and answers nobody: <c>/health</c> still answers 200 only
/// once the database is ready, and this request bypasses the start-up timeline so it is never taken for the first answer.
/// </summary>
public sealed class FirstRequestWarmUp
{
    private RequestDelegate? _pipeline;

    /// <summary>Keeps the rest of the pipeline from this point (place it after the start-up timeline's middleware).</summary>
    public void Capture(IApplicationBuilder app) => app.Use(next =>
    {
        _pipeline = next;
        return next;
    });

    public async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (_pipeline is not { } pipeline) return;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
            http.Request.Method = HttpMethods.Get;
            http.Request.Scheme = "http";
            http.Request.Host = new HostString("localhost");
            http.Request.Path = "/health/live";
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            await pipeline(http);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a warm-up: the first real request then builds what this one did not.
            logger.LogDebug(ex, "Préchauffage de la première requête interrompu");
        }
    }
}

using Microsoft.Extensions.Primitives;

namespace SproHub.Host.Platform.Startup;

/// <summary>
/// ASP.NET Core builds a data source's endpoints again each time they are asked for (each minimal-API route through
/// RequestDelegateFactory, which compiles expression trees), and two ask before the first answer: the authorization
/// middleware's policy cache while the pipeline is built, then the router on the first request. Each data source of the
/// application is wrapped so that its endpoints are built once, until it says they changed (docs/benchmarks.md, start-up).
/// </summary>
public static class EndpointsBuiltOnce
{
    /// <summary>Last, once every route is mapped: a later Map* call adds a data source of its own, built as before.</summary>
    public static void BuildEndpointsOnce(this IEndpointRouteBuilder app)
    {
        var sources = app.DataSources.Select(s => s as BuiltOnceDataSource ?? new BuiltOnceDataSource(s)).ToList();
        app.DataSources.Clear();
        foreach (var source in sources) app.DataSources.Add(source);
    }

    private sealed class BuiltOnceDataSource(EndpointDataSource inner) : EndpointDataSource
    {
        private readonly Lock _lock = new();
        private IReadOnlyList<Endpoint>? _endpoints;
        private IChangeToken? _changed;

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                lock (_lock)
                {
                    if (_endpoints is null || _changed!.HasChanged)
                    {
                        // The token first: a change while building is seen at the next call.
                        _changed = inner.GetChangeToken();
                        _endpoints = inner.Endpoints;
                    }
                    return _endpoints;
                }
            }
        }

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();

        // Inside a route group the endpoints depend on the group: built each time, as the inner source does.
        public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => inner.GetGroupedEndpoints(context);
    }
}

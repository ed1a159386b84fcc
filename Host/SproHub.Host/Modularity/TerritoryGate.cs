using MediatR;
using SproHub.Shared.Errors;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Host.Modularity;

/// <summary>
/// The one gate for routes: resolves the territory of the route (unknown: 404) and hides every route
/// of a plugin not enabled there (404), for pages and API alike, from the module metadata on the endpoint.
/// </summary>
public sealed class TerritoryGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, ITerritoryDirectory directory, ITerritoryContext territoryContext, IModuleGate gate, ModuleRegistry registry)
    {
        var slug = http.GetRouteValue("territory") as string;
        if (slug is not null)
        {
            var territory = await directory.FindAsync(slug, http.RequestAborted);
            if (territory is null) throw new NotFoundException($"Territoire « {slug} » inconnu.");
            territoryContext.Enter(territory);
        }
        else if (OnlyTerritory(http.User) is { } own && await directory.FindAsync(own, http.RequestAborted) is { } home)
        {
            // No territory in the route: a person who belongs to one territory only is in it (menu, context).
            territoryContext.Enter(home);
        }

        var owner = http.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>();
        if (owner is not null && registry.IsPlugin(owner.ModuleId))
        {
            if (slug is null || !gate.IsEnabled(owner.ModuleId, slug))
                throw new NotFoundException("Cette page n'existe pas dans ce territoire.");
        }
        await next(http);
    }

    private static string? OnlyTerritory(System.Security.Claims.ClaimsPrincipal user)
    {
        var territories = user.FindAll(SproRoles.ClaimType).Select(c => c.Value[(c.Value.IndexOf('@') + 1)..]).Distinct().ToList();
        return territories is [var only] && only != SproRoles.RegionScope ? only : null;
    }
}

/// <summary>The same gate for mediator requests: a plugin's request is refused where it is not enabled.</summary>
public sealed class TerritoryGateBehavior<TRequest, TResponse>(ModuleRegistry registry, ITerritoryContext territory, IModuleGate gate)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var module = registry.FindByAssembly(typeof(TRequest).Assembly);
        if (module is { IsCore: false })
        {
            var territoryId = territory.Current?.Slug;
            if (territoryId is null || !module.IsActive || !gate.IsEnabled(module.Id, territoryId))
                throw new NotFoundException("Ce module n'est pas activé dans ce territoire.");
        }
        return next();
    }
}

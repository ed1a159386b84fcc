using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SproHub.Shared.Modularity;

/// <summary>
/// The one class every core module and plugin exposes. The host finds it, registers its services,
/// maps its endpoints inside groups it owns (so the territory gate applies), migrates and seeds it.
/// </summary>
public interface IModule
{
    ModuleManifest Manifest { get; }

    /// <summary>Its DbContext, validators and anything else; MediatR handlers are scanned by the host.</summary>
    void ConfigureServices(IServiceCollection services, ModuleContext context);

    void MapEndpoints(ModuleEndpoints endpoints);

    /// <summary>Demo data for a fresh database (Development and tests only). Runs after migrations.</summary>
    Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reference data every installation needs (e.g. the 13 territories). Idempotent.</summary>
    Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed record ModuleContext(IConfiguration Configuration, string ModuleId);

/// <summary>Route groups handed out by the host.</summary>
/// <param name="Api">Région-wide API: <c>/api/{moduleId}</c>.</param>
/// <param name="TerritoryApi">Territory-scoped API: <c>/api/territories/{territory}/{moduleId}</c>.</param>
/// <param name="Root">Unprefixed routes (public feeds, redirects) that still carry the module's metadata.</param>
public sealed record ModuleEndpoints(IEndpointRouteBuilder Api, IEndpointRouteBuilder TerritoryApi, IEndpointRouteBuilder Root);

/// <summary>Endpoint metadata naming the module that owns a route; the territory gate reads it.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);

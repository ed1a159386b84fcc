using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Modularity;

namespace TestPlugins.Throwing;

/// <summary>Loads fine, then fails at run time: from an endpoint, from a MediatR handler and from a page.</summary>
public sealed class ThrowingModule : IModule
{
    public ModuleManifest Manifest { get; } = new()
    {
        Id = "throwing", DisplayName = "Plugin qui échoue", Version = new Version(0, 1, 0), DemoTerritories = ["loir-et-cher"],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) { }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        endpoints.TerritoryApi.MapGet("/direct", string () => throw new InvalidOperationException("panne de l'endpoint"));
        endpoints.TerritoryApi.MapGet("/mediator", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Fail(), ct)));
    }
}

public sealed record Fail : IRequest<string>;

internal sealed class FailHandler : IRequestHandler<Fail, string>
{
    public Task<string> Handle(Fail request, CancellationToken cancellationToken) => throw new InvalidOperationException("panne du handler");
}

using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Modularity;

namespace TestPlugins.Broken;

/// <summary>Throws while registering its services.</summary>
public sealed class BrokenModule : IModule
{
    public ModuleManifest Manifest { get; } = new() { Id = "broken", DisplayName = "Plugin cassé", Version = new Version(0, 1, 0) };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<BrokenModule>();
        throw new InvalidOperationException("configuration impossible");
    }

    public void MapEndpoints(ModuleEndpoints endpoints) { }
}

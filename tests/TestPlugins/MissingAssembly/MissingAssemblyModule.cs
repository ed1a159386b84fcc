using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Modularity;

namespace TestPlugins.MissingAssembly;

/// <summary>Needs a library its folder lacks: its types cannot even be listed.</summary>
public sealed class MissingAssemblyModule : IModule
{
    public ModuleManifest Manifest { get; } = new() { Id = "missing-assembly", DisplayName = "Plugin sans sa bibliothèque", Version = new Version(0, 1, 0) };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) { }
    public void MapEndpoints(ModuleEndpoints endpoints) { }
}

public sealed class Renderer : TestPlugins.Absent.IRenderer;

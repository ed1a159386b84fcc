using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Modularity;

namespace TestPlugins.MissingDependency;

/// <summary>Depends on a module nobody installed.</summary>
public sealed class MissingDependencyModule : IModule
{
    public ModuleManifest Manifest { get; } = new()
    {
        Id = "missing-dependency", DisplayName = "Plugin sans sa dépendance", Version = new Version(0, 1, 0), DependsOn = ["budgets-absent"],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) { }
    public void MapEndpoints(ModuleEndpoints endpoints) { }
}

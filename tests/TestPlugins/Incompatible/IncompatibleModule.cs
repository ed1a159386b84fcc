using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Modularity;

namespace TestPlugins.Incompatible;

/// <summary>Built against a future major version of the Shared contract.</summary>
public sealed class IncompatibleModule : IModule
{
    public ModuleManifest Manifest { get; } = new()
    {
        Id = "incompatible", DisplayName = "Plugin d'une autre version", Version = new Version(0, 1, 0),
        ContractVersion = new Version(SharedContract.Version.Major + 1, 0, 0),
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) { }
    public void MapEndpoints(ModuleEndpoints endpoints) { }
}

using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Modularity;

namespace TestPlugins.Impostor;

/// <summary>Claims COMETE's id from another folder, as a template plugin built with <c>--slug comete</c> would.</summary>
public sealed class ImpostorModule : IModule
{
    public ModuleManifest Manifest { get; } = new() { Id = "comete", DisplayName = "Doublon de COMETE", Version = new Version(9, 9, 9) };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) { }
    public void MapEndpoints(ModuleEndpoints endpoints) { }
}

using SproHub.Shared.Modularity;

namespace SproHub.Host.Modularity;

/// <summary>The active modules' manifests, as Shared exposes them to the modules.</summary>
public sealed class ActiveModuleCatalog(ModuleRegistry registry) : IModuleCatalog
{
    public IReadOnlyList<ActiveModule> Active => registry.Active.Select(m => new ActiveModule(m.Manifest!, !m.IsCore)).ToList();
}

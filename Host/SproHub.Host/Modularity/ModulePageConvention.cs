using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SproHub.Shared.Modularity;

namespace SproHub.Host.Modularity;

/// <summary>Tags each Razor page with the module that owns it, so the territory gate applies to pages too.</summary>
public sealed class ModulePageConvention(ModuleRegistry registry) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var module = registry.FindByAssembly(model.HandlerType.Assembly);
        if (module is not null) model.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Id));
    }
}

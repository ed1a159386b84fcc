using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Host.Modularity;

/// <summary>
/// Tags each Razor page with the module that owns it, so the territory gate applies to pages too, and makes a page
/// that declares the permission of its form (<see cref="RequiresPermissionAttribute"/>) demand it as its API does.
/// </summary>
public sealed class ModulePageConvention(ModuleRegistry registry) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var module = registry.FindByAssembly(model.HandlerType.Assembly);
        if (module is not null) model.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Id));
        if (model.HandlerType.GetCustomAttribute<RequiresPermissionAttribute>() is { } required) model.Filters.Add(new PagePermissionFilter(required.Permission));
    }
}

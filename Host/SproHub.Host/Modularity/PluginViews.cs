using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Razor.Hosting;

namespace SproHub.Host.Modularity;

/// <summary>
/// Each plugin's Razor files live under <c>/_plugins/{id}/</c> in the host (its <c>/Notes/Pages/Notes.cshtml</c> is
/// <c>/_plugins/ateliers/Notes/Pages/Notes.cshtml</c>), so that plugins made from the same template, or simply
/// organised alike, never shadow one another. Pages keep their explicit <c>@page</c> routes; partials are named
/// relative to the page (<c>&lt;partial name="_Card" /&gt;</c>).
/// </summary>
public static class PluginViews
{
    public static string Prefix(string moduleId) => $"/_plugins/{moduleId}";

    /// <summary>A path in a plugin's project as the host sees it (core modules keep theirs).</summary>
    public static string PathOf(InstalledModule module, string projectPath) => module.IsCore ? projectPath : Prefix(module.Id) + projectPath;
}

/// <summary>Replaces MVC's provider of compiled views: the same, with each plugin's paths prefixed.</summary>
internal sealed class PluginViewsFeatureProvider(ModuleRegistry registry) : IApplicationFeatureProvider<ViewsFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ViewsFeature feature)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.OfType<IRazorCompiledItemProvider>())
        {
            var module = part is CompiledRazorAssemblyPart compiled ? registry.FindByAssembly(compiled.Assembly) : null;
            foreach (var item in part.CompiledItems)
            {
                var view = module is null or { IsCore: true } ? item : new PrefixedItem(item, PluginViews.PathOf(module, item.Identifier));
                if (known.Add(view.Identifier)) feature.ViewDescriptors.Add(new CompiledViewDescriptor(view));
            }
        }
    }

    private sealed class PrefixedItem(RazorCompiledItem item, string identifier) : RazorCompiledItem
    {
        public override string Identifier => identifier;
        public override string Kind => item.Kind;
        public override IReadOnlyList<object> Metadata => item.Metadata;
        public override Type Type => item.Type;
    }
}

using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Embedded;
using Microsoft.Extensions.Primitives;

namespace SproHub.Host.Modularity;

/// <summary>
/// A module's own scripts, styles and pictures: the files of its project's <c>wwwroot/</c>, embedded in its assembly
/// (<c>build/Plugin.props</c> does it for every plugin) and served at <c>/_modules/{id}/</c>
/// (<c>wwwroot/reception.js</c> of <c>mode-emploi</c> is <c>/_modules/mode-emploi/reception.js</c>). A plugin is one
/// folder loaded at run time, without the static web assets a referenced library would bring; and the
/// Content-Security-Policy takes scripts and styles from files only.
/// </summary>
public static class ModuleAssets
{
    public const string ResourcePrefix = "wwwroot/";

    public static string UrlOf(string moduleId) => $"/_modules/{moduleId}";

    public static void UseModuleAssets(this IApplicationBuilder app, ModuleRegistry registry)
    {
        foreach (var module in registry.Active)
        {
            if (module.Assembly is not { } assembly || !AssemblyAssets.Has(assembly)) continue;
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = UrlOf(module.Id),
                FileProvider = new AssemblyAssets(assembly),
                // Unversioned addresses: the browser asks again each time (a 304 while unchanged), so a new version of the
                // plugin is seen at once.
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
            });
        }
    }

    private sealed class AssemblyAssets(Assembly assembly) : IFileProvider
    {
        private readonly Dictionary<string, string> _resources = Resources(assembly);
        private readonly DateTimeOffset _built = string.IsNullOrEmpty(assembly.Location) ? DateTimeOffset.UtcNow : File.GetLastWriteTimeUtc(assembly.Location);

        public static bool Has(Assembly assembly) => Resources(assembly).Count > 0;

        /// <summary>Path under wwwroot/ (with '/' whatever the machine that built it) → resource name.</summary>
        private static Dictionary<string, string> Resources(Assembly assembly) => assembly.GetManifestResourceNames()
            .Select(name => (Path: name.Replace('\\', '/'), Name: name))
            .Where(r => r.Path.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Path[ResourcePrefix.Length..], r => r.Name, StringComparer.Ordinal);

        public IFileInfo GetFileInfo(string subpath) =>
            _resources.TryGetValue(subpath.TrimStart('/'), out var name)
                ? new EmbeddedResourceFileInfo(assembly, name, Path.GetFileName(subpath), _built)
                : new NotFoundFileInfo(subpath);

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
    }
}

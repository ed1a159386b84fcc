using System.Reflection;

namespace SproHub.Host.Modularity;

/// <summary>
/// Where plugins are looked for: <c>Plugins:Path</c>, else a <c>plugins</c> folder beside the host
/// (a published build), else the folder every build of the repository fills.
/// </summary>
public static class PluginsFolder
{
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration["Plugins:Path"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var besideHost = Path.Combine(AppContext.BaseDirectory, "plugins");
        if (Directory.Exists(besideHost)) return besideHost;
        var built = typeof(PluginsFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SproPluginsDir")?.Value;
        return built ?? besideHost;
    }
}

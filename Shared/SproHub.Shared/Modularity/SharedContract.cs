using System.Reflection;

namespace SproHub.Shared.Modularity;

/// <summary>
/// The version of these contracts, which is this assembly's version (semantic versioning: a change that breaks
/// plugins bumps the major, an addition the minor). A plugin is judged on the version it was compiled against.
/// </summary>
public static class SharedContract
{
    public const string AssemblyName = "SproHub.Shared";

    public static readonly Version Version = ThreeParts(typeof(SharedContract).Assembly.GetName().Version!);

    /// <summary>Same major, and no newer minor than the platform's: everything the plugin calls exists.</summary>
    public static bool IsCompatible(Version builtAgainst) =>
        builtAgainst.Major == Version.Major && builtAgainst.Minor <= Version.Minor;

    public static Version ThreeParts(Version version) => new(version.Major, version.Minor, Math.Max(version.Build, 0));
}

namespace SproHub.Shared.Modularity;

/// <summary>The version of these contracts. A plugin built against another major version is refused.</summary>
public static class SharedContract
{
    public static readonly Version Version = new(1, 0, 0);

    public static bool IsCompatible(Version builtAgainst) =>
        builtAgainst.Major == Version.Major && builtAgainst.Minor <= Version.Minor;
}

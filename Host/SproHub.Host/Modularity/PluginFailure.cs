using System.Reflection;

namespace SproHub.Host.Modularity;

/// <summary>
/// Says in French why a plugin could not be loaded, registered or mapped, naming what is missing or unreadable:
/// the runtime's own words are English and bury the cause under wrappers.
/// </summary>
public static class PluginFailure
{
    public static string Describe(Exception exception, string? assemblyPath = null) => Cause(exception) switch
    {
        FileNotFoundException { FileName: { } name } =>
            $"Dépendance introuvable : {Named(name)}, ni dans le dossier du plugin ni dans la plateforme. Publiez le plugin avec ses dépendances (dotnet publish) dans son dossier.",
        FileLoadException { FileName: { } name } =>
            $"Dépendance inutilisable : {Named(name)} est présente mais ne peut pas être chargée (version différente de celle attendue, ou fichier endommagé).",
        BadImageFormatException bad =>
            $"fichier illisible, {Path.GetFileName(bad.FileName ?? assemblyPath ?? "?")} n'est pas un assembly .NET lisible (fichier endommagé, tronqué ou d'un autre format). Publiez le plugin à nouveau.",
        var cause => cause.Message,
    };

    /// <summary>The exception that says what went wrong, under the reflection and type-initialisation wrappers.</summary>
    private static Exception Cause(Exception exception) => exception switch
    {
        ReflectionTypeLoadException load when load.LoaderExceptions.FirstOrDefault(e => e is not null) is { } first => Cause(first),
        TargetInvocationException { InnerException: { } inner } => Cause(inner),
        TypeInitializationException { InnerException: { } inner } => Cause(inner),
        { InnerException: FileNotFoundException or FileLoadException or BadImageFormatException } => Cause(exception.InnerException),
        _ => exception,
    };

    /// <summary>The runtime names an assembly (<c>PdfSharp, Version=6.2.4.0, Culture=neutral, …</c>) or a file.</summary>
    private static string Named(string name)
    {
        if (name.Contains(Path.DirectorySeparatorChar) || name.Contains('/') || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            return Path.GetFileName(name);
        try
        {
            var assembly = new AssemblyName(name);
            return assembly.Version is null ? assembly.Name ?? name : $"{assembly.Name} {assembly.Version}";
        }
        catch (Exception ex) when (ex is FileLoadException or ArgumentException)
        {
            return name;
        }
    }
}

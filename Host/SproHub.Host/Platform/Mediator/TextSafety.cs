using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace SproHub.Host.Platform.Mediator;

/// <summary>
/// Text that should never be stored, refused once for every request of every module and plugin, from the API or a page:
/// control characters (NUL, ESC...; tabs and line breaks stay allowed) and the bidirectional embeddings, overrides and
/// isolates that make a name display as another (U+202E). Strings are found in the request and in the records and lists
/// it carries.
/// </summary>
public static class TextSafety
{
    public const string Rule = "caracteres-interdits";
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<ValidationFailure> Check(object request)
    {
        var failures = new List<ValidationFailure>();
        Walk(request, "", 0, failures);
        return failures;
    }

    public static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsFramework(Assembly assembly) => assembly.GetName().Name is { } name
        && (name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal) || name == "mscorlib" || name == "netstandard");

    private static void Walk(object? value, string path, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.Any(IsForbidden))
                    failures.Add(new ValidationFailure(path.Length == 0 ? "request" : path,
                        "Ce texte contient un caractère interdit (caractère de contrôle ou d'inversion du sens d'écriture) : retirez-le.") { ErrorCode = Rule });
                return;
            case IEnumerable items when depth < MaxDepth && !(value.GetType().GetElementType()?.IsValueType ?? false): // not a byte[]
                var i = 0;
                foreach (var item in items) Walk(item, $"{path}[{i++}]", depth + 1, failures);
                return;
        }
        var type = value.GetType();
        // Only the shapes of modules and plugins are walked: not streams, files or the framework's types.
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || IsFramework(type.Assembly)) return;
        foreach (var property in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && (p.PropertyType == typeof(string) || !p.PropertyType.IsValueType)).ToArray()))
            Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", depth + 1, failures);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace SproHub.Host.Platform.Errors;

/// <summary>
/// Required means required: a request body's constructor parameter that is neither nullable nor given a default must be
/// sent, or the request is refused (400 naming it) before any handler runs. Without this a missing <c>enabled</c> was read
/// as <c>false</c>, a missing enum as its first value. Nullable or defaulted parameters stay optional. Set once on the
/// platform's serializer, so that every module and plugin gets it, and OpenAPI says the same.
/// </summary>
public static partial class RequiredMembers
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(MarkRequired);
        // A null sent for a non-nullable member is refused as well, rather than stored as null.
        options.RespectNullableAnnotations = true;
    }

    public static void MarkRequired(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            // Settable only (records' positional members have init setters): an answer's anonymous type is never read.
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } && property.Set is not null) property.IsRequired = true;
    }

    /// <summary>
    /// The OpenAPI document lists as required exactly what the serializer requires. Left alone, it also lists every
    /// constructor parameter without a default, nullable ones included (« address »), which clients then had to send
    /// while the platform accepts them missing; a body-sweep test holds the two to the same rule.
    /// </summary>
    public static Task DescribeInOpenApi(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Required is not { Count: > 0 } required) return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
            if (!property.IsRequired) required.Remove(property.Name);
        return Task.CompletedTask;
    }

    /// <summary>The members System.Text.Json found missing, from its message (it names them, quoted, after "including:").</summary>
    public static IReadOnlyList<string> MissingIn(JsonException exception) =>
        MissingList().Match(exception.Message) is { Success: true } list
            ? Quoted().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value).ToList()
            : [];

    [GeneratedRegex("missing required properties[^:]*:(.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingList();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}

using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace SproHub.Host.Platform.OpenApi;

/// <summary>
/// One schema per type in the OpenAPI document. By default a schema is named after its type alone, so the cell's,
/// the clips' and the meetings' three <c>AttendanceBody</c> records (or the network's two <c>TokenRequest</c>) shared
/// one name and the document described the first one for all of them. The first type keeps the short name; another
/// type claiming it is named after the type that declares it (<c>SessionEndpointsAttendanceBody</c>), else its full name.
/// </summary>
public static class SchemaIds
{
    public static void Apply(OpenApiOptions options)
    {
        var claimed = new ConcurrentDictionary<string, Type>();
        options.CreateSchemaReferenceId = type =>
        {
            var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            if (id is null || claimed.GetOrAdd(id, type.Type) == type.Type) return id;
            var qualified = type.Type.DeclaringType is { } declaring ? declaring.Name + id : (type.Type.FullName ?? id).Replace('.', '_').Replace('+', '_');
            return claimed.GetOrAdd(qualified, type.Type) == type.Type ? qualified : (type.Type.FullName ?? id).Replace('.', '_').Replace('+', '_');
        };
    }
}

using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using SproHub.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Host.Tests;

/// <summary>
/// Every write operation the OpenAPI document describes, of every core module and every plugin, is sent bad bodies
/// (a required member missing, a member of the wrong JSON type, a value that is not an object, malformed JSON) by
/// a caller allowed to make it. None may crash, none may succeed, every refusal is problem details, and no table
/// gains or loses a row. Derived from the document, so a new endpoint is swept without anyone thinking of it.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class BadBodySweepTests(SproHubFactory factory, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Territory-scoped core routes use the demo territory with the most core data (meetings, agreements, budget).</summary>
    private const string CoreTerritory = "indre-et-loire";
    private const int MaxMissingPerOperation = 6;
    private const int MaxWrongTypesPerOperation = 6;

    private sealed record Operation(string Method, string Path, JsonElement Schema);

    [Fact]
    public async Task No_bad_body_crashes_succeeds_or_changes_a_row_in_any_write_operation()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin); // holds every permission, in every territory
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var json = JsonDocument.Parse(document.ToJsonString()).RootElement;
        var territories = await PluginTerritoriesAsync(admin);
        var operations = WriteOperations(json).ToList();
        Assert.True(operations.Count > 50, $"Seulement {operations.Count} opérations d'écriture avec un corps JSON dans le document OpenAPI");
        Assert.Contains(operations, o => o.Path.Contains("/comete/", StringComparison.Ordinal)); // plugins are in the document

        var failures = new List<string>();
        var statuses = new List<int>();
        var before = await RowCountsAsync();
        foreach (var operation in operations)
        {
            var url = await FillPathAsync(admin, operation, json, territories);
            var answers = new List<HttpStatusCode>();
            foreach (var (label, member, content) in BadBodies(operation.Schema, json))
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = content };
                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses.Add(status);
                var where = $"{operation.Method} {url} ({label})";
                if (status >= 500) failures.Add($"{where} : {status} {await response.Content.ReadAsStringAsync()}");
                else if (status < 300) failures.Add($"{where} : {status}, accepté");
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{where} : {status} sans problem details ({response.Content.Headers.ContentType?.MediaType ?? "aucun contenu"})");
                else if (member is not null && status == 400 && !NamesMissing(await response.Content.ReadAsStringAsync(), member))
                    failures.Add($"{where} : 400 sans la règle « obligatoire » sur « {member} » : {await response.Content.ReadAsStringAsync()}");
                if (label == "JSON tronqué") answers.Add(response.StatusCode);
            }
            // Malformed JSON is refused when the body is read, whatever the ids: anything else means the sweep never reached
            // the endpoint (a plugin disabled, a route not matched) and proved nothing.
            if (answers.Any(a => a != HttpStatusCode.BadRequest)) failures.Add($"{operation.Method} {url} : corps jamais lu ({string.Join(", ", answers)})");
            var after = await RowCountsAsync();
            foreach (var table in before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)))
                failures.Add($"{operation.Method} {url} : {table} passe de {before.GetValueOrDefault(table)} à {after.GetValueOrDefault(table)} lignes");
            before = after;
        }

        output.WriteLine($"{operations.Count} opérations, {statuses.Count} corps refusés : "
            + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        Assert.True(failures.Count == 0, $"{failures.Count} défaut(s) sur {operations.Count} opérations :\n" + string.Join("\n", failures));
    }

    private static bool NamesMissing(string problem, string member) =>
        JsonDocument.Parse(problem).RootElement.TryGetProperty("rules", out var rules)
        && rules.EnumerateArray().Any(r => r.GetProperty("field").GetString() == member && r.GetProperty("rule").GetString() == "obligatoire");

    /// <summary>POST, PUT, PATCH and DELETE operations whose request body is JSON, with that body's schema.</summary>
    private static IEnumerable<Operation> WriteOperations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (method is not ("POST" or "PUT" or "PATCH" or "DELETE")) continue;
                if (!operation.Value.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)) continue;
                var media = content.EnumerateObject().FirstOrDefault(c => c.Name.StartsWith("application/json", StringComparison.Ordinal));
                if (media.Value.ValueKind != JsonValueKind.Object) continue;
                yield return new Operation(method, path.Name, media.Value.TryGetProperty("schema", out var schema) ? schema : default);
            }
    }

    /// <summary>Where each plugin is enabled (the demo enables each in its own territories, with its demo data).</summary>
    private static async Task<Dictionary<string, string>> PluginTerritoriesAsync(HttpClient admin)
    {
        var modules = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/modules")).RootElement;
        return modules.EnumerateArray()
            .Where(m => m.GetProperty("enabledIn").GetArrayLength() > 0)
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("enabledIn")[0].GetString()!);
    }

    /// <summary>
    /// Route values: the territory where the module is enabled, then each id taken from the listing just before it
    /// (<c>…/meetings</c> for <c>…/meetings/{id}</c>) so that the body is read against a real record; a fresh value when
    /// there is no such listing (the answer is then a 404, which must be problem details and change nothing as well).
    /// </summary>
    private static async Task<string> FillPathAsync(HttpClient client, Operation operation, JsonElement document, Dictionary<string, string> territories)
    {
        var segments = operation.Path.Trim('/').Split('/');
        var filled = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.StartsWith('{'))
            {
                filled.Add(segment);
                continue;
            }
            var name = segment.Trim('{', '}').Split(':')[0];
            if (name is "territory" or "territoryId" or "slug")
            {
                var module = i + 1 < segments.Length ? segments[i + 1] : "";
                filled.Add(territories.GetValueOrDefault(module) ?? (segments[1] == "admin" ? territories.Values.First() : CoreTerritory));
                continue;
            }
            filled.Add(await IdFromListingAsync(client, "/" + string.Join('/', filled), name) ?? FreshValue(Parameter(document, operation, name)));
        }
        return "/" + string.Join('/', filled);
    }

    private static async Task<string?> IdFromListingAsync(HttpClient client, string listing, string parameter)
    {
        using var response = await client.GetAsync(listing);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json") != true) return null;
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // A list, or an object holding one (a page of results, a programme...).
        var items = body.ValueKind == JsonValueKind.Array ? body
            : body.ValueKind == JsonValueKind.Object ? body.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array) : default;
        if (items.ValueKind != JsonValueKind.Array) return null;
        foreach (var item in items.EnumerateArray())
            // The member named as the route value ({year}), else the item's id.
            if (item.ValueKind == JsonValueKind.Object && (item.TryGetProperty(parameter, out var id) || item.TryGetProperty("id", out id)))
                return id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
        return null;
    }

    private static JsonElement Parameter(JsonElement document, Operation operation, string name)
    {
        var item = document.GetProperty("paths").GetProperty(operation.Path);
        var op = item.GetProperty(operation.Method.ToLowerInvariant());
        foreach (var source in new[] { op, item })
            if (source.TryGetProperty("parameters", out var parameters))
                foreach (var parameter in parameters.EnumerateArray())
                    if (parameter.TryGetProperty("name", out var n) && n.GetString() == name && parameter.TryGetProperty("schema", out var schema)) return schema;
        return default;
    }

    private static string FreshValue(JsonElement schema) =>
        Types(schema).Contains("integer") || Types(schema).Contains("number") ? "987654"
            : Format(schema) == "uuid" || schema.ValueKind != JsonValueKind.Object ? Guid.NewGuid().ToString() : "inconnu";

    /// <summary>The bad bodies for one operation, each with a label saying what is wrong with it.</summary>
    private static IEnumerable<(string Label, string? Missing, HttpContent Content)> BadBodies(JsonElement schema, JsonElement document)
    {
        var resolved = Resolve(schema, document);
        var valid = Example(resolved, document, depth: 0);
        if (valid is JsonObject body)
        {
            foreach (var member in Required(resolved).Take(MaxMissingPerOperation))
            {
                var without = body.DeepClone().AsObject();
                without.Remove(member);
                yield return ($"sans « {member} »", member, Json(without.ToJsonString()));
            }
            foreach (var (member, memberSchema) in Properties(resolved, document).Take(MaxWrongTypesPerOperation))
            {
                var wrong = body.DeepClone().AsObject();
                wrong[member] = WrongType(memberSchema);
                yield return ($"« {member} » du mauvais type", null, Json(wrong.ToJsonString()));
            }
        }
        foreach (var notAnObject in new[] { "[]", "42", "\"x\"", "null" })
            if (!Accepts(resolved, notAnObject)) yield return ($"corps {notAnObject}", null, Json(notAnObject));
        yield return ("JSON tronqué", null, Json("{"));
        var invalidUtf8 = new ByteArrayContent([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
        invalidUtf8.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        yield return ("UTF-8 invalide", null, invalidUtf8);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A body schema that is itself a list (or a number...) takes that value: only the others are bad.</summary>
    private static bool Accepts(JsonElement schema, string value) => value switch
    {
        "[]" => Types(schema).Contains("array"),
        "42" => Types(schema).Contains("integer") || Types(schema).Contains("number"),
        "\"x\"" => Types(schema).Contains("string") && !Types(schema).Contains("object"),
        _ => false, // null: a body is required, always
    };

    /// <summary>A value of another JSON type than the member's: a number for a text, text for a number, an object for a list...</summary>
    private static JsonNode? WrongType(JsonElement schema)
    {
        var types = Types(schema);
        if (schema.TryGetProperty("enum", out _)) return JsonValue.Create(42); // a number where a name is expected
        if (types.Contains("array")) return new JsonObject { ["x"] = 1 };
        if (types.Contains("object")) return new JsonArray(1);
        if (types.Contains("string")) return types.Contains("integer") || types.Contains("number") ? new JsonObject() : JsonValue.Create(42);
        if (types.Contains("integer") || types.Contains("number") || types.Contains("boolean")) return JsonValue.Create("x");
        return new JsonArray(); // an enum or a reference: nothing reads a list as one
    }

    /// <summary>A body the schema accepts, as far as types go: every required member present with a value of its type.</summary>
    private static JsonNode? Example(JsonElement schema, JsonElement document, int depth)
    {
        schema = Resolve(schema, document);
        if (schema.ValueKind != JsonValueKind.Object || depth > 4) return null;
        if (schema.TryGetProperty("enum", out var values))
            foreach (var value in values.EnumerateArray())
                if (value.ValueKind != JsonValueKind.Null) return JsonNode.Parse(value.GetRawText());
        var types = Types(schema);
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var body = new JsonObject();
            foreach (var (member, memberSchema) in Properties(schema, document))
                if (Required(schema).Contains(member)) body[member] = Example(memberSchema, document, depth + 1);
            return body;
        }
        if (types.Contains("array")) return new JsonArray();
        if (types.Contains("boolean")) return JsonValue.Create(true);
        if (types.Contains("integer") || types.Contains("number")) return JsonValue.Create(1);
        if (types.Contains("string"))
            return Format(schema) switch
            {
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                "date" => JsonValue.Create("2027-03-15"),
                "date-time" => JsonValue.Create("2027-03-15T10:00:00+01:00"),
                "time" => JsonValue.Create("10:00:00"),
                "email" => JsonValue.Create("personne@exemple.fr"),
                "uri" => JsonValue.Create("https://exemple.fr/"),
                _ => JsonValue.Create("Texte"),
            };
        return null;
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(document, (node, part) => node.GetProperty(part.Replace("~1", "/").Replace("~0", "~")));
                continue;
            }
            // A nullable reference is written as one of (null, the type): the type is the interesting part.
            if ((schema.TryGetProperty("oneOf", out var choices) || schema.TryGetProperty("anyOf", out choices) || schema.TryGetProperty("allOf", out choices))
                && choices.EnumerateArray().FirstOrDefault(c => !Types(c).SequenceEqual(["null"])) is { ValueKind: JsonValueKind.Object } choice)
            {
                schema = choice;
                continue;
            }
            break;
        }
        return schema;
    }

    private static IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema, JsonElement document) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value, document)))
            : [];

    private static List<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];

    private static List<string> Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    /// <summary>The rows of every table of the one database all modules and plugins share (migration histories aside).</summary>
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using DbConnection connection = factory.OnPostgres ? new NpgsqlConnection(factory.ConnectionString) : new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = factory.OnPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables.Where(t => !t.StartsWith("__ef_migrations", StringComparison.Ordinal)))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync());
        }
        return counts;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SproHub.Host.Modularity;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform;

/// <summary>Readiness: the database answers and every module's migrations are applied.</summary>
public sealed class DatabaseHealthCheck(MigrationLedger ledger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, int> pending;
        try
        {
            pending = await ledger.PendingAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable.", ex);
        }
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Base de données joignable, migrations appliquées.")
            : HealthCheckResult.Unhealthy("Migrations en attente.", data: pending.ToDictionary(p => p.Key, p => (object)p.Value));
    }
}

public static class HealthResponse
{
    /// <summary>
    /// <c>{ "status", "checks": { name: { "status", "description", "data" } } }</c>, written by hand: reflection-based
    /// serialisation of anonymous types cost the first answer of /health tens of milliseconds (docs/adr/0017).
    /// </summary>
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                json.WriteString("description", entry.Description);
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    json.WritePropertyName(key);
                    switch (value)
                    {
                        case string text: json.WriteStringValue(text); break;
                        case int number: json.WriteNumberValue(number); break;
                        default: JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object)); break;
                    }
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await http.Response.Body.WriteAsync(buffer.WrittenMemory);
    }

    /// <summary>The same shape while the database is prepared: one check, « database », saying what is being done.</summary>
    public static Task WriteNotReadyAsync(HttpContext http, string status) => WriteAsync(http, new HealthReport(
        new Dictionary<string, HealthReportEntry> { ["database"] = new(HealthStatus.Unhealthy, status, TimeSpan.Zero, null, null) }, TimeSpan.Zero));
}

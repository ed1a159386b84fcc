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
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Audit;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Privacy;

/// <summary>
/// Erases the situations closed more than <c>CelluleHandicap:RetentionYears</c> (3 by default) ago, with who read them,
/// in the current territory, and reports what it did (a report kept for the cell, the audit log, the host's log).
/// </summary>
public sealed class RetentionPurge(CelluleHandicapDbContext db, ITerritoryContext territory, IAuditLog audit, IConfiguration configuration, TimeProvider clock,
    ILogger<RetentionPurge> logger)
{
    public int RetentionYears => Math.Max(configuration.GetValue("CelluleHandicap:RetentionYears", 3), 1);

    public async Task<PurgeReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closedBefore = ParisTime.Today(clock).AddYears(-RetentionYears);
        // Closed (or withdrawn) long enough ago, and not yet purged of who read them.
        var due = await db.Situations.Where(s => (s.ClosedOn != null && s.ClosedOn < closedBefore) || (s.ConsentWithdrawnOn != null && s.ConsentWithdrawnOn < closedBefore))
            .ToListAsync(cancellationToken);
        var ids = due.Select(s => s.Id).ToList();
        var reads = await db.Reads.Where(r => ids.Contains(r.SituationId)).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var situation in due.Where(s => !s.IsErased))
        {
            await Erasure.EraseAsync(db, situation, now, "durée de conservation échue", cancellationToken);
            erased++;
        }
        db.Reads.RemoveRange(reads);
        var report = new PurgeReport { TerritoryId = territory.Current!.Slug, RanAt = now, SituationsErased = erased, ReadsDeleted = reads.Count, ClosedBefore = closedBefore };
        if (erased > 0 || reads.Count > 0)
        {
            db.PurgeReports.Add(report);
            audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "conservation.purge", "situation", report.Id.ToString(), report.TerritoryId,
                $"{SproHub.Shared.Text.French.Count(erased, "situation effacée", "situations effacées")}, {SproHub.Shared.Text.French.Count(reads.Count, "consultation supprimée", "consultations supprimées")} : closes avant le {closedBefore:dd/MM/yyyy}"));
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.Log(erased > 0 ? LogLevel.Information : LogLevel.Debug, "Cellule Handicap Jeunes ({Territory}) : situations effacées : {Erased}, consultations supprimées : {Reads}, closes avant le {Date}",
            report.TerritoryId, erased, reads.Count, closedBefore);
        return report;
    }
}

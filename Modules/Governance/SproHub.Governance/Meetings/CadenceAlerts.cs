using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SproHub.Governance.Data;
using SproHub.Shared.Network;
using SproHub.Shared.Notifications;
using SproHub.Shared.Jobs;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

/// <summary>A period of the cadence that ended without its meeting, already told to the territory and the Région.</summary>
public sealed class CadenceAlert
{
    public required string TerritoryId { get; set; }
    public MeetingType Type { get; set; }
    /// <summary>The basin whose committee is late; empty for a meeting of the SPRO itself (a key holds no null).</summary>
    public string BasinId { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateTimeOffset AlertedAt { get; set; }
}

/// <summary>
/// Tells each local SPRO's coordinators (and a basin's referent, for its committee) and the Région's administrators, once
/// per period, that a period of the cadence of the territory's own governance mode ended without its meeting held; the
/// Région is told of its own coordinators' meeting. Région-wide work: it reads every territory's meetings and alerts explicitly
/// (<c>IgnoreQueryFilters</c>).
/// </summary>
public sealed class CadenceAlertSweep(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GovernanceDbContext>();
        var people = services.GetRequiredService<IPersonDirectory>();
        var notifier = services.GetRequiredService<INotifier>();
        var today = ParisTime.Today(clock);
        var meetings = (await CadenceHandlers.MeetingDaysAsync(db.Meetings.IgnoreQueryFilters(), today.Year, cancellationToken)).ToLookup(m => m.TerritoryId);
        var alerted = (await db.CadenceAlerts.IgnoreQueryFilters().AsNoTracking().Where(a => a.PeriodStart >= new DateOnly(today.Year, 1, 1)).ToListAsync(cancellationToken))
            .Select(a => (a.TerritoryId, a.Type, a.BasinId, a.PeriodStart)).ToHashSet();
        var region = await people.RegionAdministratorsAsync(cancellationToken);
        var sent = 0;
        foreach (var mode in await services.GetRequiredService<Modes.ModeReader>().AllAsync(cancellationToken))
        {
            var late = Modes.ModeCadence.Lines(mode, today.Year, meetings[mode.TerritoryId].Select(m => (m.Type, m.BasinId, m.Day, m.Held)).ToList(), today)
                .Where(c => c.State == CadenceState.Late && !alerted.Contains((mode.TerritoryId, c.Type, c.BasinId ?? "", c.PeriodStart))).ToList();
            if (late.Count == 0) continue;
            var referents = mode.Basins.Where(b => b.ReferentId is not null && late.Any(l => l.BasinId == b.BasinId)).Select(b => b.ReferentId!.Value).ToList();
            var territoryPeople = (await people.CoordinatorsAsync(mode.TerritoryId, today, cancellationToken)).Concat(await people.FindAsync(referents, cancellationToken)).DistinctBy(p => p.Id);
            var recipients = NotificationRecipients.Of(territoryPeople).Concat(region).ToList();
            if (recipients.Count > 0)
                notifier.Queue(db, new Notification(GovernanceModule.Id, GovernanceModule.CadenceKind, mode.TerritoryId, recipients,
                    $"Réunions en retard : {mode.TerritoryName}",
                    $"{(mode.TerritoryId == SproHub.Shared.Security.SproRoles.RegionScope ? "La Région" : $"Le réseau {mode.TerritoryName}")} n'a pas tenu ces réunions attendues :\n"
                    + $"{string.Join("\n", late.Select(c => $"- {c.Title} ({c.Expectation}) : {c.Period}{(c.Referent is null ? "" : $", organisé par {c.Referent}")}"))}\n\n"
                    + "Planifiez la prochaine depuis la page des réunions du territoire ; une réunion compte une fois ses présences enregistrées.",
                    $"/t/{mode.TerritoryId}/reunions"));
            db.CadenceAlerts.AddRange(late.Select(c => new CadenceAlert { TerritoryId = mode.TerritoryId, Type = c.Type, BasinId = c.BasinId ?? "", PeriodStart = c.PeriodStart, AlertedAt = clock.GetUtcNow() }));
            await db.SaveChangesAsync(cancellationToken); // the alerts and their notification together
            sent++;
        }
        return sent;
    }
}

/// <summary>Runs the sweep every <c>Governance:CadenceSweepHours</c> (24 by default; 0: never).</summary>
internal sealed class CadenceAlertService(CadenceAlertSweep sweep, IConfiguration configuration, IPlatformReadiness readiness, ILogger<CadenceAlertService> logger)
    : PeriodicJob(readiness, logger)
{
    protected override TimeSpan? Period => TimeSpan.FromHours(configuration.GetValue("Governance:CadenceSweepHours", 24.0));
    protected override string Name => "Alertes de cadence des réunions";
    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);
}

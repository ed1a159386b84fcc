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
    public DateOnly PeriodStart { get; set; }
    public DateTimeOffset AlertedAt { get; set; }
}

/// <summary>
/// Tells each local SPRO's coordinators and the Région's administrators, once per period, that a period of the
/// cadence ended without its meeting held. Région-wide work: it reads every territory's meetings and alerts explicitly
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
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.Day >= new DateOnly(today.Year, 1, 1) && m.Status != MeetingStatus.Cancelled)
            .Select(m => new { m.TerritoryId, m.Type, m.Day, Held = m.Status == MeetingStatus.Held }).ToListAsync(cancellationToken);
        var alerted = (await db.CadenceAlerts.IgnoreQueryFilters().AsNoTracking().Where(a => a.PeriodStart >= new DateOnly(today.Year, 1, 1)).ToListAsync(cancellationToken))
            .Select(a => (a.TerritoryId, a.Type, a.PeriodStart)).ToHashSet();
        var region = await people.RegionAdministratorsAsync(cancellationToken);
        var sent = 0;
        foreach (var territory in (await services.GetRequiredService<ITerritoryDirectory>().ListAsync(cancellationToken)).Where(t => t.Kind == TerritoryKind.LocalSpro))
        {
            var late = Cadence.TerritoryTypes.SelectMany(type => Cadence.Check(type, today.Year,
                    meetings.Where(m => m.TerritoryId == territory.Slug && m.Type == type).Select(m => (m.Day, m.Held)), today))
                .Where(c => c.State == CadenceState.Late && !alerted.Contains((territory.Slug, c.Type, c.Period.Start))).ToList();
            if (late.Count == 0) continue;
            var recipients = NotificationRecipients.Of(await people.CoordinatorsAsync(territory.Slug, today, cancellationToken)).Concat(region).ToList();
            if (recipients.Count > 0)
                notifier.Queue(db, new Notification(GovernanceModule.Id, GovernanceModule.CadenceKind, territory.Slug, recipients,
                    $"Réunions en retard : {territory.Name}",
                    $"Le réseau {territory.Name} n'a pas tenu ces réunions attendues :\n{string.Join("\n", late.Select(c => $"- {MeetingLabels.Of(c.Type)} ({Cadence.RuleOf(c.Type).Expectation}) : {c.Period.Label}"))}\n\n"
                    + "Planifiez la prochaine depuis la page des réunions du territoire ; une réunion compte une fois ses présences enregistrées.",
                    $"/t/{territory.Slug}/reunions"));
            db.CadenceAlerts.AddRange(late.Select(c => new CadenceAlert { TerritoryId = territory.Slug, Type = c.Type, PeriodStart = c.Period.Start, AlertedAt = clock.GetUtcNow() }));
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

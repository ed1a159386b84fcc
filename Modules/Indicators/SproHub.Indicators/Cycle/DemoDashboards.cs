using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Data;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Cycle;

/// <summary>
/// What the coordinators typed in the demo: Indre-et-Loire's dashboard of last year submitted and awaiting the Région,
/// this year's being filled; Cher's of this year started. The rest fills itself from the demo's events.
/// </summary>
internal static class DemoDashboards
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IndicatorsDbContext>();
        if (await db.Dashboards.AnyAsync(cancellationToken)) return;
        var year = ParisTime.Today(services.GetRequiredService<TimeProvider>()).Year;
        Add(db, "indre-et-loire", year - 1, DashboardStatus.Submitted, "Mission Locale de Tours", [("Mission Locale", 9, 12), ("CIO", 3, 4), ("France Travail", 2, 4), ("BIJ", 1, 2)], 2, 0.8m);
        Add(db, "indre-et-loire", year, DashboardStatus.Draft, "Mission Locale de Tours", [("Mission Locale", 5, 12), ("CIO", 2, 4)], 2, 0.8m);
        Add(db, "cher", year, DashboardStatus.Draft, "Mission Locale de Bourges", [("Mission Locale", 4, 9), ("CIO", 1, 3), ("Cap emploi", 1, 2)], 1, 0.5m);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(IndicatorsDbContext db, string territory, int year, DashboardStatus status, string coordinating, (string Type, int Trained, int Agents)[] trainings, decimal agents, decimal fte)
    {
        var dashboard = new Dashboard { TerritoryId = territory, Year = year, Status = status, CoordinatingStructure = coordinating };
        if (status == DashboardStatus.Submitted) (dashboard.SubmittedBy, dashboard.SubmittedAt) = ("démo", new DateTimeOffset(year + 1, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)));
        foreach (var (type, trained, count) in trainings)
        {
            dashboard.Values.Add(new FormValue { DashboardId = dashboard.Id, Code = IndicatorCatalogue.AgentsTrained, Dimension = type, Value = trained });
            dashboard.Values.Add(new FormValue { DashboardId = dashboard.Id, Code = IndicatorCatalogue.AgentsInStructures, Dimension = type, Value = count });
        }
        dashboard.Values.Add(new FormValue { DashboardId = dashboard.Id, Code = IndicatorCatalogue.CoordinationAgents, Value = agents });
        dashboard.Values.Add(new FormValue { DashboardId = dashboard.Id, Code = IndicatorCatalogue.CoordinationFte, Value = fte });
        db.Dashboards.Add(dashboard);
    }
}

using Microsoft.Extensions.DependencyInjection;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Dashboards;
using SproHub.Indicators.Data;
using SproHub.Indicators.Region;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Indicators;

/// <summary>Core module: the evaluation's indicators, filled from the platform's events and the coordinators' forms, rolled up to the Région.</summary>
public sealed class IndicatorsModule : IModule
{
    public const string Id = "indicators";
    public const string ReadPermission = "indicators.read";
    public const string SubmitPermission = "indicators.submit";
    public const string ApprovePermission = "indicators.approve";
    public const string RegionPermission = "indicators.region";
    public const string CycleKind = "indicators.dashboard-cycle";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Indicateurs",
        Version = new Version(1, 0, 0),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["tableau.saisi"] = "Tableau de bord saisi",
            ["tableau.soumis"] = "Tableau de bord soumis",
            ["tableau.approuve"] = "Tableau de bord approuvé",
            ["tableau.correction"] = "Tableau de bord corrigé",
            ["faits.reconstruits"] = "Données des indicateurs recalculées",
        },
        Description = "Tableaux de bord de l'évaluation du SPRO : réunions, professionnalisation, coordination, moyens, initiatives des territoires.",
        Permissions =
        [
            // Members read only the approved dashboards: the handlers see to it.
            new PermissionDeclaration(ReadPermission, "Consulter le tableau de bord d'évaluation du territoire (approuvé, pour les membres)", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(SubmitPermission, "Compléter, soumettre et corriger le tableau de bord du territoire", [SproRoles.TerritoryCoordinator]),
            new PermissionDeclaration(ApprovePermission, "Approuver les tableaux de bord (Région)", []),
            new PermissionDeclaration(RegionPermission, "Consulter et comparer les tableaux de bord de tous les SPRO locaux (Région)", []),
        ],
        Notifications = [new SproHub.Shared.Notifications.NotificationKindDeclaration(CycleKind, "Tableaux de bord d'évaluation : soumis à la Région, approuvés")],
        RegionNavigation = [new NavigationEntry("Indicateurs des SPRO", "indicateurs", RegionPermission, Order: 40)],
        Navigation = [new NavigationEntry("Indicateurs", "indicateurs", ReadPermission, Order: 40)],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<IndicatorsDbContext>(context);
        services.AddScoped<IndicatorCatalogue>();
        services.AddScoped<DashboardFigures>();
        services.AddScoped<Facts.FactIngestor>();
        services.AddScoped<Cycle.DashboardForms>();
        services.AddScoped<DashboardViews>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        Catalogue.CatalogueEndpoints.Map(endpoints.TerritoryApi);
        DashboardEndpoints.Map(endpoints.TerritoryApi);
        Cycle.CycleEndpoints.Map(endpoints.TerritoryApi);
        ExportEndpoints.Map(endpoints.TerritoryApi, endpoints.Api);
        RegionDashboardEndpoints.Map(endpoints.Api);
        CompareEndpoints.Map(endpoints.Api);
        Facts.RebuildEndpoints.Map(endpoints.Api);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Cycle.DemoDashboards.SeedAsync(services, cancellationToken);
}

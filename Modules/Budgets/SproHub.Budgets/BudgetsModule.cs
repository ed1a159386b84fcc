using Microsoft.Extensions.DependencyInjection;
using SproHub.Budgets.Data;
using SproHub.Budgets.Amendments;
using SproHub.Budgets.Closure;
using SproHub.Budgets.Envelopes;
using SproHub.Budgets.Region;
using SproHub.Budgets.Requests;
using SproHub.Budgets.Spending;
using SproHub.Shared.Notifications;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Budgets;

/// <summary>Core module: each local SPRO's financial agreement, its carrier's subsidy request, the Région's decisions and payments.</summary>
public sealed class BudgetsModule : IModule
{
    public const string Id = "budgets";
    public const string ReadPermission = "budgets.read";
    public const string RequestPermission = "budgets.request";
    public const string ManagePermission = "budgets.manage";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Budgets",
        Version = new Version(1, 0, 0),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["enveloppe.allouee"] = "Enveloppe allouée",
            ["convention.ouverte"] = "Convention financière ouverte",
            ["convention.prolongee"] = "Convention financière prolongée",
            ["demande.enregistree"] = "Demande de subvention enregistrée",
            ["demande.deposee"] = "Demande de subvention déposée",
            ["demande.depot-tardif-autorise"] = "Dépôt tardif d'une demande autorisé",
            ["subvention.accordee"] = "Subvention accordée",
            ["paiement.enregistre"] = "Paiement enregistré",
            ["depense.declaree"] = "Dépenses déclarées",
            ["depense.corrigee"] = "Dépenses corrigées",
            ["depense.corrigee-apres-cloture"] = "Dépenses corrigées après la clôture",
            ["annee.close"] = "Année budgétaire close",
        },
        DependsOn = ["network"],
        Description = "Conventions financières, demandes de subvention, décisions et paiements de la Région.",
        Permissions =
        [
            // Members hold it so that the carrier's agents reach their agreement; the handlers let no other member read.
            new PermissionDeclaration(ReadPermission, "Consulter les conventions financières (coordinateur, structure porteuse, Région)", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember, SproRoles.RegionFinance]),
            new PermissionDeclaration(RequestPermission, "Faire la demande de subvention et déclarer les dépenses (agents de la structure porteuse)", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember, SproRoles.RegionFinance]),
            new PermissionDeclaration(ManagePermission, "Décider, payer, prolonger, clore l'année et corriger après clôture (finances de la Région)", [SproRoles.RegionFinance]),
        ],
        Notifications = [new NotificationKindDeclaration(BudgetNotices.Kind, "Budget : décision, paiements, avenants et clôture de la convention financière")],
        RegionNavigation = [new NavigationEntry("Budgets des SPRO", "budgets", ManagePermission, Order: 30)],
        Navigation = [new NavigationEntry("Budget", "budget", ReadPermission, Order: 30)],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<BudgetsDbContext>(context);
        services.AddScoped<BudgetAccess>();
        services.AddScoped<BudgetNotices>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        OpenAgreementEndpoints.Map(endpoints.TerritoryApi);
        SubsidyRequestEndpoints.Map(endpoints.TerritoryApi);
        DecideAndPayEndpoints.Map(endpoints.TerritoryApi);
        SpendingEndpoints.Map(endpoints.TerritoryApi);
        AmendmentEndpoints.Map(endpoints.TerritoryApi);
        CloseYearEndpoints.Map(endpoints.TerritoryApi);
        ExportEndpoints.Map(endpoints.TerritoryApi);
        EnvelopeEndpoints.Map(endpoints.Api, endpoints.TerritoryApi);
        RegionBudgetEndpoints.Map(endpoints.Api);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => DemoBudgets.SeedAsync(services, cancellationToken);
}

using Microsoft.Extensions.DependencyInjection;
using SproHub.Budgets.Data;
using SproHub.Budgets.Requests;
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
        DependsOn = ["network"],
        Description = "Conventions financières, demandes de subvention, décisions et paiements de la Région.",
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter les conventions financières et demandes du territoire", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(RequestPermission, "Faire la demande de subvention (agents de la structure porteuse)", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            // Granted to no territory role: the Région's administrators hold every permission.
            new PermissionDeclaration(ManagePermission, "Décider, autoriser les dépôts tardifs et payer (Région)", []),
        ],
        Navigation = [new NavigationEntry("Budget", "budget", ReadPermission, Order: 30)],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) => services.AddModuleDbContext<BudgetsDbContext>(context);

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        SubsidyRequestEndpoints.Map(endpoints.TerritoryApi);
        DecideAndPayEndpoints.Map(endpoints.TerritoryApi);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => DemoBudgets.SeedAsync(services, cancellationToken);
}

using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Plugins.OrientationModeEmploi.Search;
using SproHub.Plugins.OrientationModeEmploi.Sheets;
using SproHub.Plugins.OrientationModeEmploi.Themes;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Plugins.OrientationModeEmploi;

/// <summary>
/// Orientation 37 mode d'emploi (Tours): for each question the public often asks at reception, the structures
/// that answer it, principal and secondary, and for each structure a sheet saying what it answers and how.
/// </summary>
public sealed class OrientationModeEmploiModule : IModule
{
    public const string Id = "mode-emploi";
    public const string ReadPermission = "mode-emploi.read";
    public const string ManagePermission = "mode-emploi.manage";

    public static class Indicators
    {
        public const string Searches = "searches";
        public const string UnansweredSearches = "unanswered-searches";
    }

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Orientation 37 mode d'emploi",
        Version = SharedContract.ThreeParts(typeof(OrientationModeEmploiModule).Assembly.GetName().Version!),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["fiche.enregistree"] = "Fiche d'une structure enregistrée",
            ["theme.cree"] = "Thème créé",
            ["theme.modifie"] = "Thème modifié",
            ["theme.supprime"] = "Thème supprimé",
            ["question.creee"] = "Question créée",
            ["question.modifiee"] = "Question modifiée",
            ["question.supprimee"] = "Question supprimée",
        },
        Description = "Les questions fréquentes du public, les structures qui y répondent (principale et secondaires) et la fiche de chaque structure : l'outil des chargés d'accueil pour orienter chacun au bon endroit.",
        DemoTerritories = ["indre-et-loire"],
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter le guide d'orientation", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(ManagePermission, "Tenir à jour le guide d'orientation", [SproRoles.TerritoryCoordinator]),
        ],
        Indicators =
        [
            new IndicatorDeclaration(Indicators.Searches, "Recherches des chargés d'accueil dans le guide", "recherches"),
            new IndicatorDeclaration(Indicators.UnansweredSearches, "Recherches restées sans réponse dans le guide", "recherches"),
        ],
        Navigation =
        [
            new NavigationEntry("Mode d'emploi de l'orientation", "mode-emploi", ReadPermission, Order: 30),
            new NavigationEntry("Tenir à jour le mode d'emploi", "mode-emploi/gestion", ManagePermission, Order: 31),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<OrientationModeEmploiDbContext>(context);
        services.AddMemoryCache();
        services.AddScoped<GuideReader>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        GuideEndpoints.Map(endpoints.TerritoryApi);
        SearchEndpoints.Map(endpoints.TerritoryApi);
        ThemeEndpoints.Map(endpoints.TerritoryApi);
        QuestionEndpoints.Map(endpoints.TerritoryApi);
        SheetEndpoints.Map(endpoints.TerritoryApi);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoGuide.SeedAsync(services, cancellationToken);
}

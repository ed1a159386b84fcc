using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Notes;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Plugins.OrientationModeEmploi;

/// <summary>Orientation 37 mode d'emploi. The host finds this class, reads its manifest, then calls it.</summary>
public sealed class OrientationModeEmploiModule : IModule
{
    public const string Id = "mode-emploi";
    public const string ReadPermission = "mode-emploi.read";
    public const string ManagePermission = "mode-emploi.manage";

    public static class Indicators
    {
        public const string NotesRecorded = "notes-recorded";
    }

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Orientation 37 mode d'emploi",
        Version = SharedContract.ThreeParts(typeof(OrientationModeEmploiModule).Assembly.GetName().Version!),
        Description = "Le journal de l'initiative : ce qui a eu lieu, daté, dans chaque territoire où elle est active.",
        DemoTerritories = ["indre-et-loire"],
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter Orientation 37 mode d'emploi", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(ManagePermission, "Gérer Orientation 37 mode d'emploi", [SproRoles.TerritoryCoordinator]),
        ],
        Indicators = [new IndicatorDeclaration(Indicators.NotesRecorded, "Notes enregistrées", "notes")],
        Navigation = [new NavigationEntry("Orientation 37 mode d'emploi", "mode-emploi", ReadPermission, Order: 50)],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) =>
        services.AddModuleDbContext<OrientationModeEmploiDbContext>(context);

    public void MapEndpoints(ModuleEndpoints endpoints) => NoteEndpoints.Map(endpoints.TerritoryApi);

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoNotes.SeedAsync(services, cancellationToken);
}

using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.PluginName.Data;
using SproHub.Plugins.PluginName.Notes;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Plugins.PluginName;

/// <summary>Nom de l'initiative. The host finds this class, reads its manifest, then calls it.</summary>
public sealed class PluginNameModule : IModule
{
    public const string Id = "plugin-id";
    public const string ReadPermission = "plugin-id.read";
    public const string ManagePermission = "plugin-id.manage";

    public static class Indicators
    {
        public const string NotesRecorded = "notes-recorded";
    }

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Nom de l'initiative",
        Version = SharedContract.ThreeParts(typeof(PluginNameModule).Assembly.GetName().Version!),
        // The audit codes it writes, as the Région's journal shows them.
        AuditActions = new Dictionary<string, string> { ["note.enregistree"] = "Note enregistrée" },
        Description = "Le journal de l'initiative : ce qui a eu lieu, daté, dans chaque territoire où elle est active.",
        DemoTerritories = ["demo-territory"],
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter Nom de l'initiative", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(ManagePermission, "Gérer Nom de l'initiative", [SproRoles.TerritoryCoordinator]),
        ],
        Indicators = [new IndicatorDeclaration(Indicators.NotesRecorded, "Notes enregistrées", "notes")],
        Navigation = [new NavigationEntry("Nom de l'initiative", "plugin-id", ReadPermission, Order: 50)],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context) =>
        services.AddModuleDbContext<PluginNameDbContext>(context);

    public void MapEndpoints(ModuleEndpoints endpoints) => NoteEndpoints.Map(endpoints.TerritoryApi);

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoNotes.SeedAsync(services, cancellationToken);
}

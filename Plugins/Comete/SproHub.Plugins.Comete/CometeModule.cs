using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Programme;
using SproHub.Plugins.Comete.Replays;
using SproHub.Plugins.Comete.Series;
using SproHub.Plugins.Comete.Shows;
using SproHub.Plugins.Comete.Spots;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Plugins.Comete;

/// <summary>COMETE: live radio shows about the jobs of a sector, with replays and a 30-second spot.</summary>
public sealed class CometeModule : IModule
{
    public const string Id = "comete";
    public const string ManagePermission = "comete.manage";

    /// <summary>Anonymous programme responses are cached briefly and evicted on every COMETE write of this host.</summary>
    public const string ProgrammeCache = "comete-programme";

    public static class Indicators
    {
        public const string ShowsBroadcast = "shows-broadcast";
        public const string SpotBroadcasts = "spot-broadcasts";
        public const string ReplayViews = "replay-views";
    }

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "COMETE — émissions radio",
        Version = new Version(1, 0, 0),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["series.created"] = "Série d'émissions créée",
            ["series.updated"] = "Série d'émissions modifiée",
            ["show.scheduled"] = "Émission programmée",
            ["show.rescheduled"] = "Émission déplacée",
            ["show.guest-added"] = "Invité ajouté à une émission",
            ["show.guest-removed"] = "Invité retiré d'une émission",
            ["show.running-order"] = "Déroulé d'une émission mis à jour",
            ["show.confirmed"] = "Émission confirmée",
            ["show.broadcast"] = "Émission diffusée",
            ["show.cancelled"] = "Émission annulée",
            ["show.replay"] = "Lien de rediffusion enregistré",
            ["spot.broadcast"] = "Diffusion du spot enregistrée",
        },
        Description = "Émissions de radio en direct sur les métiers d'un secteur, rediffusions et spot de 30 secondes.",
        TerritoryHomePartial = "/Programme/Pages/_TerritorySummary.cshtml",
        DemoTerritories = ["loir-et-cher"],
        Permissions = [new PermissionDeclaration(ManagePermission, "Gérer la programmation COMETE", [SproRoles.TerritoryCoordinator])],
        Indicators =
        [
            new IndicatorDeclaration(Indicators.ShowsBroadcast, "Émissions diffusées", "émissions"),
            new IndicatorDeclaration(Indicators.SpotBroadcasts, "Diffusions du spot de 30 secondes", "diffusions"),
            new IndicatorDeclaration(Indicators.ReplayViews, "Écoutes de rediffusions suivies depuis la plateforme", "écoutes"),
        ],
        Navigation =
        [
            new NavigationEntry("Programme COMETE", "comete", Order: 10),
            new NavigationEntry("Gérer COMETE", "comete/gestion", ManagePermission, Order: 11),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<CometeDbContext>(context);
        services.AddScoped<ShowEditor>();
        var seconds = context.Configuration.GetValue("Comete:ProgrammeCacheSeconds", 30);
        services.AddOutputCache(o => o.AddPolicy(ProgrammeCache, b => b
            .Expire(TimeSpan.FromSeconds(Math.Max(seconds, 0))).SetVaryByQuery("annee", "year").Tag(ProgrammeCache)
            .With(_ => seconds > 0)));
        services.AddScoped<ReplayLinkCheck>();
        services.AddSingleton<ReplayLinkSweep>();
        var allowPrivate = context.Configuration.GetValue("Comete:ReplayCheckAllowPrivate", false);
        services.AddHttpClient(ReplayLinkCheck.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => PublicAddressesOnly.Handler(allowPrivate));
        services.AddHostedService<ReplayLinkCheckerService>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        SeriesEndpoints.Map(endpoints.TerritoryApi);
        ShowEndpoints.Map(endpoints.TerritoryApi);
        ReplayEndpoints.Map(endpoints);
        SpotEndpoints.Map(endpoints.TerritoryApi);
        ProgrammeEndpoints.Map(endpoints.TerritoryApi);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoProgramme.SeedAsync(services, cancellationToken);
}

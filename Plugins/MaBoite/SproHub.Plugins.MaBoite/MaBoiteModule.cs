using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Plugins.MaBoite.Files;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Plugins.MaBoite.Trash;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;

namespace SproHub.Plugins.MaBoite;

/// <summary>
/// ma boîte SPRO: each person the SPRO serves keeps the documents of their path in a space of their own (1 Go). A space
/// is reached only by its owner (<see cref="SpaceAccess"/>); the account behind it is the core's, opened through
/// <see cref="SproHub.Shared.Security.IAccountRegistry"/> with the <see cref="CitizenRole"/>.
/// </summary>
public sealed class MaBoiteModule : IModule
{
    public const string Id = "ma-boite";
    /// <summary>The role of the people the SPRO serves, held in the territory of their space.</summary>
    public const string CitizenRole = "citizen";
    public const string SpacePermission = "ma-boite.space";
    /// <summary>Agents of the SPRO's structures open what people share with them (recognised by their address).</summary>
    public const string ReceiveSharesPermission = "ma-boite.shares.receive";
    /// <summary>Agents publish news and resources for the people of ma boîte SPRO.</summary>
    public const string PublishPermission = "ma-boite.publish";
    /// <summary>Agents open a space for a person they accompany.</summary>
    public const string InvitePermission = "ma-boite.invite";
    /// <summary>Counts by type of public, age and structure, never a person.</summary>
    public const string StatsPermission = "ma-boite.stats";
    public const string QuotaKind = "ma-boite.quota";
    public const string NewResourceKind = "ma-boite.new-resource";
    public const string EventKind = "ma-boite.event";
    public const string ShareReceivedKind = "ma-boite.share-received";
    public const string AdviserDocumentKind = "ma-boite.adviser-document";

    public static class Indicators
    {
        public const string AccountsOpened = "accounts-opened";
        public const string ActiveUsers = "active-users";
        public const string StorageUsed = "storage-used";
        public const string ResourcesPublished = "resources-published";
        public const string ResourcesViewed = "resources-viewed";
    }

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "ma boîte SPRO",
        Version = SharedContract.ThreeParts(typeof(MaBoiteModule).Assembly.GetName().Version!),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["espace.cree"] = "Espace ma boîte ouvert",
            ["espace.invite"] = "Invitation à ouvrir un espace envoyée",
            ["espace.supprime"] = "Espace ma boîte supprimé",
            ["fichier.ajoute"] = "Fichier ajouté",
            ["fichier.remplace"] = "Fichier remplacé",
            ["fichiers.supprimes"] = "Fichiers supprimés",
            ["partage.cree"] = "Partage créé",
            ["partage.consulte"] = "Partage consulté",
            ["partage.document-lu"] = "Document partagé ouvert",
            ["partage.revoque"] = "Partage retiré",
            ["publication.publiee"] = "Publication mise en ligne",
            ["publication.retiree"] = "Publication retirée",
            ["publication.document-joint"] = "Document joint à une publication",
            ["donnees.exportees"] = "Données exportées",
        },
        Description = "Un espace personnel en ligne pour chaque personne accompagnée : ses documents d'orientation (1 Go), les actualités et ressources du SPRO, l'annuaire des structures.",
        DemoTerritories = ["orleans"],
        Permissions =
        [
            new PermissionDeclaration(SpacePermission, "Utiliser son espace personnel ma boîte SPRO", [CitizenRole]),
            new PermissionDeclaration(PublishPermission, "Publier des actualités et des ressources dans ma boîte SPRO", [SproRoles.StructureMember, SproRoles.TerritoryCoordinator]),
            new PermissionDeclaration(InvitePermission, "Ouvrir un espace ma boîte SPRO pour une personne accompagnée", [SproRoles.StructureMember, SproRoles.TerritoryCoordinator]),
            new PermissionDeclaration(StatsPermission, "Consulter les statistiques de ma boîte SPRO", [SproRoles.StructureMember, SproRoles.TerritoryCoordinator]),
            new PermissionDeclaration(ReceiveSharesPermission, "Ouvrir les documents que les personnes accompagnées partagent", [SproRoles.StructureMember, SproRoles.TerritoryCoordinator]),
        ],
        Indicators =
        [
            new IndicatorDeclaration(Indicators.AccountsOpened, "Comptes ouverts (adresse confirmée, espace ouvert)", "comptes") { CountsPeople = true },
            new IndicatorDeclaration(Indicators.ActiveUsers, "Utilisateurs actifs (chaque personne une fois par mois)", "personnes") { CountsPeople = true },
            new IndicatorDeclaration(Indicators.StorageUsed, "Stockage utilisé", "Mo"),
            new IndicatorDeclaration(Indicators.ResourcesPublished, "Actualités et ressources publiées", "publications"),
            new IndicatorDeclaration(Indicators.ResourcesViewed, "Actualités et ressources consultées (une fois par personne)", "consultations"),
        ],
        Navigation = [new NavigationEntry("ma boîte SPRO", "ma-boite", Order: 50)],
        Notifications =
        [
            new NotificationKindDeclaration(QuotaKind, "ma boîte SPRO : mon espace bientôt plein"),
            new NotificationKindDeclaration(NewResourceKind, "ma boîte SPRO : une nouvelle ressource pour moi"),
            new NotificationKindDeclaration(EventKind, "ma boîte SPRO : un événement près de chez moi"),
            new NotificationKindDeclaration(AdviserDocumentKind, "ma boîte SPRO : un conseiller dépose un document dans mon espace"),
            new NotificationKindDeclaration(ShareReceivedKind, "ma boîte SPRO : une personne partage un document avec moi"),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<MaBoiteDbContext>(context);
        services.AddScoped<SpaceAccess>();
        services.AddScoped<TrashBin>();
        services.AddScoped<SpaceStorage>();
        services.AddSingleton<ListingCache>();
        services.AddHostedService<MaBoiteJobs>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        SpaceEndpoints.Map(endpoints.TerritoryApi);
        FileEndpoints.Map(endpoints.TerritoryApi, endpoints.Root);
        Shares.ShareEndpoints.Map(endpoints.TerritoryApi);
        MyData.MyDataEndpoints.Map(endpoints.TerritoryApi);
        Publications.PublicationEndpoints.Map(endpoints.TerritoryApi);
        Statistics.StatisticsEndpoints.Map(endpoints.TerritoryApi);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Demo.DemoSpaces.SeedAsync(services, cancellationToken);
}

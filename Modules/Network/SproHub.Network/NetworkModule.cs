using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Network.Accounts;
using SproHub.Network.Data;
using SproHub.Network.Structures;
using SproHub.Network.Territories;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network;

/// <summary>Core module: the territories of the SPRO, its structures, people and their accounts.</summary>
public sealed class NetworkModule : IModule
{
    public const string Id = "network";
    public const string ManageStructuresPermission = "network.structures.manage";
    public const string DesignateCoordinatorsPermission = "network.coordinators.designate";
    public const string ReadInternalPermission = "network.internal.read";
    public const string ManageNetworksPermission = "network.networks.manage";
    public const string DesignationKind = "network.coordinator-designated";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Réseau",
        Version = new Version(1, 0, 0),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["structure.creee"] = "Structure ajoutée",
            ["structure.modifiee"] = "Structure modifiée",
            ["structures.importees"] = "Structures importées",
            ["point-accueil.ajoute"] = "Point d'accueil ajouté",
            ["point-accueil.modifie"] = "Point d'accueil modifié",
            ["point-accueil.supprime"] = "Point d'accueil supprimé",
            ["personne.ajoutee"] = "Personne ajoutée à l'annuaire",
            ["personne.modifiee"] = "Personne modifiée dans l'annuaire",
            ["reseau.ajoute"] = "Réseau ajouté",
            ["coordonnateur.designe"] = "Coordination désignée pour une année scolaire",
            ["agents.comptes"] = "Nombre d'agents enregistré",
        },
        Description = "Territoires, structures membres, personnes et comptes.",
        Notifications = [new SproHub.Shared.Notifications.NotificationKindDeclaration(DesignationKind, "Désignations de coordonnateurs (Région)")],
        Permissions =
        [
            new PermissionDeclaration(ManageStructuresPermission, "Tenir à jour les structures membres du territoire", [SproRoles.TerritoryCoordinator]),
            new PermissionDeclaration(DesignateCoordinatorsPermission, "Enregistrer la désignation des coordonnateurs du territoire", [SproRoles.TerritoryCoordinator]),
            // Granted to no territory role: the Région's administrators hold every permission.
            new PermissionDeclaration(ManageNetworksPermission, "Ajouter des réseaux membres (Région)", []),
            new PermissionDeclaration(ReadInternalPermission, "Consulter les données internes du territoire", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<NetworkDbContext>(context);
        Directory.DirectoryCache.AddTo(services, context.Configuration);
        services.AddMemoryCache();
        services.AddScoped<ITerritoryDirectory, TerritoryDirectory>();
        services.AddScoped<IStructureDirectory, StructureDirectory>();
        services.AddScoped<IPersonDirectory, People.PersonDirectory>();
        services.AddScoped<AccountRegistry>();
        services.AddScoped<IAccountRegistry>(sp => sp.GetRequiredService<AccountRegistry>());
        services.AddScoped<Accounts.SignIn.PasswordSignIn>();
        Accounts.SignIn.SignInThrottle.AddTo(services, context.Configuration);
        services.AddIdentityCore<SproUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                // Above what one address may try in a minute (SignInThrottle): a flood is slowed before it locks anyone out.
                o.Lockout.MaxFailedAccessAttempts = 10;
                // Accounts opened by people themselves (ma boîte SPRO) prove their address before anything else.
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddEntityFrameworkStores<NetworkDbContext>()
            .AddSignInManager<Accounts.SignIn.SproSignInManager>()
            .AddClaimsPrincipalFactory<SproClaimsFactory>()
            .AddDefaultTokenProviders();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        TerritoryEndpoints.Map(endpoints);
        Accounts.SignIn.TokenEndpoint.Map(endpoints);
        AccountEndpoints.Map(endpoints.Api);
        Directory.DirectoryEndpoints.Map(endpoints.Api);
        Directory.ExportEndpoints.Map(endpoints.Api);
        StructureEndpoints.Map(endpoints.TerritoryApi);
        ImportEndpoints.Map(endpoints.TerritoryApi);
        Coordinators.CoordinatorEndpoints.Map(endpoints.Api, endpoints.TerritoryApi);
        Agents.AgentCountEndpoints.Map(endpoints.TerritoryApi);
        People.PeopleEndpoints.Map(endpoints.TerritoryApi);
        ReceptionPointEndpoints.Map(endpoints.TerritoryApi);
        Networks.MemberNetworkEndpoints.Map(endpoints.Api);
    }

    public Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        TerritorySeed.EnsureAsync(services.GetRequiredService<NetworkDbContext>(), cancellationToken);

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoNetwork.SeedAsync(services.GetRequiredService<NetworkDbContext>(), services.GetRequiredService<UserManager<SproUser>>(), cancellationToken);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SproHub.Governance.Data;
using SproHub.Governance.Meetings;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;

namespace SproHub.Governance;

/// <summary>Core module: how each local SPRO meets (meetings, invitations, sign-in sheets, minutes, actions) and what it signs.</summary>
public sealed class GovernanceModule : IModule
{
    public const string Id = "governance";
    public const string ReadPermission = "governance.read";
    public const string ManageMeetingsPermission = "governance.meetings.manage";
    public const string FollowAgreementsPermission = "governance.agreements.follow";
    public const string SignAmendmentsPermission = "governance.amendments.sign";
    public const string ManageAgreementsPermission = "governance.agreements.manage";
    public const string RegionOverviewPermission = "governance.region.overview";
    public const string ManageModesPermission = "governance.modes.manage";
    public const string AmendmentKind = "governance.amendments";
    public const string CadenceKind = "governance.cadence-late";
    public const string InvitationKind = "governance.meeting-invitation";
    public const string MinutesKind = "governance.minutes-published";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Gouvernance",
        Version = new Version(1, 0, 0),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["reunion.planifiee"] = "Réunion planifiée",
            ["reunion.modifiee"] = "Réunion modifiée",
            ["reunion.annulee"] = "Réunion annulée",
            ["reunion.invitations-envoyees"] = "Invitations à une réunion envoyées",
            ["reunion.presences-enregistrees"] = "Présences à une réunion enregistrées",
            ["reunion.presences-corrigees"] = "Présences à une réunion corrigées",
            ["reunion.compte-rendu-enregistre"] = "Compte rendu enregistré",
            ["reunion.compte-rendu-publie"] = "Compte rendu publié",
            ["gouvernance.mode-enregistre"] = "Mode de gouvernance enregistré",
            ["action.faite"] = "Action marquée comme faite",
            ["action.rouverte"] = "Action rouverte",
            ["convention.enregistree"] = "Convention enregistrée",
            ["avenant.redige"] = "Avenant rédigé",
            ["avenant.vote"] = "Vote d'un avenant enregistré",
            ["avenant.transmis"] = "Avenant transmis",
            ["avenant.envoye"] = "Avenant envoyé aux signataires",
            ["avenant.relance"] = "Signataires d'un avenant relancés",
            ["avenant.signe"] = "Avenant signé",
            ["avenant.compile"] = "Avenant compilé",
        },
        DependsOn = ["network"],
        Description = "Réunions du réseau (invitations, émargement, comptes rendus, actions) et conventions.",
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter les réunions, comptes rendus et conventions du territoire", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(ManageMeetingsPermission, "Organiser les réunions du territoire (invitations, émargement, compte rendu, actions)", [SproRoles.TerritoryCoordinator]),
            new PermissionDeclaration(FollowAgreementsPermission, "Transmettre les avenants aux membres, relancer et enregistrer les signatures reçues", [SproRoles.TerritoryCoordinator]),
            new PermissionDeclaration(SignAmendmentsPermission, "Signer les avenants pour sa structure (agents habilités)", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            // Granted to no territory role: the Région's administrators hold every permission.
            new PermissionDeclaration(ManageAgreementsPermission, "Rédiger, faire voter, envoyer et compiler les avenants (Région)", []),
            new PermissionDeclaration(RegionOverviewPermission, "Voir la cadence des réunions de tous les SPRO locaux (Région)", []),
            new PermissionDeclaration(ManageModesPermission, "Enregistrer le mode de gouvernance de chaque SPRO local et les référents de ses bassins (Région)", []),
        ],
        RegionNavigation = [new NavigationEntry("Cadence des réunions", "reunions/cadence", RegionOverviewPermission)],
        Navigation = [new NavigationEntry("Réunions", "reunions", ReadPermission, Order: 20), new NavigationEntry("Conventions", "conventions", ReadPermission, Order: 21)],
        Notifications =
        [
            new NotificationKindDeclaration(InvitationKind, "Invitations aux réunions du réseau"),
            new NotificationKindDeclaration(MinutesKind, "Comptes rendus de réunion publiés"),
            new NotificationKindDeclaration(AmendmentKind, "Avenants aux conventions : à transmettre, à signer, relances, compilés"),
            new NotificationKindDeclaration(CadenceKind, "Réunions du réseau en retard sur la cadence attendue (coordonnateurs, Région)"),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<GovernanceDbContext>(context);
        services.AddScoped<Modes.ModeReader>();
        services.AddSingleton<CadenceAlertSweep>();
        services.AddHostedService<CadenceAlertService>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        ScheduleEndpoints.Map(endpoints.TerritoryApi);
        ReadEndpoints.Map(endpoints.TerritoryApi);
        InvitationEndpoints.Map(endpoints.TerritoryApi);
        AttendanceEndpoints.Map(endpoints.TerritoryApi);
        MinutesEndpoints.Map(endpoints.TerritoryApi);
        ActionEndpoints.Map(endpoints.TerritoryApi);
        CadenceEndpoints.Map(endpoints.TerritoryApi, endpoints.Api);
        Modes.GovernanceModeEndpoints.Map(endpoints.TerritoryApi);
        Agreements.ReadAgreementEndpoints.Map(endpoints.TerritoryApi);
        Agreements.AmendmentWorkflowEndpoints.Map(endpoints.TerritoryApi);
        Agreements.SignatureEndpoints.Map(endpoints.TerritoryApi);
        ReplyEndpoints.Map(endpoints.Api);
    }

    public async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await DemoMeetings.SeedAsync(services, cancellationToken);
        await Modes.DemoModes.SeedAsync(services, cancellationToken);
        await Agreements.DemoAgreements.SeedAsync(services, cancellationToken);
    }
}

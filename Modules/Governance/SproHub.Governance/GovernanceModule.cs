using Microsoft.Extensions.DependencyInjection;
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
    public const string InvitationKind = "governance.meeting-invitation";
    public const string MinutesKind = "governance.minutes-published";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Gouvernance",
        Version = new Version(1, 0, 0),
        DependsOn = ["network"],
        Description = "Réunions du réseau (invitations, émargement, comptes rendus, actions) et conventions.",
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter les réunions, comptes rendus et conventions du territoire", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(ManageMeetingsPermission, "Organiser les réunions du territoire (invitations, émargement, compte rendu, actions)", [SproRoles.TerritoryCoordinator]),
        ],
        Navigation = [new NavigationEntry("Réunions", "reunions", ReadPermission, Order: 20)],
        Notifications =
        [
            new NotificationKindDeclaration(InvitationKind, "Invitations aux réunions du réseau"),
            new NotificationKindDeclaration(MinutesKind, "Comptes rendus de réunion publiés"),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<GovernanceDbContext>(context);
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
        ReplyEndpoints.Map(endpoints.Api);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => DemoMeetings.SeedAsync(services, cancellationToken);
}

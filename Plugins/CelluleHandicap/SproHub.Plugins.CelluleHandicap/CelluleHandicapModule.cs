using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.CelluleHandicap.Concertation;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Reporting;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;

namespace SproHub.Plugins.CelluleHandicap;

/// <summary>
/// Cellule Handicap Jeunes: partners meet four times a year on the situations of young people with a disability at risk
/// of breaking their path. A territory role opens the cell's pages; only the prescriber and the partners attending a
/// published agenda read a young person's situation (<see cref="SituationAccess"/>).
/// </summary>
public sealed class CelluleHandicapModule : IModule
{
    public const string Id = "cellule";
    /// <summary>The cell's calendar, counts and reports.</summary>
    public const string ReadPermission = "cellule.read";
    /// <summary>Submit situations and act as a partner; what a partner may read is then decided per situation.</summary>
    public const string TakePartPermission = "cellule.take-part";
    /// <summary>The partners, their representatives and rules; never the situations.</summary>
    public const string ManagePermission = "cellule.manage";
    public const string AgendaKind = "cellule.ordre-du-jour";
    public const string SituationKind = "cellule.situations";

    public static class Indicators
    {
        public const string Submitted = "situations-submitted";
        public const string Examined = "situations-examined";
        public const string Followed = "situations-followed";
        public const string SolutionsFound = "solutions-found";
        public const string DaysToFirstExamination = "days-to-first-examination";
        public const string FollowUpsOnTime = "follow-ups-on-time";
    }

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Cellule Handicap Jeunes",
        Version = SharedContract.ThreeParts(typeof(CelluleHandicapModule).Assembly.GetName().Version!),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["consentement.retire"] = "Consentement au partage d'une situation retiré",
            ["partenaire.ajoute"] = "Partenaire de la cellule ajouté",
            ["partenaire.modifie"] = "Partenaire de la cellule modifié",
            ["representant.ajoute"] = "Représentant d'un partenaire ajouté",
            ["representant.retire"] = "Représentant d'un partenaire retiré",
            ["seance.prevue"] = "Concertation prévue",
            ["seance.present"] = "Présence annoncée à une concertation",
            ["seance.absent"] = "Absence annoncée à une concertation",
            ["ordre-du-jour.situation-acceptee"] = "Situation inscrite à l'ordre du jour",
            ["ordre-du-jour.envoye"] = "Ordre du jour envoyé",
            ["ordre-du-jour.envoye-a-la-date-limite"] = "Ordre du jour envoyé à la date limite",
            ["situation.deposee"] = "Situation présentée à la cellule",
            ["situation.lue"] = "Situation consultée",
            ["situation.apport"] = "Apport à une situation",
            ["situation.examinee"] = "Situation examinée",
            ["situation.point"] = "Point sur une situation",
            ["situation.close"] = "Situation close",
            ["problematique.signalee"] = "Problématique signalée",
            ["tableau-des-cas.exporte"] = "Tableau des cas exporté",
        },
        Description = "Concertations entre partenaires sur la situation de jeunes de 16 à 30 ans en situation de handicap, avec consentement, ordre du jour, décisions et suivi.",
        TerritoryHomePartial = "/Home/Pages/_TerritorySummary.cshtml",
        DemoTerritories = ["cher", "orleans"],
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter le calendrier et le bilan de la cellule", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(TakePartPermission, "Présenter des situations et participer à la cellule", [SproRoles.StructureMember]),
            new PermissionDeclaration(ManagePermission, "Gérer les partenaires de la cellule", [SproRoles.TerritoryCoordinator]),
        ],
        Indicators =
        [
            new IndicatorDeclaration(Indicators.Submitted, "Situations présentées à la cellule", "situations") { CountsPeople = true },
            new IndicatorDeclaration(Indicators.Examined, "Situations examinées en concertation", "situations") { CountsPeople = true },
            new IndicatorDeclaration(Indicators.Followed, "Situations suivies (point de situation donné)", "situations") { CountsPeople = true },
            new IndicatorDeclaration(Indicators.SolutionsFound, "Solutions trouvées", "situations") { CountsPeople = true },
            new IndicatorDeclaration(Indicators.DaysToFirstExamination, "Délai moyen entre le dépôt et le premier examen", "jours") { AverageOver = Indicators.Examined },
            new IndicatorDeclaration(Indicators.FollowUpsOnTime, "Points de situation donnés à temps", "points") { CountsPeople = true },
        ],
        Navigation =
        [
            new NavigationEntry("Cellule Handicap Jeunes", "cellule", ReadPermission, Order: 40),
            new NavigationEntry("Séances de la cellule", "cellule/seances", ReadPermission, Order: 41),
        ],
        Notifications =
        [
            new NotificationKindDeclaration(AgendaKind, "Cellule Handicap Jeunes : ordres du jour des concertations"),
            new NotificationKindDeclaration(SituationKind, "Cellule Handicap Jeunes : situations déposées, retirées"),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<CelluleHandicapDbContext>(context);
        // Resolved with the host's final configuration (tests and deployments set the data folder or the key late).
        services.AddSingleton(sp => new SensitiveData(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<SproHub.Shared.Jobs.IMaintenanceCommand, RotateKey>();
        services.AddScoped<CellMembership>();
        services.AddScoped<SituationAccess>();
        services.AddScoped<AgendaPlanner>();
        services.AddScoped<AgendaSender>();
        services.AddScoped<RetentionPurge>();
        services.AddHostedService<CellJobs>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        PartnerEndpoints.Map(endpoints.TerritoryApi);
        SessionEndpoints.Map(endpoints.TerritoryApi);
        SituationEndpoints.Map(endpoints.TerritoryApi);
        ConcertationEndpoints.Map(endpoints.TerritoryApi);
        ReportingEndpoints.Map(endpoints.TerritoryApi);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoCell.SeedAsync(services, cancellationToken);
}

using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Demo;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Plugins.ClipContests.Gallery;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Data;
using SproHub.Shared.Modularity;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;

namespace SproHub.Plugins.ClipContests;

/// <summary>
/// Clip contests (« Clip moi un métier », Châteaudun; job videos, Bourges): teams of young people and adults film a
/// job of their territory, the clips are screened, a jury awards the best three, every participant gets a certificate
/// and the public gallery counts the views.
/// </summary>
public sealed class ClipContestsModule : IModule
{
    public const string Id = "clips";
    /// <summary>The editions, their teams (names and counts) and their clips.</summary>
    public const string ReadPermission = "clips.read";
    /// <summary>Register a team and lead it; what a lead may change is then decided per team (<see cref="TeamAccess"/>).</summary>
    public const string LeadTeamPermission = "clips.teams";
    /// <summary>Run the edition: calendar, partners, publication, screening, jury.</summary>
    public const string ManagePermission = "clips.manage";
    /// <summary>Enter an edition's jury; being one of its members is then checked (<see cref="Jury.JuryAccess"/>).</summary>
    public const string JuryPermission = "clips.jury";
    /// <summary>The role a juror from outside the network receives with the invitation.</summary>
    public const string JuryRole = "clips-juror";
    public const string JuryKind = "clips.jury";

    public static class Indicators
    {
        public const string Teams = "teams-registered";
        public const string Participants = "participants";
        public const string ClipsPublished = "clips-published";
        public const string Views = "clip-views";
        public const string Attendance = "screening-attendance";
        public const string Answers = "questionnaire-answers";
        public const string Satisfied = "questionnaire-satisfied";
    }

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        DisplayName = "Concours de clips métiers",
        Version = SharedContract.ThreeParts(typeof(ClipContestsModule).Assembly.GetName().Version!),
        // The audit codes it writes, as the journal shows them.
        AuditActions = new Dictionary<string, string>
        {
            ["competences.choisies"] = "Compétences d'une équipe choisies pour l'attestation",
            ["edition.ouverte"] = "Édition ouverte",
            ["edition.modifiee"] = "Édition modifiée",
            ["equipe.inscrite"] = "Équipe inscrite",
            ["equipe.consultee"] = "Fiche d'une équipe consultée",
            ["participant.ajoute"] = "Participant ajouté à une équipe",
            ["participant.retire"] = "Participant retiré d'une équipe",
            ["projet.modifie"] = "Projet d'une équipe modifié",
            ["autorisation.deposee"] = "Autorisation de tournage déposée",
            ["clip.decrit"] = "Clip décrit",
            ["clip.video"] = "Vidéo d'un clip déposée",
            ["clip.poster"] = "Affiche d'un clip déposée",
            ["clip.subtitles"] = "Sous-titres d'un clip déposés",
            ["clip.publie"] = "Clip publié dans la galerie",
            ["clip.retire"] = "Clip retiré de la galerie",
            ["projection.prevue"] = "Projection prévue",
            ["projection.frequentation"] = "Fréquentation d'une projection enregistrée",
            ["grille.modifiee"] = "Grille d'évaluation modifiée",
            ["jure.invite"] = "Juré invité",
            ["jure.conflit-declare"] = "Conflit d'intérêts déclaré par un juré",
            ["jure.note"] = "Notes d'un juré enregistrées",
            ["jury.clos"] = "Délibération du jury close",
            ["palmares.confirme"] = "Palmarès confirmé",
        },
        Description = "Des équipes de jeunes et d'adultes filment un métier du territoire ; projection, jury, prix, attestations d'expérience et galerie publique.",
        DemoTerritories = ["chateaudun-nogent", "cher"],
        Permissions =
        [
            new PermissionDeclaration(ReadPermission, "Consulter les éditions du concours de clips", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(LeadTeamPermission, "Inscrire et encadrer une équipe du concours de clips", [SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(JuryPermission, "Siéger au jury du concours de clips", [JuryRole, SproRoles.TerritoryCoordinator, SproRoles.StructureMember]),
            new PermissionDeclaration(ManagePermission, "Piloter le concours de clips (édition, publication, projection, jury)", [SproRoles.TerritoryCoordinator]),
        ],
        Indicators =
        [
            new IndicatorDeclaration(Indicators.Teams, "Équipes inscrites au concours de clips", "équipes"),
            new IndicatorDeclaration(Indicators.Participants, "Participants au concours de clips", "personnes") { CountsPeople = true },
            new IndicatorDeclaration(Indicators.ClipsPublished, "Clips publiés dans la galerie", "clips"),
            new IndicatorDeclaration(Indicators.Views, "Vues des clips (une par personne et par jour)", "vues"),
            new IndicatorDeclaration(Indicators.Attendance, "Spectateurs des projections", "personnes"),
            new IndicatorDeclaration(Indicators.Answers, "Réponses au questionnaire de la remise des prix", "réponses"),
            new IndicatorDeclaration(Indicators.Satisfied, "Réponses satisfaites (4 ou 5 sur 5) au questionnaire", "réponses"),
        ],
        Notifications = [new NotificationKindDeclaration(JuryKind, "Concours de clips : jury et palmarès")],
        Navigation =
        [
            new NavigationEntry("Concours de clips", "clips", ReadPermission, Order: 45),
            new NavigationEntry("Clips métiers", "clips/galerie", Order: 46),
        ],
    };

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<ClipContestsDbContext>(context);
        services.AddScoped<TeamAccess>();
        services.AddScoped<ClipFiles>();
        services.AddScoped<Jury.JuryAccess>();
    }

    public void MapEndpoints(ModuleEndpoints endpoints)
    {
        EditionEndpoints.Map(endpoints.TerritoryApi);
        TeamEndpoints.Map(endpoints.TerritoryApi);
        ClipEndpoints.Map(endpoints.TerritoryApi);
        Jury.JuryEndpoints.Map(endpoints.TerritoryApi);
        Screening.ScreeningEndpoints.Map(endpoints.TerritoryApi);
        Certificates.CertificateEndpoints.Map(endpoints.TerritoryApi);
        GalleryEndpoints.Map(endpoints.TerritoryApi, endpoints.Root);
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoContest.SeedAsync(services, cancellationToken);
}

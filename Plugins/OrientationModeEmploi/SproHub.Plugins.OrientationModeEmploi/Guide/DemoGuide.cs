using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Plugins.OrientationModeEmploi.Sheets;
using SproHub.Plugins.OrientationModeEmploi.Themes;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Guide;

/// <summary>
/// A guide for Indre-et-Loire in the spirit of the one its structures built together: frequent questions
/// by theme, answered by the demo structures of the territory. Contacts are invented. Idempotent.
/// </summary>
internal static class DemoGuide
{
    public const string Territory = "indre-et-loire";

    // Structures are named "<type> de <town>" in the demo network.
    private const string MlTours = "Mission Locale de Tours", Cio = "CIO de Tours", BijTours = "BIJ de Tours", PoleEmploi = "France Travail de Tours",
        CapEmploi = "Cap emploi de Tours", Cma = "Chambre de métiers et de l'artisanat (CAD) de Tours", Cci = "CCI de Tours", PrcVae = "PRC-VAE de Tours",
        Apec = "Apec de Tours", Fongecif = "Fongecif de Tours";

    private static readonly (string Theme, (string Text, string Keywords, string[] Principal, string[] Secondary)[] Questions)[] Guide =
    [
        ("Orientation et scolarité",
        [
            ("Je ne sais pas quel métier choisir : qui peut m'aider ?", "orientation projet professionnel découverte des métiers", [Cio, MlTours], [BijTours]),
            ("Je veux reprendre mes études ou changer de filière", "décrochage raccrochage lycée université réorientation", [Cio], [MlTours]),
        ]),
        ("Formation et alternance",
        [
            ("Comment trouver un contrat d'apprentissage ?", "alternance apprenti contrat de professionnalisation employeur", [Cma, Cci], [MlTours, PoleEmploi]),
            ("Je suis salarié et je veux me former", "CPF compte personnel de formation congé reconversion", [Fongecif], [Apec]),
        ]),
        ("Emploi",
        [
            ("Je cherche un emploi", "travail inscription demandeur d'emploi CV offres", [PoleEmploi], [MlTours, Apec]),
            ("J'ai moins de 26 ans et je cherche un emploi ou une formation", "jeune garantie jeunes accompagnement", [MlTours], [PoleEmploi, BijTours]),
            ("Je suis cadre et je veux changer de poste", "cadre évolution mobilité bilan", [Apec], [PoleEmploi]),
        ]),
        ("Handicap",
        [
            ("J'ai un handicap et je cherche un emploi", "RQTH travailleur handicapé reconnaissance maladie", [CapEmploi], [PoleEmploi, MlTours]),
        ]),
        ("Expérience et création d'activité",
        [
            ("Comment faire reconnaître mon expérience par un diplôme ?", "VAE validation des acquis certification", [PrcVae], [Fongecif]),
            ("Je veux créer ou reprendre une entreprise", "création reprise micro-entreprise auto-entrepreneur artisan commerce", [Cci, Cma], [PoleEmploi]),
        ]),
        ("Vie quotidienne",
        [
            ("Je cherche un logement ou une aide pour passer le permis", "mobilité permis de conduire logement aide financière", [MlTours], [BijTours]),
        ]),
    ];

    private static readonly (string Structure, string Answer, string Modalities, string Contact)[] Sheets =
    [
        (Cio, "Information sur les études, les diplômes et les métiers ; entretiens de conseil en orientation pour les élèves, les étudiants et leurs familles, et pour les jeunes sortis du système scolaire.",
            "Avec ou sans rendez-vous du lundi au vendredi ; pendant les vacances scolaires, sur rendez-vous.", "02 47 00 00 10 — cio.tours@exemple.fr"),
        (MlTours, "Accompagnement des 16-25 ans sortis de l'école : projet professionnel, formation, emploi, et aussi logement, santé, mobilité.",
            "Premier accueil sans rendez-vous le matin ; un conseiller référent ensuite.", "02 47 00 00 20 — accueil@ml-tours.exemple.fr"),
        (PoleEmploi, "Inscription comme demandeur d'emploi, offres d'emploi, conseil et financement de formations.",
            "Inscription en ligne, puis rendez-vous avec un conseiller ; accueil libre le matin.", "3949 — france-travail.exemple.fr"),
        (CapEmploi, "Accompagnement vers l'emploi des personnes handicapées et conseil aux employeurs ; maintien dans l'emploi.",
            "Sur rendez-vous, pour les personnes ayant une reconnaissance de travailleur handicapé (ou en cours).", "02 47 00 00 40 — capemploi37.exemple.fr"),
        (PrcVae, "Information et conseil sur la validation des acquis de l'expérience : quel diplôme viser, quelles étapes, quels financements.",
            "Réunions d'information collectives chaque mois, puis entretien individuel.", "02 47 00 00 50 — vae.exemple.fr"),
        (Cma, "Apprentissage dans l'artisanat (recherche d'employeur, contrat), création et reprise d'entreprise artisanale.",
            "Sur rendez-vous ; permanences apprentissage le mercredi après-midi.", "02 47 00 00 60 — cma37.exemple.fr"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var territory = await services.GetRequiredService<ITerritoryDirectory>().FindAsync(Territory, cancellationToken);
        if (territory is null) return;
        services.GetRequiredService<ITerritoryContext>().Enter(territory);
        var db = services.GetRequiredService<OrientationModeEmploiDbContext>();
        if (await db.Themes.AnyAsync(cancellationToken)) return;

        var structures = (await services.GetRequiredService<IStructureDirectory>().ListAsync(Territory, cancellationToken)).ToDictionary(s => s.Name, s => s.Id);
        var ids = structures.Values.ToHashSet();
        var position = 0;
        foreach (var (themeName, questions) in Guide)
        {
            var theme = new Theme { TerritoryId = Territory, Name = themeName, Position = ++position };
            db.Themes.Add(theme);
            foreach (var (text, keywords, principal, secondary) in questions)
            {
                var question = new Question { TerritoryId = Territory, ThemeId = theme.Id };
                question.Describe(text, keywords);
                question.SetAnswerers(principal.Select(n => (structures[n], AnswererRole.Principal)).Concat(secondary.Select(n => (structures[n], AnswererRole.Secondary))).ToList(), ids);
                db.Questions.Add(question);
            }
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (structure, answer, modalities, contact) in Sheets)
            db.Sheets.Add(new StructureSheet { TerritoryId = Territory, StructureId = structures[structure], Answer = answer, Modalities = modalities, Contact = contact, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }
}

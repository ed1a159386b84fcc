using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Plugins.ClipContests.Jury;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Files;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Demo;

/// <summary>
/// Châteaudun's « Clip moi un métier » and Cher's job videos of the year, registrations open, with two invented teams
/// led by the territory's demo member; Châteaudun's edition of last year is over, its prizes given. Idempotent.
/// </summary>
internal static class DemoContest
{
    public static readonly string[] SeedThemes = ["Égalité entre les femmes et les hommes", "Alternance", "Lutte contre les discriminations"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<ITerritoryDirectory>();
        var today = ParisTime.Today(services.GetRequiredService<TimeProvider>());
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (slug, title) in new[] { ("chateaudun-nogent", "Clip moi un métier"), ("cher", "Vidéos métiers") })
        {
            using var scope = services.CreateScope();
            var territory = await directory.FindAsync(slug, cancellationToken);
            if (territory is null) continue;
            scope.ServiceProvider.GetRequiredService<ITerritoryContext>().Enter(territory);
            var db = scope.ServiceProvider.GetRequiredService<ClipContestsDbContext>();
            if (await db.Editions.AnyAsync(cancellationToken)) continue;
            var structures = await scope.ServiceProvider.GetRequiredService<IStructureDirectory>().ListAsync(slug, cancellationToken);
            var partners = structures.Select(s => new EditionPartner { StructureId = s.Id, StructureName = s.Name, Role = RoleOf(s.Type) }).ToList();
            if (slug == "chateaudun-nogent") await SeedLastYearAsync(db, scope.ServiceProvider, slug, partners, today, cancellationToken);
            var edition = Edition.Open(slug, today.Year, title, SeedThemes,
                new Calendar(today.AddDays(30), today.AddDays(90), today.AddDays(120), today.AddDays(130), today.AddDays(145)), partners, "données de démonstration");
            db.Editions.Add(edition);
            var youth = partners.FirstOrDefault(p => p.Role == PartnerRole.FormsYouthTeams);
            if (youth is not null)
            {
                var lead = $"membre@{slug}.demo";
                db.Teams.Add(Team.Register(edition.Id, slug, "Les Objectifs", youth.StructureId, youth.StructureName, lead, "Membre d'une structure (démo)",
                    [new("Lina", "Exemple", today.AddYears(-17), "Sophie Exemple", today.AddDays(-3)), new("Noah", "Fictif", today.AddYears(-19), null, null),
                     new("Jade", "Modèle", today.AddYears(-18).AddDays(-40), null, null)], today, now));
                db.Teams.Add(Team.Register(edition.Id, slug, "Plan séquence", youth.StructureId, youth.StructureName, lead, "Membre d'une structure (démo)",
                    [new("Adam", "Démo", today.AddYears(-20), null, null), new("Léa", "Essai", today.AddYears(-21), null, null),
                     new("Hugo", "Témoin", today.AddYears(-16), "Marc Témoin", today.AddDays(-5)), new("Manon", "Factice", today.AddYears(-22), null, null)], today, now));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Last year's edition, over: two clips (hosted elsewhere, with their posters and permissions) published and screened
    /// at the cinema, the prizes given, so that the gallery and the certificates have something to show.
    /// </summary>
    private static async Task SeedLastYearAsync(ClipContestsDbContext db, IServiceProvider services, string slug, List<EditionPartner> partners, DateOnly today,
        CancellationToken cancellationToken)
    {
        var year = today.Year - 1;
        var store = services.GetRequiredService<IFileStore>();
        var edition = Edition.Open(slug, year, "Clip moi un métier", SeedThemes,
            new Calendar(new DateOnly(year, 1, 31), new DateOnly(year, 3, 31), new DateOnly(year, 4, 30), new DateOnly(year, 5, 10), new DateOnly(year, 5, 24)),
            partners, "données de démonstration");
        db.Editions.Add(edition);
        var registered = new DateTimeOffset(year, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));
        var clips = new List<(Team Team, Clip Clip)>();
        foreach (var (name, job, theme, colour, structure) in new[]
        {
            ("Les Objectifs", "Pâtissière", "Égalité entre les femmes et les hommes", (byte)200, PartnerRole.FormsYouthTeams),
            ("Plan séquence", "Apprenti mécanicien", "Alternance", (byte)40, PartnerRole.FederatesSchools),
        })
        {
            var partner = partners.FirstOrDefault(p => p.Role == structure);
            if (partner is null) continue;
            var team = Team.Register(edition.Id, slug, name, partner.StructureId, partner.StructureName, $"membre@{slug}.demo", "Membre d'une structure (démo)",
                [new("Inès", "Exemple", new DateOnly(year - 19, 3, 2), null, null), new("Tom", "Fictif", new DateOnly(year - 20, 6, 9), null, null),
                 new("Maëva", "Modèle", new DateOnly(year - 22, 11, 20), null, null)], new DateOnly(year, 1, 15), registered);
            (team.Project.Job, team.Project.Theme, team.Project.FilmedPerson, team.Project.Workplace) = (job, theme, "Personne filmée (démo)", "Entreprise de démonstration");
            foreach (var kind in Enum.GetValues<PermissionKind>())
            {
                var sheet = "%PDF-1.4\n% autorisation de démonstration\n%%EOF\n"u8.ToArray();
                var stored = await store.SaveAsync(new MemoryStream(sheet), $"autorisation-{kind}.pdf".ToLowerInvariant(), sheet.Length, FileContentTypes.ScannedDocument, "document", cancellationToken);
                team.Permissions.Add(new FilmingPermission { TeamId = team.Id, Kind = kind, SignedBy = "Personne filmée (démo)", SignedOn = new DateOnly(year, 2, 10),
                    Document = AttachedFile.From(stored), RecordedAt = registered.AddDays(26), RecordedBy = "données de démonstration" });
            }
            var poster = DemoPoster.Png(colour, 90, (byte)(255 - colour));
            var clip = Clip.For(team.Id, edition.Id, slug);
            clip.Description = $"Une journée avec une personne qui exerce le métier de {job.ToLowerInvariant()} : ses gestes, son parcours, ses conseils.";
            clip.VideoLink = $"https://video.exemple.fr/clips/{year}/{name.ToLowerInvariant().Replace(' ', '-').Replace("é", "e")}";
            clip.Attach(ClipFileKind.Poster, AttachedFile.From(await store.SaveAsync(new MemoryStream(poster), "affiche.png", poster.Length, [FileContentTypes.Png], "poster", cancellationToken)));
            (clip.SubmittedAt, clip.PublishedAt) = (registered.AddDays(100), registered.AddDays(110));
            team.Clip = clip;
            db.Teams.Add(team);
            clips.Add((team, clip));
        }
        var screening = Screening.Screening.For(edition.Id, slug);
        screening.StartsAt = new DateTime(year, 5, 24, 18, 30, 0);
        screening.Venue = "Cinéma de Châteaudun";
        screening.Programme = clips.Select(c => c.Clip.Id).ToList();
        screening.RecordAttendance(180, new DateTime(year, 5, 24, 22, 0, 0));
        db.Screenings.Add(screening);
        edition.CloseJury(new DateTimeOffset(year, 5, 24, 21, 0, 0, TimeSpan.FromHours(2)), new DateOnly(year, 5, 24));
        edition.ConfirmPrizes(clips.Select((c, i) => new Prize { Rank = i + 1, ClipId = c.Clip.Id, TeamId = c.Team.Id, TeamName = c.Team.Name, Score = 15.5m - 2 * i }),
            new DateTimeOffset(year, 5, 24, 21, 30, 0, TimeSpan.FromHours(2)));
    }

    private static PartnerRole RoleOf(string type) => type switch
    {
        "CIO" => PartnerRole.FederatesSchools,
        "Mission Locale" => PartnerRole.FormsYouthTeams,
        "Pôle emploi" or "France Travail" => PartnerRole.FormsAdultTeam,
        "Cap emploi" => PartnerRole.FormsTrainingTeam,
        "BIJ" or "PIJ" => PartnerRole.LendsRoomsAndEquipment,
        _ => PartnerRole.Other,
    };
}

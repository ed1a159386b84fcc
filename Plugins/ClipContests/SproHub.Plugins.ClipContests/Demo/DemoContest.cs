using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Demo;

/// <summary>
/// Châteaudun's « Clip moi un métier » and Cher's job videos of the year, registrations open, with two invented teams
/// led by the territory's demo member. Idempotent.
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

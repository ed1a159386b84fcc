using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Notes;

/// <summary>Two notes in the demo territory, so that a newcomer sees the page filled. Idempotent.</summary>
internal static class DemoNotes
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var territory = await services.GetRequiredService<ITerritoryDirectory>().FindAsync("indre-et-loire", cancellationToken);
        if (territory is null) return;
        services.GetRequiredService<ITerritoryContext>().Enter(territory);
        var db = services.GetRequiredService<OrientationModeEmploiDbContext>();
        if (await db.Notes.AnyAsync(cancellationToken)) return;
        var today = ParisTime.Today(services.GetRequiredService<TimeProvider>());
        db.Notes.Add(Note.Record(territory.Slug, today.AddDays(-14), "Lancement de l'initiative", "Réunion de lancement avec les structures du territoire.", "données de démonstration", today));
        db.Notes.Add(Note.Record(territory.Slug, today.AddDays(-3), "Premier bilan", "Point d'étape en réunion plénière.", "données de démonstration", today));
        await db.SaveChangesAsync(cancellationToken);
    }
}

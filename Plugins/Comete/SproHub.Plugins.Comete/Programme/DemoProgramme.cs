using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Series;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Programme;

/// <summary>
/// The five shows of 2015 in Loir-et-Cher (industry; agriculture; wood, construction and energy;
/// hotels and restaurants; retail) and one upcoming show. Guests are invented people.
/// </summary>
internal static class DemoProgramme
{
    public const string Territory = "loir-et-cher";

    private static readonly (string Sector, DateOnly Date, (string Name, GuestRole Role, string Organisation)[] Guests)[] Shows2015 =
    [
        ("Industrie", new(2015, 3, 10), [("Paul Lemaire", GuestRole.Employer, "Atelier de mécanique de précision, Vendôme"), ("Sarah Coste", GuestRole.Employee, "Technicienne de maintenance"), ("Marc Delorme", GuestRole.ProfessionalBranch, "UIMM Loir-et-Cher")]),
        ("Agriculture", new(2015, 4, 14), [("Jeanne Perrot", GuestRole.Employer, "Exploitation céréalière, Beauce"), ("Thomas Gilet", GuestRole.Employee, "Salarié agricole"), ("Hélène Barbier", GuestRole.ProfessionalBranch, "Branche agricole du Loir-et-Cher")]),
        ("Bois, construction et énergie", new(2015, 5, 12), [("Éric Vasseur", GuestRole.Employer, "Entreprise de charpente, Romorantin"), ("Nadia Bensaïd", GuestRole.Employee, "Conductrice de travaux"), ("Luc Morand", GuestRole.ProfessionalBranch, "Fédération du bâtiment 41")]),
        ("Hôtellerie et restauration", new(2015, 10, 6), [("Claire Dumont", GuestRole.Employer, "Hôtel-restaurant, Blois"), ("Kevin Roux", GuestRole.Employee, "Commis de cuisine"), ("Gérard Lefèvre", GuestRole.ProfessionalBranch, "Branche de l'hôtellerie-restauration 41")]),
        ("Commerce et vente", new(2015, 11, 17), [("Isabelle Noël", GuestRole.Employer, "Magasin de sport, Blois"), ("Yanis Ferrand", GuestRole.Employee, "Vendeur conseil"), ("Agnès Pruvost", GuestRole.ProfessionalBranch, "Branche du commerce de détail")]),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var territory = await services.GetRequiredService<ITerritoryDirectory>().FindAsync(Territory, cancellationToken);
        if (territory is null) return;
        services.GetRequiredService<ITerritoryContext>().Enter(territory);
        var db = services.GetRequiredService<CometeDbContext>();
        if (await db.Series.AnyAsync(cancellationToken)) return;

        var clock = services.GetRequiredService<TimeProvider>();
        var series = new ShowSeries { TerritoryId = Territory, Name = "COMETE — Communication Orientation Métiers et Emploi", Station = "Plus FM (radio locale du Loir-et-Cher)" };
        db.Series.Add(series);
        var seededAt = clock.GetUtcNow();
        foreach (var (sector, date, guests) in Shows2015)
        {
            var show = new Show { SeriesId = series.Id, TerritoryId = Territory, Sector = sector, Date = date, StartTime = series.SlotStart, EndTime = series.SlotEnd };
            show.AddGuest(new Guest { Name = "Lucie Marchand", Role = GuestRole.Coordinator, Organisation = "Mission Locale du Blaisois" });
            foreach (var (name, role, organisation) in guests) show.AddGuest(new Guest { Name = name, Role = role, Organisation = organisation });
            show.SetRunningOrder(
            [
                new Segment { Kind = SegmentKind.KeyFigures, Title = $"Le secteur {sector.ToLowerInvariant()} en chiffres dans le Loir-et-Cher", Minutes = 10 },
                new Segment { Kind = SegmentKind.Testimony, Title = "Témoignage de l'employeur", Minutes = 20 },
                new Segment { Kind = SegmentKind.Testimony, Title = "Témoignage du salarié", Minutes = 20 },
                new Segment { Kind = SegmentKind.Other, Title = "Se former et trouver un emploi dans le secteur", Minutes = 10 },
            ]);
            show.Confirm();
            show.MarkBroadcast();
            show.Replay = new Replay { ShowId = show.Id, Url = $"https://replay.example.org/comete/{date:yyyy-MM-dd}", AvailableUntil = date.AddDays(42) };
            show.Record("Émission diffusée (reprise de l'historique 2015)", "données de démonstration", seededAt);
            db.Shows.Add(show);
        }
        var today = ParisTime.Today(clock);
        var next = today.AddDays(21);
        while (!ShowSeries.IsWeekday(next)) next = next.AddDays(1);
        var upcoming = new Show { SeriesId = series.Id, TerritoryId = Territory, Sector = "Transport et logistique", Date = next, StartTime = series.SlotStart, EndTime = series.SlotEnd };
        upcoming.AddGuest(new Guest { Name = "Lucie Marchand", Role = GuestRole.Coordinator, Organisation = "Mission Locale du Blaisois" });
        upcoming.AddGuest(new Guest { Name = "Bruno Carré", Role = GuestRole.Employer, Organisation = "Entreprise de transport routier, Blois" });
        upcoming.Record("Émission programmée", "données de démonstration", seededAt);
        db.Shows.Add(upcoming);
        for (var i = 0; i < 55; i++)
            db.SpotBroadcasts.Add(new SpotBroadcast { SeriesId = series.Id, TerritoryId = Territory, BroadcastAt = new DateTimeOffset(2015, 3, 2, 7, 30, 0, TimeSpan.FromHours(1)).AddDays(i * 4) });
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.Comete;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Series;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Data;

namespace SproHub.Bench;

/// <summary>A weekly show in each of the 13 territories for ten years (nine past, one ahead), with guests and replays.</summary>
internal static class TenYearsOfShows
{
    public static readonly string[] Territories =
        ["cher", "chartres", "dreux", "chateaudun-nogent", "chateauroux", "issoudun", "le-blanc", "la-chatre", "indre-et-loire", "loir-et-cher", "orleans", "montargis-gien", "pithiviers"];

    private static readonly string[] Sectors = ["Industrie", "Agriculture", "Bois et construction", "Hôtellerie", "Commerce", "Santé", "Numérique", "Transport"];

    public static int Seed(string connectionString)
    {
        var options = new DbContextOptionsBuilder<CometeDbContext>();
        ModuleDbContextRegistration.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, connectionString), CometeModule.Id);
        using var db = new CometeDbContext(options.Options, new NoTerritory());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = DateOnly.FromDateTime(DateTime.Today).AddYears(-9);
        var count = 0;
        foreach (var territory in Territories)
        {
            var series = new ShowSeries { TerritoryId = territory, Name = $"Émissions métiers — {territory}", Station = $"Radio locale {territory}", Version = 1 };
            db.Series.Add(series);
            for (var week = 0; week < 52 * 10; week++)
            {
                var date = start.AddDays(week * 7);
                while (!ShowSeries.IsWeekday(date)) date = date.AddDays(1);
                var past = date < DateOnly.FromDateTime(DateTime.Today);
                var show = new Show
                {
                    SeriesId = series.Id, TerritoryId = territory, Sector = Sectors[week % Sectors.Length], Date = date,
                    StartTime = series.SlotStart, EndTime = series.SlotEnd, State = past ? ShowState.Broadcast : ShowState.Planned, Version = 1,
                    Guests =
                    [
                        new Guest { Name = "Coordonnateur", Role = GuestRole.Coordinator },
                        new Guest { Name = "Employeur", Role = GuestRole.Employer, Organisation = "Entreprise" },
                        new Guest { Name = "Salarié", Role = GuestRole.Employee },
                    ],
                    RunningOrder =
                    [
                        new Segment { Kind = SegmentKind.KeyFigures, Title = "Chiffres clés", Minutes = 10, Position = 0 },
                        new Segment { Kind = SegmentKind.Testimony, Title = "Témoignages", Minutes = 40, Position = 1 },
                    ],
                };
                if (past) show.Replay = new Replay { ShowId = show.Id, Url = $"https://replay.example.org/{territory}/{date:yyyy-MM-dd}", AvailableUntil = date.AddDays(42) };
                db.Shows.Add(show);
                count++;
            }
        }
        db.SaveChanges();
        return count;
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Data;
using SproHub.Indicators.Facts;
using SproHub.Shared.Events;

namespace SproHub.Bench;

/// <summary>
/// A million events into the Indicators module's facts through its ingestor, in transactions of a thousand as a backlog
/// or a replay arrives: the plugins' counts over three years in the 13 local SPROs, and one meeting in a hundred.
/// </summary>
internal static class MillionEvents
{
    public const int Total = 1_000_000;
    public const int Batch = 1_000;
    public const int FirstYear = 2024;
    public const int Years = 3;
    private static readonly (string Module, string Code)[] Codes =
        [("comete", "shows-broadcast"), ("comete", "spot-broadcasts"), ("comete", "replay-views"), ("orientation-mode-emploi", "searches"), ("orientation-mode-emploi", "unanswered-searches")];

    public static async Task<(double Seconds, int Meetings)> IngestAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<IndicatorsDbContext>().UseSqlite(connectionString).Options;
        var start = new DateOnly(FirstYear, 1, 1);
        var meetings = 0;
        var watch = Stopwatch.StartNew();
        for (var offset = 0; offset < Total; offset += Batch)
        {
            var events = new List<IIntegrationEvent>(Batch);
            for (var i = offset; i < offset + Batch; i++)
            {
                var territory = TenYearsOfShows.Territories[i % TenYearsOfShows.Territories.Length];
                var day = start.AddDays(i / 1_000 % (365 * Years));
                if (i % 100 == 0)
                {
                    events.Add(new MeetingHeld(Guid.NewGuid(), DateTimeOffset.UtcNow, territory, Guid.NewGuid(), "LocalCommittee", $"Comité {i}", day, 15, 5 + i % 10));
                    meetings++;
                    continue;
                }
                var (module, code) = Codes[i % Codes.Length];
                events.Add(new IndicatorValueRecorded(Guid.NewGuid(), DateTimeOffset.UtcNow, module, code, territory, day, 1, $"source-{i}"));
            }
            await using var db = new IndicatorsDbContext(options);
            await new FactIngestor(db).IngestAsync(events, CancellationToken.None);
        }
        return (watch.Elapsed.TotalSeconds, meetings);
    }
}

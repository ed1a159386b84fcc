namespace SproHub.Bench;

/// <summary>
/// Today's tables' data, written once into a prepared database: ten years of shows, a network of 10,000 structures, ten years
/// of meetings and budgets, a million events into the indicators. Shared by the full run and the sections measured alone.
/// </summary>
internal static class BenchData
{
    public sealed record Volumes(int Shows, int Meetings, int Budgets, double IngestSeconds, int IngestedMeetings);

    public static async Task<Volumes> SeedAsync(string work)
    {
        var connection = $"Data Source={Path.Combine(work, "sprohub.db")}";
        var shows = TenYearsOfShows.Seed(connection);
        LargeNetwork.Seed(connection);
        var meetings = TenYearsOfMeetings.Seed(connection);
        var budgets = TenYearsOfBudgets.Seed(connection);
        Console.WriteLine("Un million d'événements vers les indicateurs…");
        var (ingestSeconds, ingestedMeetings) = await MillionEvents.IngestAsync(connection);
        return new Volumes(shows, meetings, budgets, ingestSeconds, ingestedMeetings);
    }
}

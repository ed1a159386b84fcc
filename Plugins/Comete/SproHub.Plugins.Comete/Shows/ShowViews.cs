namespace SproHub.Plugins.Comete.Shows;

public sealed record GuestView(Guid Id, string Name, GuestRole Role, string RoleLabel, string? Organisation);
public sealed record SegmentView(int Position, SegmentKind Kind, string KindLabel, string Title, int Minutes);
public sealed record HistoryView(DateTimeOffset At, string? Who, string What);
public sealed record ReplayView(string Url, DateOnly AvailableUntil, bool IsAvailable, bool IsDead, DateTimeOffset? LastCheckedAt, string? LastProblem, int Views);

/// <summary>A show as the API and the pages give it.</summary>
public sealed record ShowView(
    Guid Id, Guid SeriesId, string Sector, string? Title, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime,
    ShowState State, string StateLabel, int Version,
    IReadOnlyList<GuestView> Guests, IReadOnlyList<SegmentView> RunningOrder, ReplayView? Replay, IReadOnlyList<HistoryView> History)
{
    public static ShowView From(Show show, DateOnly today, bool withHistory = true) => new(
        show.Id, show.SeriesId, show.Sector, show.Title, show.Date, show.StartTime, show.EndTime,
        show.State, Show.Label(show.State), show.Version,
        show.Guests.OrderBy(g => g.Role).ThenBy(g => g.Name).Select(g => new GuestView(g.Id, g.Name, g.Role, Show.Label(g.Role), g.Organisation)).ToList(),
        show.RunningOrder.OrderBy(s => s.Position).Select(s => new SegmentView(s.Position, s.Kind, Show.Label(s.Kind), s.Title, s.Minutes)).ToList(),
        show.Replay is { } r ? new ReplayView(r.Url, r.AvailableUntil, r.AvailableUntil >= today && !r.IsDead, r.IsDead, r.LastCheckedAt, r.LastProblem, r.Views) : null,
        withHistory ? show.History.OrderBy(h => h.Id).Select(h => new HistoryView(h.At, h.Who, h.What)).ToList() : []);
}

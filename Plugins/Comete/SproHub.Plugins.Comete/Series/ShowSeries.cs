using SproHub.Shared.Data;

namespace SproHub.Plugins.Comete.Series;

/// <summary>A series of live shows with a local radio station, in a daily slot on weekdays (9:00-10:00 by default).</summary>
public sealed class ShowSeries : IVersioned
{
    public static readonly TimeOnly DefaultSlotStart = new(9, 0);
    public static readonly TimeOnly DefaultSlotEnd = new(10, 0);

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TerritoryId { get; set; }
    public required string Name { get; set; }
    public required string Station { get; set; }
    public TimeOnly SlotStart { get; set; } = DefaultSlotStart;
    public TimeOnly SlotEnd { get; set; } = DefaultSlotEnd;
    public int Version { get; set; }

    public static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool FitsSlot(TimeOnly start, TimeOnly end) => start >= SlotStart && end <= SlotEnd && start < end;
}

/// <summary>One broadcast of the series' 30-second spot.</summary>
public sealed class SpotBroadcast
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SeriesId { get; set; }
    public required string TerritoryId { get; set; }
    public DateTimeOffset BroadcastAt { get; set; }
    public string? Note { get; set; }
}

namespace SproHub.Shared.Territories;

/// <summary>The SPRO lives on French wall-clock time: dates people see and type are Paris dates.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}

using System.Globalization;
using SproHub.Shared.Data;

namespace SproHub.Network.Structures;

/// <summary>A place where a structure receives the public (its seat or an antenna), with its opening hours.</summary>
public sealed class ReceptionPoint : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid StructureId { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public required string Town { get; set; }
    public string? Phone { get; set; }
    public PublicServed Public { get; set; }
    public List<OpeningSlot> Hours { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>One opening range of one weekday (a day open morning and afternoon has two).</summary>
public sealed class OpeningSlot
{
    public Guid ReceptionPointId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

public static class OpeningHours
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Monday first, as the French week.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayName(DayOfWeek day) => French.DateTimeFormat.GetDayName(day);

    /// <summary>The first rule the slots break (field name, rule, French message), or null.</summary>
    public static (string Rule, string Message)? Check(IReadOnlyList<OpeningSlot> slots)
    {
        foreach (var slot in slots.Where(s => s.Opens >= s.Closes))
            return ("horaires-ordonnes", $"Le {DayName(slot.Day)}, l'ouverture ({Time(slot.Opens)}) doit précéder la fermeture ({Time(slot.Closes)}).");
        foreach (var day in slots.GroupBy(s => s.Day))
        {
            var ordered = day.OrderBy(s => s.Opens).ToList();
            for (var i = 1; i < ordered.Count; i++)
                if (ordered[i].Opens < ordered[i - 1].Closes)
                    return ("horaires-chevauchement", $"Le {DayName(day.Key)}, les plages {Time(ordered[i - 1].Opens)}–{Time(ordered[i - 1].Closes)} et {Time(ordered[i].Opens)}–{Time(ordered[i].Closes)} se chevauchent.");
        }
        return null;
    }

    /// <summary>"9 h – 12 h, 13 h 30 – 17 h" for each open day, Monday first.</summary>
    public static IReadOnlyList<(string Day, string Ranges)> Describe(IEnumerable<OpeningSlot> slots) =>
        slots.GroupBy(s => s.Day).OrderBy(g => Week.ToList().IndexOf(g.Key))
            .Select(g => (DayName(g.Key), string.Join(", ", g.OrderBy(s => s.Opens).Select(s => $"{Time(s.Opens)} – {Time(s.Closes)}")))).ToList();

    public static bool IsOpen(IEnumerable<OpeningSlot> slots, DateTime parisNow)
    {
        var time = TimeOnly.FromDateTime(parisNow);
        return slots.Any(s => s.Day == parisNow.DayOfWeek && s.Opens <= time && time < s.Closes);
    }

    /// <summary>Reads "09:00-12:00, 13:30-17:00" (what a form gives for one day); null when it cannot.</summary>
    public static List<(TimeOnly Opens, TimeOnly Closes)>? ParseDay(string? text)
    {
        var ranges = new List<(TimeOnly, TimeOnly)>();
        if (string.IsNullOrWhiteSpace(text)) return ranges;
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TryTime(bounds[0], out var opens) || !TryTime(bounds[1], out var closes)) return null;
            ranges.Add((opens, closes));
        }
        return ranges;
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Replace('h', ':').Replace("::", ":").TrimEnd(':'), ["H:mm", "HH:mm", "%H"], French, DateTimeStyles.None, out time);

    private static string Time(TimeOnly t) => t.Minute == 0 ? $"{t.Hour} h" : $"{t.Hour} h {t.Minute:00}";

    /// <summary>The form's text for one day, from the stored slots.</summary>
    public static string FormText(IEnumerable<OpeningSlot> slots, DayOfWeek day) =>
        string.Join(", ", slots.Where(s => s.Day == day).OrderBy(s => s.Opens).Select(s => $"{s.Opens:HH\\:mm}-{s.Closes:HH\\:mm}"));
}

using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.ClipContests.Screening;

/// <summary>The edition's screening (a cinema, an evening): its programme in order, then how many came.</summary>
public sealed class Screening : IVersioned
{
    public const int VenueMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EditionId { get; private set; }
    public string TerritoryId { get; private set; } = "";
    /// <summary>Paris local day and time (kept apart: a local time has no offset to store).</summary>
    public DateOnly Day { get; private set; }
    public TimeOnly Time { get; private set; }
    public DateTime StartsAt
    {
        get => Day.ToDateTime(Time);
        set => (Day, Time) = (DateOnly.FromDateTime(value), TimeOnly.FromDateTime(value));
    }
    public string Venue { get; set; } = "";
    /// <summary>The clips screened, in order.</summary>
    public List<Guid> Programme { get; set; } = [];
    public int? Attendance { get; set; }
    public int Version { get; set; }

    public static Screening For(Guid editionId, string territoryId) => new() { EditionId = editionId, TerritoryId = territoryId };

    /// <summary>The rule « frequentation »: counted once the screening has begun, a plausible number.</summary>
    public void RecordAttendance(int attendance, DateTime nowInParis)
    {
        if (nowInParis < StartsAt) throw new RuleViolationException("attendance", "projection-a-venir", "La fréquentation se note une fois la projection commencée.");
        if (attendance is < 0 or > 100_000) throw new RuleViolationException("attendance", "frequentation", "Indiquez le nombre de spectateurs (0 à 100 000).");
        Attendance = attendance;
    }
}

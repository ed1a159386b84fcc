using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.Comete.Shows;

public enum ShowState { Planned, Confirmed, Broadcast, Cancelled }

public enum GuestRole { Coordinator, Employer, Employee, ProfessionalBranch }

public enum SegmentKind { KeyFigures, Testimony, Other }

/// <summary>
/// One live show of a series: one economic sector, on a weekday within the series' slot. Seed 003 describes each show:
/// the project's coordinator, two or three professionals of the sector (at least an employer and an employee) and the
/// sector's professional branch; a few key figures, then mostly the professionals' testimonies.
/// </summary>
public sealed class Show : IVersioned
{
    /// <summary>Employers and employees; the coordinator and the branch come on top of them.</summary>
    public const int MaxProfessionals = 3;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SeriesId { get; set; }
    public required string TerritoryId { get; set; }
    public required string Sector { get; set; }
    public string? Title { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public ShowState State { get; set; } = ShowState.Planned;
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<Guest> Guests { get; set; } = [];
    public List<Segment> RunningOrder { get; set; } = [];
    public List<ShowHistoryEntry> History { get; set; } = [];
    public Replay? Replay { get; set; }

    /// <summary>The sector's professionals (employers, employees): the branch speaks for the sector, not as one of them.</summary>
    public int ProfessionalCount => Guests.Count(g => g.Role is GuestRole.Employer or GuestRole.Employee);

    public void Record(string what, string? who, DateTimeOffset at)
    {
        History.Add(new ShowHistoryEntry { ShowId = Id, At = at, Who = who, What = what });
        UpdatedAt = at;
    }

    public void EnsureEditable()
    {
        if (State == ShowState.Cancelled)
            throw new ConflictException("Cette émission est annulée : elle ne se modifie plus, son historique est conservé.", "emission-annulee");
    }

    public void Reschedule(DateOnly date, TimeOnly start, TimeOnly end)
    {
        EnsureEditable();
        if (State == ShowState.Broadcast)
            throw new ConflictException("Cette émission a déjà été diffusée : elle ne peut plus être déplacée.", "emission-diffusee");
        Date = date;
        StartTime = start;
        EndTime = end;
    }

    public void AddGuest(Guest guest)
    {
        EnsureEditable();
        if (guest.Role is GuestRole.Employer or GuestRole.Employee && ProfessionalCount >= MaxProfessionals)
            throw new RuleViolationException("role", "professionnels-max",
                $"Une émission accueille au plus {MaxProfessionals} professionnels du secteur (employeurs et salariés), en plus du coordonnateur et de la branche professionnelle.");
        if (guest.Role == GuestRole.ProfessionalBranch && Guests.Any(g => g.Role == GuestRole.ProfessionalBranch))
            throw new RuleViolationException("role", "branche-unique",
                "La branche professionnelle du secteur est déjà invitée : une émission en accueille une.");
        Guests.Add(guest);
    }

    /// <summary>
    /// A show is confirmed once it is what seed 003's shows were: the coordinator, an employer and an employee (two or
    /// three professionals), the sector's branch, and a running order of key figures then testimonies taking most of the time.
    /// </summary>
    public void Confirm()
    {
        EnsureEditable();
        if (State != ShowState.Planned)
            throw new ConflictException($"Seule une émission prévue peut être confirmée (état actuel : {Label(State)}).", "transition");
        EnsureGuestsComplete(Guests);
        EnsureRunningOrderComplete(RunningOrder);
        State = ShowState.Confirmed;
    }

    /// <summary>The guests a confirmed show needs; also checked before one leaves a confirmed show.</summary>
    public static void EnsureGuestsComplete(IReadOnlyCollection<Guest> guests)
    {
        if (!guests.Any(g => g.Role == GuestRole.Coordinator))
            throw new RuleViolationException("guests", "coordonnateur",
                "Pour confirmer l'émission, il faut son coordonnateur parmi les invités.");
        if (!guests.Any(g => g.Role == GuestRole.Employer) || !guests.Any(g => g.Role == GuestRole.Employee))
            throw new RuleViolationException("guests", "employeur-et-salarie",
                "Pour confirmer l'émission, il faut au moins un employeur et un salarié parmi les invités.");
        if (!guests.Any(g => g.Role == GuestRole.ProfessionalBranch))
            throw new RuleViolationException("guests", "branche-professionnelle",
                "Pour confirmer l'émission, il faut la branche professionnelle du secteur parmi les invités.");
    }

    /// <summary>Seed 003: « quelques chiffres clés […] puis l'essentiel de l'émission est consacré aux témoignages ».</summary>
    private static void EnsureRunningOrderComplete(IReadOnlyCollection<Segment> segments)
    {
        var total = segments.Sum(s => s.Minutes);
        var testimonies = segments.Where(s => s.Kind == SegmentKind.Testimony).Sum(s => s.Minutes);
        if (!segments.Any(s => s.Kind == SegmentKind.KeyFigures) || testimonies == 0)
            throw new RuleViolationException("runningOrder", "chiffres-cles-et-temoignages",
                "Pour confirmer l'émission, écrivez son déroulé : quelques chiffres clés, puis les témoignages des professionnels.");
        if (testimonies * 2 <= total)
            throw new RuleViolationException("runningOrder", "temoignages-essentiel",
                $"Les témoignages occupent l'essentiel de l'émission : {testimonies} minutes sur {total} dans ce déroulé, il en faut plus de la moitié.");
    }

    public void MarkBroadcast()
    {
        EnsureEditable();
        if (State != ShowState.Confirmed)
            throw new ConflictException($"Seule une émission confirmée peut être marquée diffusée (état actuel : {Label(State)}).", "transition");
        State = ShowState.Broadcast;
    }

    public void Cancel()
    {
        if (State is ShowState.Cancelled or ShowState.Broadcast)
            throw new ConflictException($"Une émission {Label(State)} ne peut pas être annulée.", "transition");
        State = ShowState.Cancelled;
    }

    /// <summary>Key figures first, then testimonies: no key-figures segment may follow a testimony.</summary>
    public void SetRunningOrder(IReadOnlyList<Segment> segments)
    {
        EnsureEditable();
        var firstTestimony = segments.ToList().FindIndex(s => s.Kind == SegmentKind.Testimony);
        var lateFigures = segments.ToList().FindLastIndex(s => s.Kind == SegmentKind.KeyFigures);
        if (firstTestimony >= 0 && lateFigures > firstTestimony)
            throw new RuleViolationException($"segments[{lateFigures}].kind", "chiffres-cles-d-abord",
                "Le déroulé commence par les chiffres clés, puis viennent les témoignages : déplacez les chiffres clés avant le premier témoignage.");
        // A confirmed show keeps what it was confirmed with.
        if (State is ShowState.Confirmed or ShowState.Broadcast) EnsureRunningOrderComplete(segments.ToList());
        RunningOrder.Clear();
        for (var i = 0; i < segments.Count; i++) { segments[i].Position = i; RunningOrder.Add(segments[i]); }
    }

    public bool Overlaps(DateOnly date, TimeOnly start, TimeOnly end) =>
        State != ShowState.Cancelled && Date == date && StartTime < end && start < EndTime;

    public static string Label(ShowState state) => state switch
    {
        ShowState.Planned => "prévue",
        ShowState.Confirmed => "confirmée",
        ShowState.Broadcast => "diffusée",
        _ => "annulée",
    };

    /// <summary>What a guest comes as, in the seed's words; the coordination's is neutral, as a guest's gender is not recorded.</summary>
    public static string Label(GuestRole role) => role switch
    {
        GuestRole.Coordinator => "Coordination",
        GuestRole.Employer => "Employeur",
        GuestRole.Employee => "Salarié",
        _ => "Branche professionnelle",
    };

    public static string Label(SegmentKind kind) => kind switch
    {
        SegmentKind.KeyFigures => "Chiffres clés",
        SegmentKind.Testimony => "Témoignages",
        _ => "Autre",
    };
}

public sealed class Guest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ShowId { get; set; }
    public required string Name { get; set; }
    public GuestRole Role { get; set; }
    public string? Organisation { get; set; }
}

public sealed class Segment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ShowId { get; set; }
    public int Position { get; set; }
    public SegmentKind Kind { get; set; }
    public required string Title { get; set; }
    public int Minutes { get; set; }
}

/// <summary>What happened to a show, kept even when it is cancelled.</summary>
public sealed class ShowHistoryEntry
{
    public long Id { get; set; }
    public Guid ShowId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Who { get; set; }
    public required string What { get; set; }
}

/// <summary>The replay of a show: its link, until when it is online, and what the link checker last saw.</summary>
public sealed class Replay
{
    public Guid ShowId { get; set; }
    public required string Url { get; set; }
    public DateOnly AvailableUntil { get; set; }
    public DateTimeOffset? LastCheckedAt { get; set; }
    public bool IsDead { get; set; }
    public string? LastProblem { get; set; }
    public int Views { get; set; }
}

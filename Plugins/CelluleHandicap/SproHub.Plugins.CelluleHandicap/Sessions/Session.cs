using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

public enum SessionKind { Concertation, ComitePilotage }

/// <summary>
/// A concertation (four a year) or the steering committee (one a year) of a cell: a half-day at a partner's premises,
/// prepared by the partner holding the secretariat in turn.
/// </summary>
public sealed class Session : IVersioned
{
    public const int ConcertationsPerYear = 4;
    public const int SteeringCommitteesPerYear = 1;
    /// <summary>The agenda leaves two weeks before: what is submitted later waits for the next concertation.</summary>
    public const int AgendaLeadDays = 14;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TerritoryId { get; private set; } = "";
    public SessionKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public HalfDay HalfDay { get; private set; }
    public Guid VenuePartnerId { get; private set; }
    public Guid SecretariatPartnerId { get; private set; }
    public DateTimeOffset? AgendaPublishedAt { get; private set; }
    /// <summary>Partners that said they will not attend: they do not see the situations of this session.</summary>
    public List<SessionAbsence> Absences { get; private set; } = [];
    public int Version { get; set; }

    public DateOnly AgendaDeadline => Date.AddDays(-AgendaLeadDays);
    public bool IsPublished => AgendaPublishedAt is not null;
    public bool Attends(Guid partnerId) => Absences.All(a => a.PartnerId != partnerId);

    /// <summary>Checks every rule of the cell's calendar; the message names the rule broken.</summary>
    public static Session Schedule(string territoryId, SessionKind kind, DateOnly date, HalfDay halfDay, Partner venue, Partner secretariat,
        IReadOnlyCollection<Session> sameYear, DateOnly today)
    {
        if (date < today) throw new RuleViolationException("date", "date-a-venir", "Une séance se prévoit à une date à venir.");
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            throw new RuleViolationException("date", "jour-ouvre", "Une séance se tient un jour ouvré, du lundi au vendredi.");
        if (!venue.HostsSessions) throw new RuleViolationException("venuePartnerId", "lieu-partenaire", $"{venue.Name} n'accueille pas les séances de la cellule.");
        if (venue.ConflictOn(date, halfDay) is { } conflict) throw new RuleViolationException("date", "indisponibilite-lieu", conflict);
        if (secretariat.SecretariatTurn is null)
            throw new RuleViolationException("secretariatPartnerId", "secretariat-ml-cio", $"{secretariat.Name} ne fait pas partie du secrétariat tournant (Missions Locales et CIO).");
        if (sameYear.Any(s => s.Date == date && s.HalfDay == halfDay))
            throw new RuleViolationException("date", "creneau-pris", "Une séance de la cellule est déjà prévue sur ce créneau.");
        var (limit, rule, label) = kind == SessionKind.Concertation
            ? (ConcertationsPerYear, "quatre-concertations-par-an", $"La cellule tient {ConcertationsPerYear} concertations par an")
            : (SteeringCommitteesPerYear, "un-comite-par-an", "La cellule tient un comité de pilotage par an");
        if (sameYear.Count(s => s.Kind == kind && s.Date.Year == date.Year) >= limit)
            throw new RuleViolationException("kind", rule, $"{label} : {date.Year} en compte déjà {limit}.");
        return new Session { TerritoryId = territoryId, Kind = kind, Date = date, HalfDay = halfDay, VenuePartnerId = venue.Id, SecretariatPartnerId = secretariat.Id };
    }

    /// <summary>Whose turn it is: the partner after the latest session's secretariat in the rotation, the first one to start.</summary>
    public static Partner? NextSecretariat(IReadOnlyList<Partner> partners, Session? latest)
    {
        var rotation = partners.Where(p => p.SecretariatTurn is not null).OrderBy(p => p.SecretariatTurn).ThenBy(p => p.Name).ToList();
        if (rotation.Count == 0) return null;
        var index = latest is null ? -1 : rotation.FindIndex(p => p.Id == latest.SecretariatPartnerId);
        return rotation[(index + 1) % rotation.Count];
    }

    /// <summary>The half-days the venue can host from a date on, skipping the ones the cell already uses.</summary>
    public static IEnumerable<(DateOnly Date, HalfDay HalfDay)> CompatibleSlots(Partner venue, DateOnly from, int days, IReadOnlyCollection<Session> taken)
    {
        for (var date = from; date < from.AddDays(days); date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            foreach (var half in new[] { HalfDay.Matin, HalfDay.ApresMidi })
                if (venue.ConflictOn(date, half) is null && !taken.Any(s => s.Date == date && s.HalfDay == half)) yield return (date, half);
        }
    }

    public void Publish(DateTimeOffset now, DateOnly today)
    {
        if (IsPublished) throw new ConflictException("L'ordre du jour de cette séance est déjà envoyé.", "ordre-du-jour-envoye");
        if (today > Date) throw new ConflictException("La séance a eu lieu : son ordre du jour ne s'envoie plus.", "seance-passee");
        AgendaPublishedAt = now;
    }

    public void DeclareAbsent(Guid partnerId, DateOnly today)
    {
        if (today > Date) throw new ConflictException("La séance a eu lieu.", "seance-passee");
        if (!Attends(partnerId)) return;
        Absences.Add(new SessionAbsence { PartnerId = partnerId });
    }

    public void DeclarePresent(Guid partnerId, DateOnly today)
    {
        if (today > Date) throw new ConflictException("La séance a eu lieu.", "seance-passee");
        Absences.RemoveAll(a => a.PartnerId == partnerId);
    }

    public static string KindLabel(SessionKind kind) => kind == SessionKind.Concertation ? "Concertation" : "Comité de pilotage";
    public static string HalfDayLabel(HalfDay half) => half == HalfDay.Matin ? "matin" : "après-midi";
}

public sealed class SessionAbsence
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PartnerId { get; init; }
}

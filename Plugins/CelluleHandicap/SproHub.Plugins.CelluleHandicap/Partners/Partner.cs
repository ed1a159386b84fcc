namespace SproHub.Plugins.CelluleHandicap.Partners;

/// <summary>The institutions that sit in the cell. MDPH and Agefiph are partners without being SPRO member structures.</summary>
public enum PartnerKind { MissionLocale, Cio, CapEmploi, PoleEmploi, Mdph, Agefiph, EducationNationale, Autre }

/// <summary>Half-days: concertations take a morning or an afternoon.</summary>
public enum HalfDay { Matin, ApresMidi }

/// <summary>When a partner's premises cannot host: a weekday, a half-day of it or all of it.</summary>
public enum UnavailablePart { JourneeEntiere, Matin, ApresMidi }

/// <summary>A partner of one cell: who represents it, whether it hosts concertations (and when not), whether it takes the secretariat in turn.</summary>
public sealed class Partner : SproHub.Shared.Data.IVersioned
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TerritoryId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public PartnerKind Kind { get; private set; }
    /// <summary>Its premises can host a concertation.</summary>
    public bool HostsSessions { get; private set; }
    /// <summary>Its place in the secretariat's rotation (Missions Locales and CIO only); null when it does not take it.</summary>
    public int? SecretariatTurn { get; private set; }
    public List<Unavailability> Unavailabilities { get; private set; } = [];
    public List<Representative> Representatives { get; private set; } = [];
    public int Version { get; set; }

    public static Partner Create(string territoryId, string name, PartnerKind kind, bool hostsSessions, int? secretariatTurn)
    {
        if (secretariatTurn is not null && kind is not (PartnerKind.MissionLocale or PartnerKind.Cio))
            throw new SproHub.Shared.Errors.RuleViolationException("secretariatTurn", "secretariat-ml-cio", "Le secrétariat tournant est tenu par une Mission Locale ou un CIO.");
        return new Partner { TerritoryId = territoryId, Name = name.Trim(), Kind = kind, HostsSessions = hostsSessions, SecretariatTurn = secretariatTurn };
    }

    public void Unavailable(DayOfWeek day, UnavailablePart part) => Unavailabilities.Add(new Unavailability { Day = day, Part = part });

    /// <summary>Its premises' rules and its turn change; sessions already scheduled keep their venue.</summary>
    public void Change(bool hostsSessions, int? secretariatTurn, IEnumerable<(DayOfWeek Day, UnavailablePart Part)> unavailabilities)
    {
        if (secretariatTurn is not null && Kind is not (PartnerKind.MissionLocale or PartnerKind.Cio))
            throw new SproHub.Shared.Errors.RuleViolationException("secretariatTurn", "secretariat-ml-cio", "Le secrétariat tournant est tenu par une Mission Locale ou un CIO.");
        HostsSessions = hostsSessions;
        SecretariatTurn = secretariatTurn;
        Unavailabilities.Clear();
        foreach (var (day, part) in unavailabilities.Distinct()) Unavailable(day, part);
    }

    /// <summary>The rule this half-day breaks at its premises, in French; null when it can host then.</summary>
    public string? ConflictOn(DateOnly date, HalfDay halfDay)
    {
        var rule = Unavailabilities.FirstOrDefault(u => u.Day == date.DayOfWeek && u.Covers(halfDay));
        return rule is null ? null : $"{Name} ne reçoit pas {rule.Describe()}.";
    }

    public bool IsRepresentedBy(string? email) =>
        email is not null && Representatives.Any(r => string.Equals(r.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string KindLabel(PartnerKind kind) => kind switch
    {
        PartnerKind.MissionLocale => "Mission Locale",
        PartnerKind.Cio => "CIO",
        PartnerKind.CapEmploi => "Cap emploi",
        PartnerKind.PoleEmploi => "France Travail", // formerly Pôle emploi
        PartnerKind.Mdph => "MDPH",
        PartnerKind.Agefiph => "Agefiph",
        PartnerKind.EducationNationale => "Éducation nationale",
        _ => "Autre partenaire",
    };
}

public sealed class Unavailability
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public DayOfWeek Day { get; init; }
    public UnavailablePart Part { get; init; }

    public bool Covers(HalfDay halfDay) => Part == UnavailablePart.JourneeEntiere || (Part == UnavailablePart.Matin) == (halfDay == HalfDay.Matin);

    public string Describe()
    {
        var day = System.Globalization.CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetDayName(Day);
        return Part switch { UnavailablePart.Matin => $"le {day} matin", UnavailablePart.ApresMidi => $"le {day} après-midi", _ => $"le {day}" };
    }
}

/// <summary>A person who represents a partner in the cell, known by the e-mail of their platform account.</summary>
public sealed class Representative
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public required string Email { get; init; }
    public required string Name { get; init; }
}

using SproHub.Plugins.ClipContests.Jury;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.ClipContests.Editions;

/// <summary>What a partner structure brings to an edition (seed 003, « Clip moi un métier »).</summary>
public enum PartnerRole
{
    /// <summary>The CIO: informs and federates the schools.</summary>
    FederatesSchools,
    /// <summary>The Mission Locale: forms the young people's teams.</summary>
    FormsYouthTeams,
    /// <summary>France Travail (formerly Pôle emploi): a team of adults (or young job seekers).</summary>
    FormsAdultTeam,
    /// <summary>Cap emploi: a team within a training on the career plan.</summary>
    FormsTrainingTeam,
    /// <summary>The youth information office: rooms and equipment.</summary>
    LendsRoomsAndEquipment,
    Other,
}

/// <summary>A partner structure of the edition, named as the core's directory named it when it joined.</summary>
public sealed class EditionPartner
{
    public Guid StructureId { get; set; }
    public string StructureName { get; set; } = "";
    public PartnerRole Role { get; set; }

    public static string RoleLabel(PartnerRole role) => role switch
    {
        PartnerRole.FederatesSchools => "informe et fédère les établissements scolaires",
        PartnerRole.FormsYouthTeams => "forme des équipes de jeunes",
        PartnerRole.FormsAdultTeam => "forme une équipe d'adultes",
        PartnerRole.FormsTrainingTeam => "forme une équipe dans le cadre d'une formation",
        PartnerRole.LendsRoomsAndEquipment => "met à disposition salles et matériel",
        _ => "autre contribution",
    };

    /// <summary>Partners whose role is to form teams may lead one; the others support the edition.</summary>
    public bool FormsTeams => Role is PartnerRole.FormsYouthTeams or PartnerRole.FormsAdultTeam or PartnerRole.FormsTrainingTeam or PartnerRole.FederatesSchools;
}

/// <summary>The edition's milestones, in this order; the screening has its own date (see the edition's screening).</summary>
public sealed record Calendar(DateOnly RegistrationEnds, DateOnly FilmingEnds, DateOnly SubmissionEnds, DateOnly JuryStarts, DateOnly JuryEnds)
{
    /// <summary>Each date on or after the previous one: the first one out of order is named.</summary>
    public void Check()
    {
        if (FilmingEnds < RegistrationEnds) throw new RuleViolationException("filmingEnds", "calendrier-ordonne", "Le tournage se termine après la clôture des inscriptions.");
        if (SubmissionEnds < FilmingEnds) throw new RuleViolationException("submissionEnds", "calendrier-ordonne", "Les clips se déposent après la fin du tournage.");
        if (JuryStarts < SubmissionEnds) throw new RuleViolationException("juryStarts", "calendrier-ordonne", "Le jury commence après la date limite de dépôt des clips.");
        if (JuryEnds < JuryStarts) throw new RuleViolationException("juryEnds", "calendrier-ordonne", "Le jury se termine après son ouverture.");
    }
}

public enum EditionPhase { Registration, Filming, Submission, WaitingForJury, Jury, JuryClosed, PrizesAwarded }

/// <summary>
/// One year's contest in a local SPRO: its themes, calendar and partners, then its teams, clips, jury and prizes.
/// </summary>
public sealed class Edition : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int ThemeMaxLength = 120;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TerritoryId { get; private set; } = "";
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public List<string> Themes { get; private set; } = [];
    public DateOnly RegistrationEnds { get; private set; }
    public DateOnly FilmingEnds { get; private set; }
    public DateOnly SubmissionEnds { get; private set; }
    public DateOnly JuryStarts { get; private set; }
    public DateOnly JuryEnds { get; private set; }
    public List<EditionPartner> Partners { get; private set; } = [];
    /// <summary>Empty until opened: EF fills a loaded edition's list (a default here would be read twice).</summary>
    public List<Criterion> Criteria { get; private set; } = [];
    public DateTimeOffset? JuryClosedAt { get; private set; }
    public DateTimeOffset? PrizesConfirmedAt { get; private set; }
    public List<Prize> Prizes { get; private set; } = [];
    /// <summary>The questionnaire takes answers (opened by the coordinator at the prize-giving).</summary>
    public bool QuestionnaireOpen { get; set; }
    public string OpenedBy { get; private set; } = "";
    public int Version { get; set; }

    public Calendar Calendar => new(RegistrationEnds, FilmingEnds, SubmissionEnds, JuryStarts, JuryEnds);

    public static Edition Open(string territoryId, int year, string title, IEnumerable<string> themes, Calendar calendar, IEnumerable<EditionPartner> partners, string openedBy)
    {
        calendar.Check();
        var edition = new Edition { TerritoryId = territoryId, Year = year, Title = title.Trim(), OpenedBy = openedBy, Criteria = Criterion.Default() };
        edition.SetThemes(themes);
        edition.SetCalendar(calendar);
        edition.Partners = partners.DistinctBy(p => p.StructureId).ToList();
        return edition;
    }

    public void Change(string title, IEnumerable<string> themes, Calendar calendar)
    {
        calendar.Check();
        Title = title.Trim();
        SetThemes(themes);
        SetCalendar(calendar);
    }

    private void SetThemes(IEnumerable<string> themes)
    {
        var clean = themes.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clean.Count == 0) throw new RuleViolationException("themes", "theme-requis", "Donnez au moins un thème à l'édition (par exemple l'égalité entre les femmes et les hommes).");
        Themes = clean;
    }

    private void SetCalendar(Calendar c) =>
        (RegistrationEnds, FilmingEnds, SubmissionEnds, JuryStarts, JuryEnds) = (c.RegistrationEnds, c.FilmingEnds, c.SubmissionEnds, c.JuryStarts, c.JuryEnds);

    public EditionPhase PhaseOn(DateOnly today) =>
        PrizesConfirmedAt is not null ? EditionPhase.PrizesAwarded
        : JuryClosedAt is not null ? EditionPhase.JuryClosed
        : today <= RegistrationEnds ? EditionPhase.Registration
        : today <= FilmingEnds ? EditionPhase.Filming
        : today <= SubmissionEnds ? EditionPhase.Submission
        : today < JuryStarts ? EditionPhase.WaitingForJury
        : EditionPhase.Jury;

    public static string PhaseLabel(EditionPhase phase) => phase switch
    {
        EditionPhase.Registration => "inscriptions ouvertes",
        EditionPhase.Filming => "tournage",
        EditionPhase.Submission => "dépôt des clips",
        EditionPhase.WaitingForJury => "en attente du jury",
        EditionPhase.Jury => "jury en cours",
        EditionPhase.JuryClosed => "jury clos, palmarès à confirmer",
        _ => "prix décernés",
    };

    /// <summary>Teams register until the registration's last day, included.</summary>
    public void EnsureRegistrationOpen(DateOnly today)
    {
        if (today > RegistrationEnds)
            throw new RuleViolationException("editionId", "inscriptions-closes", $"Les inscriptions de l'édition {Year} sont closes depuis le {RegistrationEnds:dd/MM/yyyy}.");
    }

    /// <summary>Projects, permissions and clips change until the submission's last day, included.</summary>
    public void EnsureSubmissionOpen(DateOnly today, string field)
    {
        if (today > SubmissionEnds || JuryClosedAt is not null)
            throw new RuleViolationException(field, "depot-clos", $"Le dépôt des clips de l'édition {Year} est clos depuis le {SubmissionEnds:dd/MM/yyyy}.");
    }

    /// <summary>The grid changes until the jury opens (a member's marks always follow the grid they were given on).</summary>
    public void ChangeGrid(List<Criterion> grid, DateOnly today)
    {
        if (today >= JuryStarts || JuryClosedAt is not null)
            throw new RuleViolationException("criteria", "grille-figee", $"Le jury est ouvert depuis le {JuryStarts:dd/MM/yyyy} : sa grille ne change plus.");
        Criteria = grid;
    }

    /// <summary>The rule « periode-jury »: members score from the jury's first day to its last, until it is closed.</summary>
    public void EnsureScoringOpen(DateOnly today)
    {
        if (JuryClosedAt is not null) throw new RuleViolationException("clipId", "periode-jury", "Le jury est clos : les notes ne changent plus.");
        if (today < JuryStarts || today > JuryEnds)
            throw new RuleViolationException("clipId", "periode-jury", $"Le jury note du {JuryStarts:dd/MM/yyyy} au {JuryEnds:dd/MM/yyyy}.");
    }

    public void CloseJury(DateTimeOffset now, DateOnly today)
    {
        if (JuryClosedAt is not null) throw new RuleViolationException("year", "jury-clos", "Le jury est déjà clos.");
        if (today < JuryStarts) throw new RuleViolationException("year", "periode-jury", $"Le jury n'ouvre que le {JuryStarts:dd/MM/yyyy}.");
        JuryClosedAt = now;
    }

    public void ConfirmPrizes(IEnumerable<Prize> prizes, DateTimeOffset now)
    {
        if (JuryClosedAt is null) throw new RuleViolationException("podium", "jury-ouvert", "Le palmarès se confirme une fois le jury clos.");
        if (PrizesConfirmedAt is not null) throw new RuleViolationException("podium", "palmares-confirme", "Le palmarès est déjà confirmé.");
        Prizes = prizes.ToList();
        PrizesConfirmedAt = now;
    }

    public EditionPartner? Partner(Guid structureId) => Partners.FirstOrDefault(p => p.StructureId == structureId);
}

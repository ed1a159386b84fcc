using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.CelluleHandicap.Situations;

public enum Recognition { Reconnue, DemandeEnCours, NonReconnue, NeSaitPas }

/// <summary>What the young person (and a parent when a minor) agreed to, in writing.</summary>
[Flags]
public enum ConsentPurposes { None = 0, ExamenEnCellule = 1, PartageEntrePartenaires = 2, SuiviDuParcours = 4 }

public enum SituationState { Deposee, Examinee, Cloturee, ConsentementRetire }

public enum Outcome { SolutionTrouvee, Orientation, DepartDuTerritoire, Abandon }

/// <summary>Who the young person is: sealed at rest, erased when consent is withdrawn or the retention period ends.</summary>
public sealed record Identity(string FirstName, string LastName, DateOnly BirthDate, string? Town, string? GuardianName, string? GuardianRelation);

/// <summary>The request form and diagnostic sheet as the prescriber fills them: health data, sealed at rest.</summary>
public sealed record DiagnosticSheet(string Situation, string Path, string? RecognitionDetails, string Needs, string Question);

/// <summary>
/// A young person's situation submitted to the cell. Only what counts (dates, age at consent, recognition, outcome) is
/// kept in clear; who the person is and what they live with is sealed, and erased for good on withdrawal or purge.
/// </summary>
public sealed class Situation : IVersioned
{
    public const int MinAge = 16;
    public const int MaxAge = 30;
    public const int MajorityAge = 18;
    public const ConsentPurposes RequiredPurposes = ConsentPurposes.ExamenEnCellule | ConsentPurposes.PartageEntrePartenaires;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TerritoryId { get; private set; } = "";
    /// <summary>The pseudonym every list, export and e-mail uses (<c>CHJ-2026-004</c>).</summary>
    public string Reference { get; private set; } = "";
    public string PrescriberEmail { get; private set; } = "";
    public string PrescriberName { get; private set; } = "";
    public string? PrescriberOrganisation { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateOnly SubmittedOn { get; private set; }
    public int AgeAtConsent { get; private set; }
    public Recognition Recognition { get; private set; }
    public DateOnly ConsentDate { get; private set; }
    public ConsentPurposes ConsentPurposes { get; private set; }
    public bool ConsentByGuardian { get; private set; }
    public DateOnly? ConsentWithdrawnOn { get; private set; }
    public SituationState State { get; private set; }
    public DateOnly? FirstExaminedOn { get; private set; }
    public Outcome? Outcome { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? SealedIdentity { get; private set; }
    public string? SealedSheet { get; private set; }
    /// <summary>When its identifying and health fields were erased (withdrawal or retention), with why.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }
    public string? ErasureReason { get; private set; }
    public int Version { get; set; }

    public bool IsMinorAtConsent => AgeAtConsent < MajorityAge;
    public bool IsErased => ErasedAt is not null;
    public bool HasValidConsent => ConsentWithdrawnOn is null && (ConsentPurposes & RequiredPurposes) == RequiredPurposes;
    public bool IsOpen => State is SituationState.Deposee or SituationState.Examinee;

    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return birthDate.AddYears(age) > date ? age - 1 : age;
    }

    /// <param name="guardianConsent">A parent or guardian signed too (required for a minor at the consent's date).</param>
    public static Situation Submit(string territoryId, string reference, string prescriberEmail, string prescriberName, string? organisation,
        Identity identity, DiagnosticSheet sheet, Recognition recognition, DateOnly consentDate, ConsentPurposes purposes,
        bool youngPersonConsent, bool guardianConsent, DateTimeOffset now, DateOnly today, Func<Guid, Identity, DiagnosticSheet, (string, string)> seal)
    {
        if (consentDate > today) throw new RuleViolationException("consentDate", "consentement-date", "Le consentement est recueilli avant le dépôt : sa date ne peut pas dépasser aujourd'hui.");
        if (identity.BirthDate >= consentDate) throw new RuleViolationException("birthDate", "date-naissance", "La date de naissance précède la date du consentement.");
        var age = AgeOn(identity.BirthDate, consentDate);
        if (age is < MinAge or > MaxAge)
            throw new RuleViolationException("birthDate", "age-16-30", $"La cellule examine la situation de jeunes de {MinAge} à {MaxAge} ans : {age} ans à la date du consentement.");
        if (!youngPersonConsent)
            throw new RuleViolationException("youngPersonConsent", "consentement-jeune", "Le jeune doit avoir donné son accord écrit avant toute présentation à la cellule.");
        if ((purposes & RequiredPurposes) != RequiredPurposes)
            throw new RuleViolationException("consentPurposes", "finalites-consentement", "Le consentement doit couvrir l'examen en cellule et le partage d'informations entre les partenaires.");
        if (age < MajorityAge && (!guardianConsent || string.IsNullOrWhiteSpace(identity.GuardianName) || string.IsNullOrWhiteSpace(identity.GuardianRelation)))
            throw new RuleViolationException("guardianConsent", "accord-parental", $"Mineur ({age} ans) à la date du consentement : l'accord écrit d'un parent ou du tuteur, nommé, est nécessaire.");
        var situation = new Situation
        {
            TerritoryId = territoryId, Reference = reference, PrescriberEmail = prescriberEmail, PrescriberName = prescriberName, PrescriberOrganisation = organisation,
            SubmittedAt = now, SubmittedOn = today, AgeAtConsent = age, Recognition = recognition, ConsentDate = consentDate, ConsentPurposes = purposes,
            ConsentByGuardian = age < MajorityAge, State = SituationState.Deposee,
        };
        var guardianKept = age < MajorityAge ? identity : identity with { GuardianName = null, GuardianRelation = null };
        (situation.SealedIdentity, situation.SealedSheet) = seal(situation.Id, guardianKept, sheet);
        return situation;
    }

    /// <summary>The first examination is the one the indicators time; later ones only add decisions.</summary>
    public bool MarkExamined(DateOnly on)
    {
        EnsureOpen();
        State = SituationState.Examinee;
        if (FirstExaminedOn is not null) return false;
        FirstExaminedOn = on;
        return true;
    }

    public void Close(Outcome outcome, DateOnly on, DateOnly today)
    {
        EnsureOpen();
        if (on > today) throw new RuleViolationException("closedOn", "date-passee", "La clôture se date au plus tard aujourd'hui.");
        if (on < SubmittedOn) throw new RuleViolationException("closedOn", "apres-depot", "La clôture ne peut précéder le dépôt de la situation.");
        State = SituationState.Cloturee;
        Outcome = outcome;
        ClosedOn = on;
    }

    public void WithdrawConsent(DateOnly on, DateOnly today, DateTimeOffset now)
    {
        if (ConsentWithdrawnOn is not null) throw new ConflictException("Le consentement est déjà retiré.", "consentement-retire");
        if (on > today || on < ConsentDate) throw new RuleViolationException("withdrawnOn", "date-retrait", "Le retrait se date entre le consentement et aujourd'hui.");
        ConsentWithdrawnOn = on;
        if (IsOpen) State = SituationState.ConsentementRetire;
        Erase(now, "retrait du consentement");
    }

    /// <summary>Forgets who the person is and what they live with; the counts (dates, age, outcome) stay.</summary>
    public void Erase(DateTimeOffset now, string reason)
    {
        SealedIdentity = null;
        SealedSheet = null;
        ErasedAt ??= now;
        ErasureReason ??= reason;
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new ConflictException(State == SituationState.Cloturee ? "La situation est close." : "Le consentement a été retiré : la situation n'est plus examinée.", "situation-close");
    }

    public static string OutcomeLabel(Outcome outcome) => outcome switch
    {
        Situations.Outcome.SolutionTrouvee => "Solution trouvée",
        Situations.Outcome.Orientation => "Orientation vers un autre dispositif",
        Situations.Outcome.DepartDuTerritoire => "Départ du territoire",
        _ => "Abandon par le jeune",
    };

    public static string RecognitionLabel(Recognition recognition) => recognition switch
    {
        Recognition.Reconnue => "Reconnaissance du handicap (RQTH, AAH...)",
        Recognition.DemandeEnCours => "Demande de reconnaissance en cours",
        Recognition.NonReconnue => "Pas de reconnaissance",
        _ => "Ne sait pas",
    };

    public static string StateLabel(SituationState state) => state switch
    {
        SituationState.Deposee => "Déposée",
        SituationState.Examinee => "Examinée, suivie",
        SituationState.Cloturee => "Close",
        _ => "Consentement retiré",
    };

    public static string AgeBracket(int age) => age < MajorityAge ? "16-17 ans" : age <= 25 ? "18-25 ans" : "26-30 ans";
}

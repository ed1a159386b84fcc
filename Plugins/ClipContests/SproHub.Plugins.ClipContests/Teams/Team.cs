using SproHub.Plugins.ClipContests.Projects;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.ClipContests.Teams;

/// <summary>
/// A participant: as little as the contest needs (a name for the certificate, a birth date to know a minor); a minor
/// takes part only with a parent's consent, dated.
/// </summary>
public sealed class Participant
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string? ParentName { get; set; }
    public DateOnly? ParentConsentOn { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    public bool IsMinorOn(DateOnly day) => BirthDate.AddYears(18) > day;
}

public sealed record ParticipantInput(string FirstName, string LastName, DateOnly BirthDate, string? ParentName, DateOnly? ParentConsentOn);

/// <summary>
/// A team of 3 to 5 participants, led by an agent of a partner structure, and its project: the job it films, the
/// theme, the scenario and the person filmed.
/// </summary>
public sealed class Team : IVersioned
{
    public const int MinSize = 3;
    public const int MaxSize = 5;
    public const int NameMaxLength = 120;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EditionId { get; private set; }
    public string TerritoryId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid StructureId { get; private set; }
    public string StructureName { get; private set; } = "";
    /// <summary>The agent who leads the team, by the address of their account: they manage it.</summary>
    public string LeadEmail { get; private set; } = "";
    public string LeadName { get; private set; } = "";
    public List<Participant> Participants { get; private set; } = [];
    public Project Project { get; private set; } = new();
    public List<FilmingPermission> Permissions { get; private set; } = [];
    public Clips.Clip? Clip { get; set; }
    /// <summary>The skills the lead says the project developed, for the certificates; empty: all those of the seed's list.</summary>
    public List<string> Skills { get; set; } = [];
    public DateTimeOffset RegisteredAt { get; private set; }
    public int Version { get; set; }

    public static Team Register(Guid editionId, string territoryId, string name, Guid structureId, string structureName, string leadEmail, string leadName,
        IReadOnlyList<ParticipantInput> participants, DateOnly today, DateTimeOffset now)
    {
        CheckSize(participants.Count, "participants");
        var team = new Team
        {
            EditionId = editionId, TerritoryId = territoryId, Name = name.Trim(), StructureId = structureId, StructureName = structureName,
            LeadEmail = leadEmail.Trim().ToLowerInvariant(), LeadName = leadName, RegisteredAt = now,
        };
        for (var i = 0; i < participants.Count; i++) team.Participants.Add(Admit(participants[i], today, $"participants[{i}]"));
        return team;
    }

    public Participant Add(ParticipantInput input, DateOnly today)
    {
        CheckSize(Participants.Count + 1, "participants");
        var participant = Admit(input, today, "participant");
        Participants.Add(participant);
        return participant;
    }

    public Participant Remove(Guid participantId)
    {
        var participant = Participants.FirstOrDefault(p => p.Id == participantId) ?? throw new NotFoundException("Participant introuvable dans cette équipe.");
        CheckSize(Participants.Count - 1, "participants");
        Participants.Remove(participant);
        return participant;
    }

    public bool IsLedBy(string? email) => email is not null && string.Equals(LeadEmail, email.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The rule « taille-equipe »: 3 to 5 participants, at registration and after every change.</summary>
    public static void CheckSize(int count, string field)
    {
        if (count is < MinSize or > MaxSize)
            throw new RuleViolationException(field, "taille-equipe",
                $"Une équipe compte de {MinSize} à {MaxSize} participants ; elle en compterait {count}.");
    }

    /// <summary>The rule « consentement-parental »: a participant under 18 on the day needs a parent's dated consent, not in the future.</summary>
    private static Participant Admit(ParticipantInput input, DateOnly today, string field)
    {
        var participant = new Participant
        {
            FirstName = input.FirstName.Trim(), LastName = input.LastName.Trim(), BirthDate = input.BirthDate,
            ParentName = string.IsNullOrWhiteSpace(input.ParentName) ? null : input.ParentName.Trim(), ParentConsentOn = input.ParentConsentOn,
        };
        if (participant.BirthDate > today.AddYears(-10) || participant.BirthDate < today.AddYears(-99))
            throw new RuleViolationException($"{field}.birthDate", "date-naissance", $"La date de naissance de {participant.FullName} n'est pas plausible.");
        if (participant.IsMinorOn(today))
        {
            if (participant.ParentName is null || participant.ParentConsentOn is null)
                throw new RuleViolationException($"{field}.parentConsentOn", "consentement-parental",
                    $"{participant.FullName} n'a pas 18 ans : indiquez le parent qui a donné son accord et la date de cet accord.");
            if (participant.ParentConsentOn > today)
                throw new RuleViolationException($"{field}.parentConsentOn", "consentement-parental", $"L'accord du parent de {participant.FullName} ne peut pas être daté dans le futur.");
        }
        return participant;
    }
}

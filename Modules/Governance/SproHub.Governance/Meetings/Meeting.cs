using SproHub.Shared.Data;

namespace SproHub.Governance.Meetings;

public enum MeetingType { LocalCommittee, DepartmentalCoordination, DirectorsPlenary, SchoolYearPlenary, RegionalCoordinators }

public enum MeetingStatus { Planned, Invited, Held, Cancelled }

public enum InvitationReply { Pending, WillAttend, Excused }

/// <summary>A meeting of a local SPRO's network (or the Région's with the coordinators): invited structures and people, attendance, minutes and actions.</summary>
public sealed class Meeting : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TerritoryId { get; set; }
    public MeetingType Type { get; set; }
    /// <summary>The basin (territory slug) whose local committee this is, where the SPRO's mode holds it in each basin.</summary>
    public string? BasinId { get; set; }
    public required string Subject { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>The Paris date of <see cref="StartsAt"/>: what lists sort and filter on (SQLite cannot order instants).</summary>
    public DateOnly Day { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }
    /// <summary>The agenda (<i>ordre du jour</i>), one item per line.</summary>
    public string Agenda { get; set; } = "";
    public MeetingStatus Status { get; set; }
    public DateTimeOffset? InvitationsSentAt { get; set; }
    /// <summary>How many times the invitations went out: the iCalendar SEQUENCE, so calendars update the event.</summary>
    public int InvitationSequence { get; set; }
    public string? Minutes { get; set; }
    public DateTimeOffset? MinutesPublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
    /// <summary>Kept by <see cref="CountAttendance"/>: a territory's ten years of meetings list without reading their invitees.</summary>
    public int InvitedStructures { get; set; }
    public int ParticipatingStructures { get; set; }
    public List<InvitedStructure> Structures { get; set; } = [];
    public List<Invitee> Invitees { get; set; } = [];
    public List<Decision> Decisions { get; set; } = [];
    public List<MeetingAction> Actions { get; set; } = [];

    public bool IsPast(DateTimeOffset now) => StartsAt <= now;

    /// <summary>
    /// Indicator 2: participating structures over invited structures. A structure participates when one of its
    /// people signed the sheet or when it was marked present as a structure (someone not invited by name came).
    /// </summary>
    public AttendanceRate Attendance() => new(Structures.Count, Structures.Count(s => s.Participated || Invitees.Any(i => i.StructureId == s.StructureId && i.Present)));

    /// <summary>After any change of the invited structures or of who came.</summary>
    public AttendanceRate CountAttendance()
    {
        var rate = Attendance();
        (InvitedStructures, ParticipatingStructures) = (rate.Invited, rate.Participating);
        return rate;
    }
}

public readonly record struct AttendanceRate(int Invited, int Participating)
{
    /// <summary>In percent, rounded to one decimal; null when nobody was invited.</summary>
    public decimal? Percent => Invited == 0 ? null : Math.Round(100m * Participating / Invited, 1);
}

public sealed class InvitedStructure
{
    public Guid MeetingId { get; set; }
    public Guid StructureId { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public bool Participated { get; set; }
}

public sealed class Invitee
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid StructureId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Function { get; set; }
    /// <summary>Opaque: the personal link of the invitation e-mail answers with it, without an account.</summary>
    public string ReplyToken { get; set; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    /// <summary>When the invitation first reached them; a later sending is an update for them, an invitation for the others.</summary>
    public DateTimeOffset? InvitedAt { get; set; }
    public InvitationReply Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public bool Present { get; set; }
}

public sealed class Decision
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}

/// <summary>Who does what by when, decided at a meeting; followed up until done.</summary>
public sealed class MeetingAction : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public required string TerritoryId { get; set; }
    public required string What { get; set; }
    public required string Who { get; set; }
    public Guid? StructureId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => DoneAt is null && DueOn < today;
}

public static class MeetingLabels
{
    public static string Of(MeetingType type) => type switch
    {
        MeetingType.LocalCommittee => "Comité local de coordination",
        MeetingType.DepartmentalCoordination => "Coordination départementale",
        MeetingType.DirectorsPlenary => "Plénière des directeurs",
        MeetingType.SchoolYearPlenary => "Plénière de rentrée",
        MeetingType.RegionalCoordinators => "Réunion régionale des coordonnateurs",
        _ => type.ToString(),
    };

    public static string Of(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "planifiée",
        MeetingStatus.Invited => "invitations envoyées",
        MeetingStatus.Held => "tenue",
        MeetingStatus.Cancelled => "annulée",
        _ => status.ToString(),
    };

    public static string Of(InvitationReply reply) => reply switch
    {
        InvitationReply.WillAttend => "présence annoncée",
        InvitationReply.Excused => "absence excusée",
        _ => "sans réponse",
    };
}

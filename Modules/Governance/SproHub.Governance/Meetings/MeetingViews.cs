namespace SproHub.Governance.Meetings;

public sealed record MeetingSummary(
    Guid Id, MeetingType Type, string TypeLabel, string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? VideoLink,
    MeetingStatus Status, string StatusLabel, int InvitedStructures, int ParticipatingStructures, decimal? AttendancePercent, bool MinutesPublished, int Version,
    string? BasinId = null);

public sealed record InvitedStructureView(Guid StructureId, string Name, string Type, bool Participated);

public sealed record InviteeView(Guid Id, Guid? PersonId, Guid StructureId, string StructureName, string Name, string Email, string? Function, InvitationReply Reply, string ReplyLabel, DateTimeOffset? RepliedAt, bool Present);

public sealed record ActionView(Guid Id, Guid MeetingId, string What, string Who, Guid? StructureId, DateOnly DueOn, DateTimeOffset? DoneAt, string? DoneBy, bool Overdue, int Version);

public sealed record MeetingDetail(
    MeetingSummary Summary, string Agenda, DateTimeOffset? InvitationsSentAt, IReadOnlyList<InvitedStructureView> Structures, IReadOnlyList<InviteeView> Invitees,
    string? Minutes, DateTimeOffset? MinutesPublishedAt, IReadOnlyList<string> Decisions, IReadOnlyList<ActionView> Actions);

internal sealed record MeetingRow(Guid Id, MeetingType Type, string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? VideoLink,
    MeetingStatus Status, int InvitedStructures, int ParticipatingStructures, bool MinutesPublished, int Version, string? BasinId);

internal static class MeetingMapping
{
    /// <summary>From the kept counts: the structures and invitees need not be loaded.</summary>
    public static MeetingSummary Summary(this Meeting m) =>
        new MeetingRow(m.Id, m.Type, m.Subject, m.StartsAt, m.EndsAt, m.Place, m.VideoLink, m.Status, m.InvitedStructures, m.ParticipatingStructures,
            m.MinutesPublishedAt != null, m.Version, m.BasinId).Summary();

    /// <summary>The columns a list of meetings needs, read as they are (never the agenda or the minutes).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Meeting, MeetingRow>> Row = m => new MeetingRow(m.Id, m.Type, m.Subject, m.StartsAt, m.EndsAt,
        m.Place, m.VideoLink, m.Status, m.InvitedStructures, m.ParticipatingStructures, m.MinutesPublishedAt != null, m.Version, m.BasinId);

    public static MeetingSummary Summary(this MeetingRow m)
    {
        var rate = new AttendanceRate(m.InvitedStructures, m.ParticipatingStructures);
        return new(m.Id, m.Type, MeetingLabels.Of(m.Type), m.Subject, m.StartsAt, m.EndsAt, m.Place, m.VideoLink, m.Status, MeetingLabels.Of(m.Status),
            rate.Invited, rate.Participating, m.Status == MeetingStatus.Held ? rate.Percent : null, m.MinutesPublished, m.Version, m.BasinId);
    }

    public static ActionView View(this MeetingAction a, DateOnly today) =>
        new(a.Id, a.MeetingId, a.What, a.Who, a.StructureId, a.DueOn, a.DoneAt, a.DoneBy, a.IsOverdue(today), a.Version);

    /// <param name="withMinutes">Minutes, decisions and actions are shown to the territory's members once published; to its organisers always.</param>
    public static MeetingDetail Detail(this Meeting m, DateOnly today, bool withMinutes)
    {
        var names = m.Structures.ToDictionary(s => s.StructureId, s => s.Name);
        return new(m.Summary(), m.Agenda, m.InvitationsSentAt,
            m.Structures.OrderBy(s => s.Name).Select(s => new InvitedStructureView(s.StructureId, s.Name, s.Type, s.Participated || m.Invitees.Any(i => i.StructureId == s.StructureId && i.Present))).ToList(),
            m.Invitees.OrderBy(i => names.GetValueOrDefault(i.StructureId)).ThenBy(i => i.Name)
                .Select(i => new InviteeView(i.Id, i.PersonId, i.StructureId, names.GetValueOrDefault(i.StructureId, ""), i.Name, i.Email, i.Function, i.Reply, MeetingLabels.Of(i.Reply), i.RepliedAt, i.Present)).ToList(),
            withMinutes ? m.Minutes : null, m.MinutesPublishedAt,
            withMinutes ? m.Decisions.OrderBy(d => d.Order).Select(d => d.Text).ToList() : [],
            withMinutes ? m.Actions.OrderBy(a => a.DueOn).Select(a => a.View(today)).ToList() : []);
    }
}

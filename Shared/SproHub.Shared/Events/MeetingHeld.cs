namespace SproHub.Shared.Events;

/// <summary>
/// A meeting of a local SPRO's network took place, with its attendance (indicators 1 and 2). Published again
/// when the attendance is corrected: the latest event for a <see cref="MeetingId"/> replaces the previous ones.
/// </summary>
/// <param name="MeetingType">Stable code: LocalCommittee, DepartmentalCoordination, DirectorsPlenary, SchoolYearPlenary, RegionalCoordinators.</param>
public sealed record MeetingHeld(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TerritoryId,
    Guid MeetingId,
    string MeetingType,
    string Subject,
    DateOnly Date,
    int InvitedStructures,
    int ParticipatingStructures) : IIntegrationEvent;

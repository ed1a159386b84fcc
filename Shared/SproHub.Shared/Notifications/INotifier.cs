using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Events;

namespace SproHub.Shared.Notifications;

/// <summary>
/// The core's notification service: an in-app message and an e-mail (unless the person turned that kind off),
/// written in the same transaction as the change that causes it and sent after it commits.
/// </summary>
public interface INotifier
{
    /// <summary>Queues the notification in the module's outbox; call before SaveChanges.</summary>
    void Queue(DbContext moduleContext, Notification notification);
}

/// <param name="Kind">One of the kinds the module declares in its manifest (<c>governance.meeting-invitation</c>).</param>
/// <param name="Body">French plain text, one paragraph per blank line; the service adds the greeting and the footer.</param>
/// <param name="Link">A path in the platform (<c>/t/cher/reunions/…</c>) where the person acts on it.</param>
public sealed record Notification(
    string ModuleId,
    string Kind,
    string? TerritoryId,
    IReadOnlyList<NotificationRecipient> Recipients,
    string Subject,
    string Body,
    string? Link = null,
    IReadOnlyList<NotificationAttachment>? Attachments = null);

/// <param name="Link">Overrides the notification's link for this person (a personal reply link).</param>
public sealed record NotificationRecipient(string Email, string Name, string? Link = null);

/// <param name="Content">Text content (an iCalendar file, a CSV); binary documents stay in the platform behind a link.</param>
public sealed record NotificationAttachment(string FileName, string ContentType, string Content);

/// <summary>A notification travelling through a module's outbox to the core's service.</summary>
public sealed record NotificationRequested(Guid EventId, DateTimeOffset OccurredAt, Notification Notification) : IIntegrationEvent;

/// <param name="Kind">Stable id, e.g. <c>governance.meeting-invitation</c>.</param>
/// <param name="Label">French label shown on the person's preferences page.</param>
public sealed record NotificationKindDeclaration(string Kind, string Label);

public static class NotificationRecipients
{
    /// <summary>The agents who can be written to, each once (by e-mail, whatever its case).</summary>
    public static IReadOnlyList<NotificationRecipient> Of(IEnumerable<Network.PersonInfo> people) =>
        people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).DistinctBy(p => p.Email!.Trim().ToLowerInvariant())
            .Select(p => new NotificationRecipient(p.Email!, p.FullName)).ToList();
}

using SproHub.Shared.Network;
using SproHub.Shared.Notifications;

namespace SproHub.Governance;

internal static class Recipients
{
    /// <summary>The agents who can be written to, each once.</summary>
    public static IReadOnlyList<NotificationRecipient> Of(IEnumerable<PersonInfo> people) =>
        people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).DistinctBy(p => p.Email!.Trim().ToLowerInvariant())
            .Select(p => new NotificationRecipient(p.Email!, p.FullName)).ToList();
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;

namespace SproHub.Host.Notifications.Pages;

[Authorize]
public sealed class InboxModel(IMediator mediator) : FormPageModel
{
    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Opening a notification marks it read, then follows its link.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var read = await mediator.Send(new MarkNotificationRead(id), ct);
        return read.Link is { } link && link.StartsWith('/') ? LocalRedirect(link) : RedirectToPage();
    }

    public Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new MarkNotificationRead(id), ct);
        return "Notification marquée comme lue.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken ct) => Notifications = await mediator.Send(new ListMyNotifications(), ct);
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;

namespace SproHub.Host.Notifications.Pages;

[Authorize]
public sealed class PreferencesModel(IMediator mediator) : FormPageModel
{
    public IReadOnlyList<NotificationPreferenceView> Preferences { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Every kind is listed in the form: a kind not ticked has its e-mails turned off.</summary>
    public Task<IActionResult> OnPostAsync(string[] kinds, string[] email, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new SetMyNotificationPreferences(kinds.Select(k => new PreferenceChoice(k, email.Contains(k))).ToList()), ct);
        return "Vos préférences sont enregistrées.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken ct) => Preferences = await mediator.Send(new GetMyNotificationPreferences(), ct);
}

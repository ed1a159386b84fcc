using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>The personal link of an invitation: the person answers present or excused, no account needed.</summary>
public sealed class ReplyModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    public InvitationView Invitation { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(InvitationReply reply, CancellationToken ct) => SubmitAsync(async () =>
    {
        var answered = await mediator.Send(new ReplyToInvitation(Token, reply), ct);
        return $"Merci, votre réponse est enregistrée : {answered.ReplyLabel}.";
    }, "", ct, new { token = Token });

    protected override async Task LoadAsync(CancellationToken ct) => Invitation = await mediator.Send(new GetInvitation(Token), ct);
}

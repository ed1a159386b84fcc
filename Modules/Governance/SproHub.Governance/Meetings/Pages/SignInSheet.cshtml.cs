using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>The sign-in sheet (<i>feuille d'émargement</i>) to print, pre-filled with the invited people by structure.</summary>
public sealed class SignInSheetModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public MeetingDetail Meeting { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public async Task OnGetAsync(CancellationToken ct) => Meeting = await mediator.Send(new GetMeeting(Id), ct);
}

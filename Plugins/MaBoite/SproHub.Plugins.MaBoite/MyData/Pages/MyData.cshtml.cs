using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.MyData.Pages;

/// <summary>The person's rights over their data: take it all away, or delete it all.</summary>
[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class MyDataModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public string Territory => territory.Current!.Slug;
    public SpaceSummary Space { get; private set; } = null!;
    [BindProperty] public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        await mediator.Send(new DeleteMySpace(Confirmation ?? ""), ct);
        return ("Votre compte et tout votre espace ont été supprimés. Au revoir, et bonne route !", $"/t/{Territory}/ma-boite");
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Space = await mediator.Send(new EnterSpace(), cancellationToken);
}

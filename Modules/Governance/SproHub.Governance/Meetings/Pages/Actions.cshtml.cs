using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings.Pages;

/// <summary>The follow-up of the actions decided in meetings: overdue ones first, until done.</summary>
public sealed class ActionsModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "toutes")] public bool All { get; set; }
    public IReadOnlyList<FollowedAction> Actions { get; private set; } = [];
    public bool CanManage => user.Can(GovernanceModule.ManageMeetingsPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(Guid id, bool done, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var a = await mediator.Send(new SetActionDone(id, done, version), ct);
        return done ? $"« {a.What} » est faite." : $"« {a.What} » est rouverte.";
    }, "", ct, new { territory = Territory, toutes = All });

    protected override async Task LoadAsync(CancellationToken ct) => Actions = await mediator.Send(new ListActions(!All), ct);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Jury.Pages;

/// <summary>
/// The jury's room: members score each clip on the grid (their own marks only until the jury closes), declare their
/// conflicts of interest; the coordinator invites and closes; the president confirms the prizes.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class JuryModel(IMediator mediator, ITerritoryContext territory, IStructureDirectory structures) : FormPageModel
{
    public sealed class MemberForm
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public Guid? StructureId { get; set; }
        public bool IsPresident { get; set; }
    }

    [FromRoute] public int Year { get; set; }
    public JuryView Jury { get; private set; } = null!;
    public IReadOnlyList<StructureInfo> Structures { get; private set; } = [];
    [BindProperty] public MemberForm NewMember { get; set; } = new();
    public string Territory => territory.Current!.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostMemberAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var member = await mediator.Send(new InviteJuryMember(Year, NewMember.Email ?? "", NewMember.Name ?? "", NewMember.StructureId, NewMember.IsPresident), ct);
        return $"Invitation au jury envoyée à {member.Name} : un courriel lui donne l'accès.";
    }, nameof(NewMember), ct);

    public Task<IActionResult> OnPostGridAsync(List<string> names, List<int> weights, CancellationToken ct) => SubmitAsync(async () =>
    {
        var grid = names.Zip(weights).Where(l => !string.IsNullOrWhiteSpace(l.First)).Select(l => new CriterionView(l.First, l.Second)).ToList();
        await mediator.Send(new ChangeGrid(Year, grid), ct);
        return "Grille enregistrée.";
    }, "", ct);

    public Task<IActionResult> OnPostScoreAsync(Guid clipId, List<int> marks, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new ScoreClip(Year, clipId, marks), ct);
        return "Note enregistrée.";
    }, "", ct);

    public Task<IActionResult> OnPostConflictAsync(Guid teamId, ConflictReason reason, string? note, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new DeclareConflict(Year, teamId, reason, note), ct);
        return "Conflit d'intérêts déclaré : vous ne notez pas ce clip.";
    }, "", ct);

    public Task<IActionResult> OnPostCloseAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new CloseJury(Year, version), ct);
        return "Jury clos : le classement est calculé, le président confirme le palmarès.";
    }, "", ct);

    public Task<IActionResult> OnPostPrizesAsync(List<Guid> podium, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new ConfirmPrizes(Year, podium), ct);
        return "Palmarès confirmé : les équipes primées sont prévenues, les prix paraissent dans la galerie.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Jury = await mediator.Send(new GetJury(Year), cancellationToken);
        if (Jury.CanManage) Structures = await structures.ListAsync(Territory, cancellationToken);
    }
}

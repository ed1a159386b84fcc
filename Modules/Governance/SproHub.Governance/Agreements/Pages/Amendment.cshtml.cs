using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Agreements.Pages;

/// <summary>One amendment: its steps and each structure's signature at a glance; each role acts from here.</summary>
public sealed class AmendmentModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user, IPersonDirectory people, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public AmendmentView Amendment { get; private set; } = null!;
    /// <summary>The structures the signed-in person may sign for.</summary>
    public IReadOnlyList<Guid> MyStructures { get; private set; } = [];
    public bool IsRegion => user.Can(GovernanceModule.ManageAgreementsPermission);
    public bool CanFollow => user.Can(GovernanceModule.FollowAgreementsPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public DateOnly Today => ParisTime.Today(clock);
    public string? MyName => user.DisplayName;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostVoteAsync(DateOnly cprVoteOn, int version, CancellationToken ct) =>
        Step(() => mediator.Send(new VoteAmendment(Id, cprVoteOn, version), ct), "Vote de la CPR enregistré.", ct);

    public Task<IActionResult> OnPostSendAsync(int version, CancellationToken ct) =>
        Step(() => mediator.Send(new SendAmendment(Id, version), ct), "Avenant envoyé au coordonnateur.", ct);

    public Task<IActionResult> OnPostForwardAsync(int version, CancellationToken ct) =>
        Step(() => mediator.Send(new ForwardAmendment(Id, version), ct), "Avenant transmis à tous les membres : les signatures sont ouvertes.", ct);

    public Task<IActionResult> OnPostRemindAsync(CancellationToken ct) =>
        Step(() => mediator.Send(new RemindSignatories(Id), ct), "Relance envoyée aux structures qui n'ont pas signé.", ct);

    public Task<IActionResult> OnPostCompileAsync(DateOnly compiledOn, int version, CancellationToken ct) =>
        Step(() => mediator.Send(new CompileAmendment(Id, compiledOn, version), ct), "Avenant compilé et renvoyé au territoire : ses partenaires sont signataires.", ct);

    public Task<IActionResult> OnPostSignAsync(Guid structureId, DateOnly signedOn, string signatoryName, string signatoryRole, bool acknowledged, IFormFile? scan, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await using var content = scan?.OpenReadStream();
            var signed = await mediator.Send(new SignAmendment(Id, structureId, signedOn, signatoryName, signatoryRole, acknowledged,
                content is null ? null : new ScannedCopy(content, scan!.FileName)), ct);
            return $"Signature enregistrée : {signed.SignedCount} sur {signed.Signatures.Count}.";
        }, "", ct, new { territory = Territory, id = Id });

    private Task<IActionResult> Step(Func<Task<AmendmentView>> step, string message, CancellationToken ct) =>
        SubmitAsync(async () => { await step(); return message; }, "", ct, new { territory = Territory, id = Id });

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Amendment = await mediator.Send(new GetAmendment(Id), ct);
        MyStructures = user.Email is { } email
            ? (await people.FindByEmailAsync(Territory, email, ct)).Where(p => p.MaySign).Select(p => p.StructureId).ToList()
            : [];
    }
}

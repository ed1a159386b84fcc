using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Agreements.Pages;

/// <summary>The agreements the local SPRO works under, their signatories at a date and their amendments; the Région drafts from here.</summary>
public sealed class AgreementsModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user, IStructureDirectory structures, TimeProvider clock) : FormPageModel
{
    public sealed class DraftForm
    {
        public Guid AgreementId { get; set; }
        public string Title { get; set; } = "";
        public string Purpose { get; set; } = "";
        public List<Guid> NewPartnerIds { get; set; } = [];
    }

    public sealed class AgreementForm
    {
        public string Title { get; set; } = "";
        public DateOnly? SignedOn { get; set; }
        public List<Guid> StructureIds { get; set; } = [];
    }

    [BindProperty(SupportsGet = true, Name = "au")] public DateOnly? On { get; set; }
    [BindProperty] public AgreementForm NewAgreement { get; set; } = new();
    [BindProperty] public DraftForm Draft { get; set; } = new();
    public IReadOnlyList<AgreementView> Agreements { get; private set; } = [];
    public IReadOnlyList<StructureInfo> Structures { get; private set; } = [];
    public bool IsRegion => user.Can(GovernanceModule.ManageAgreementsPermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;
    public DateOnly ShownOn => On ?? ParisTime.Today(clock);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostDraftAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        var a = await mediator.Send(new DraftAmendment(Draft.AgreementId, Draft.Title, Draft.Purpose, Draft.NewPartnerIds), ct);
        return ($"Avenant n° {a.Number} rédigé.", $"/t/{Territory}/conventions/avenants/{a.Id}");
    }, nameof(Draft), ct);

    public Task<IActionResult> OnPostAgreementAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var a = await mediator.Send(new RecordAgreement(NewAgreement.Title, NewAgreement.SignedOn ?? default, NewAgreement.StructureIds), ct);
        return $"Convention « {a.Title} » enregistrée avec {SproHub.Shared.Text.French.Count(a.Signatories.Count, "signataire", "signataires")}.";
    }, nameof(NewAgreement), ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Agreements = (await mediator.Send(new ListAgreements(), ct)).ToList();
        if (IsRegion) Structures = await structures.ListAsync(Territory, ct);
        if (On is not { } on) return;
        var atDate = new List<AgreementView>();
        foreach (var a in Agreements) atDate.Add(await mediator.Send(new GetAgreement(a.Id, on), ct)); // one context: one query at a time
        Agreements = atDate;
    }
}

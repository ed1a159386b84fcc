using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Partners.Pages;

/// <summary>The cell's partners, when their premises cannot host, and who represents them; the coordination keeps the list.</summary>
public sealed class PartnersModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public sealed class PartnerForm
    {
        public string Name { get; set; } = "";
        public PartnerKind Kind { get; set; }
        public bool HostsSessions { get; set; }
        public int? SecretariatTurn { get; set; }
        public DayOfWeek? UnavailableDay { get; set; }
        public UnavailablePart UnavailablePart { get; set; }
    }
    public sealed class ChangeForm
    {
        public Guid PartnerId { get; set; }
        public bool HostsSessions { get; set; }
        public int? SecretariatTurn { get; set; }
        /// <summary>One checkbox per weekday and half-day: <c>Wednesday|JourneeEntiere</c>.</summary>
        public List<string> Unavailable { get; set; } = [];
        public int Version { get; set; }
    }
    public sealed class RepresentativeForm { public Guid PartnerId { get; set; } public string Email { get; set; } = ""; public string Name { get; set; } = ""; }

    [BindProperty] public PartnerForm NewPartner { get; set; } = new();
    [BindProperty] public RepresentativeForm NewRepresentative { get; set; } = new();
    [BindProperty] public ChangeForm Change { get; set; } = new();
    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];
    public bool CanManage => user.Can(CelluleHandicapModule.ManagePermission);
    public string Territory => territory.Current!.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostPartnerAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var f = NewPartner;
        var partner = await mediator.Send(new AddPartner(f.Name ?? "", f.Kind, f.HostsSessions, f.SecretariatTurn,
            f.UnavailableDay is { } day ? [new UnavailabilityInput(day, f.UnavailablePart)] : []), ct);
        return $"{partner.Name} ajouté aux partenaires.";
    }, nameof(NewPartner), ct);

    public Task<IActionResult> OnPostRepresentativeAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var partner = await mediator.Send(new AddRepresentative(NewRepresentative.PartnerId, NewRepresentative.Email ?? "", NewRepresentative.Name ?? ""), ct);
        return $"{NewRepresentative.Name} représente désormais {partner.Name}.";
    }, nameof(NewRepresentative), ct);

    public Task<IActionResult> OnPostChangeAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var rules = Change.Unavailable.Select(v => v.Split('|')).Where(p => p.Length == 2 && Enum.TryParse<DayOfWeek>(p[0], out _) && Enum.TryParse<UnavailablePart>(p[1], out _))
            .Select(p => new UnavailabilityInput(Enum.Parse<DayOfWeek>(p[0]), Enum.Parse<UnavailablePart>(p[1]))).ToList();
        var partner = await mediator.Send(new ChangePartner(Change.PartnerId, Change.HostsSessions, Change.SecretariatTurn, rules, Change.Version), ct);
        return $"{partner.Name} modifié.";
    }, nameof(Change), ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid partnerId, Guid representativeId, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RemoveRepresentative(partnerId, representativeId), ct);
        return "Représentant retiré.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Partners = await mediator.Send(new ListPartners(), cancellationToken);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Sessions.Pages;

/// <summary>The cell's calendar; the secretariat whose turn it is picks a venue, then one of its compatible half-days.</summary>
public sealed class SessionsModel(IMediator mediator, CellMembership membership, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public sealed class ScheduleForm
    {
        public SessionKind Kind { get; set; }
        /// <summary><c>2026-12-03|Matin</c>: one of the slots offered.</summary>
        public string? Slot { get; set; }
        public Guid VenuePartnerId { get; set; }
        public Guid? SecretariatPartnerId { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "lieu")] public Guid? Venue { get; set; }
    [BindProperty] public ScheduleForm Form { get; set; } = new();
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];
    public IReadOnlyList<Partner> Mine { get; private set; } = [];
    public IReadOnlyList<SlotView> Slots { get; private set; } = [];
    public string Territory => territory.Current!.Slug;
    public bool CanTakePart => user.Can(CelluleHandicapModule.TakePartPermission);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var parts = (Form.Slot ?? "").Split('|');
        var date = parts.Length == 2 && DateOnly.TryParse(parts[0], out var d) ? d : default;
        var half = parts.Length == 2 && Enum.TryParse<HalfDay>(parts[1], out var h) ? h : HalfDay.Matin;
        if (date == default) throw new SproHub.Shared.Errors.RuleViolationException("slot", "creneau", "Choisissez un des créneaux proposés.");
        var session = await mediator.Send(new ScheduleSession(Form.Kind, date, half, Form.VenuePartnerId, Form.SecretariatPartnerId), ct);
        return $"{session.KindLabel} prévue le {session.Date:dd/MM/yyyy} ({session.HalfDayLabel}) {PartnerNames.At(session.Venue)}, secrétariat : {session.Secretariat}.";
    }, nameof(Form), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sessions = await mediator.Send(new ListSessions(null), cancellationToken);
        Partners = await mediator.Send(new ListPartners(), cancellationToken);
        Mine = await membership.MyPartnersAsync(cancellationToken);
        Venue ??= Form.VenuePartnerId == Guid.Empty ? null : Form.VenuePartnerId;
        if (Venue is { } venue && Partners.Any(p => p.Id == venue && p.HostsSessions)) Slots = await mediator.Send(new CompatibleSlots(venue, null), cancellationToken);
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Sessions.Pages;

/// <summary>A session's agenda: composed and sent by its secretariat, read by the partners attending.</summary>
public sealed class SessionModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public AgendaView Agenda { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new PublishAgenda(Id), ct);
        return "Ordre du jour envoyé aux partenaires (sans aucun nom).";
    }, "", ct, new { Id });

    public Task<IActionResult> OnPostAcceptAsync(Guid situationId, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new AcceptOnAgenda(Id, situationId), ct);
        return "Situation ajoutée à l'ordre du jour.";
    }, "", ct, new { Id });

    public Task<IActionResult> OnPostAttendanceAsync(Guid partnerId, bool attends, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new SetAttendance(Id, partnerId, attends), ct);
        return attends ? "Présence indiquée." : "Absence indiquée : votre structure ne recevra pas les situations de cette séance.";
    }, "", ct, new { Id });

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Agenda = await mediator.Send(new GetAgenda(Id), cancellationToken);
}

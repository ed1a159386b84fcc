using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Envelopes.Pages;

/// <summary>The Région's envelopes of a year, and the form to allot one to a department or a local SPRO.</summary>
public sealed class EnvelopesModel(IMediator mediator, ITerritoryDirectory territories, IStructureDirectory structures, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    public IReadOnlyList<EnvelopeView> Envelopes { get; private set; } = [];
    public IReadOnlyList<TerritoryInfo> Targets { get; private set; } = [];
    /// <summary>The member structures that may carry an envelope, by local SPRO.</summary>
    public IReadOnlyList<(TerritoryInfo Territory, IReadOnlyList<StructureInfo> Structures)> Carriers { get; private set; } = [];
    public int ShownYear => Year ?? ParisTime.Today(clock).Year;

    /// <summary>A form refused because the recipient already has an envelope on those days: what was typed, to confirm.</summary>
    public sealed record PendingEnvelope(string TerritoryId, string Purpose, decimal Amount, DateOnly StartsOn, DateOnly EndsOn, Guid CarrierStructureId, DateOnly AllottedOn);

    public PendingEnvelope? Pending { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(string? territoryId, string? purpose, string? amount, DateOnly? startsOn, DateOnly? endsOn, Guid? carrierStructureId, DateOnly? allottedOn,
        bool confirmSecond, CancellationToken ct) => SubmitAsync(async () =>
    {
        var request = new AllotEnvelope(territoryId ?? "", purpose ?? "", EuroInput.Parse(amount, "amount", "Montant"), startsOn ?? default, endsOn ?? default,
            carrierStructureId ?? Guid.Empty, allottedOn ?? default, confirmSecond);
        EnvelopeView allotted;
        try { allotted = await mediator.Send(request, ct); }
        catch (RuleViolationException refused) when (refused.Rule == Envelope.SecondRule)
        {
            // The confirmation step: the page shows the envelopes already there (in the refusal) and asks again.
            Pending = new PendingEnvelope(request.TerritoryId, request.Purpose, request.Amount, request.StartsOn, request.EndsOn, request.CarrierStructureId, request.AllottedOn);
            throw;
        }
        return $"Enveloppe de {Requests.SubsidyRules.Euros(allotted.Amount)} allouée à {allotted.TerritoryName}, portée par {allotted.CarrierName}.";
    }, "", ct, new { annee = Year });

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Envelopes = await mediator.Send(new ListEnvelopes(ShownYear), ct);
        Targets = (await territories.ListAsync(ct)).Where(t => t.Kind is TerritoryKind.Department or TerritoryKind.LocalSpro).ToList();
        var carriers = new List<(TerritoryInfo, IReadOnlyList<StructureInfo>)>();
        foreach (var spro in Targets.Where(t => t.Kind == TerritoryKind.LocalSpro)) carriers.Add((spro, await structures.ListAsync(spro.Slug, ct)));
        Carriers = carriers;
    }
}

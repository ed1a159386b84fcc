using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Requests.Pages;

/// <summary>The local SPRO's financial agreement of a year and its subsidy request: the carrier drafts and files it here.</summary>
public sealed class BudgetModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user, SproHub.Shared.Network.IStructureDirectory structures, TimeProvider clock) : FormPageModel
{
    public sealed class LineRow
    {
        public LineKind Kind { get; set; }
        public string? Label { get; set; }
        /// <summary>As typed: « 4 500,50 » or « 4500.50 ».</summary>
        public string? Amount { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Amount);
    }

    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    [BindProperty] public List<LineRow> Lines { get; set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public RequestView? Subsidy { get; private set; }
    /// <summary>For the Région: the territory's structures, one of which carries a new agreement.</summary>
    public IReadOnlyList<SproHub.Shared.Network.StructureInfo> Structures { get; private set; } = [];
    public int NextYearToOpen => Years.Count == 0 ? ParisTime.Today(clock).Year : Years.Max() + 1;
    public IReadOnlyList<Envelopes.EnvelopeView> Envelopes { get; private set; } = [];
    public bool IsRegion => user.Can(BudgetsModule.ManagePermission);
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostSaveAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var lines = Lines.Where(l => !l.IsBlank).Select((l, i) => new LineInput(l.Kind, l.Label ?? "", Euros(l.Amount, i))).ToList();
        var saved = await mediator.Send(new SaveSubsidyRequest(Year ?? 0, lines, version), ct);
        return $"Demande enregistrée : {SubsidyRules.Euros(saved.Total)} dont {SubsidyRules.Euros(saved.Coordination)} de coordination.";
    }, nameof(Lines), ct, new { territory = Territory, annee = Year });

    public Task<IActionResult> OnPostFileAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var filed = await mediator.Send(new FileSubsidyRequest(Year ?? 0, version), ct);
        return $"Demande {filed.YearLabel} déposée auprès de la Région : {SubsidyRules.Euros(filed.Total)}.";
    }, "", ct, new { territory = Territory, annee = Year });

    public Task<IActionResult> OnPostDecideAsync(DateOnly? cprVoteOn, List<Guid> lineIds, List<string?> granted, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var lines = lineIds.Select((id, i) => new GrantedLine(id, EuroInput.Parse(granted.ElementAtOrDefault(i), $"lines[{i}].granted", $"Ligne {i + 1}"))).ToList();
        var decided = await mediator.Send(new DecideSubsidy(Year ?? 0, cprVoteOn ?? default, lines, version), ct);
        return FundingRules.Advance50.AppliesTo(decided.Year)
            ? $"Décision enregistrée : {SubsidyRules.Euros(decided.Granted)} accordés ; acompte de {SubsidyRules.Euros(decided.Advance)} à verser en mars."
            : $"Décision enregistrée : {SubsidyRules.Euros(decided.Granted)} accordés.";
    }, "", ct, new { territory = Territory, annee = Year });

    public Task<IActionResult> OnPostPayAsync(PaymentKind kind, string? amount, DateOnly? paidOn, string? reference, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var paid = await mediator.Send(new PaySubsidy(Year ?? 0, kind, EuroInput.Parse(amount, "amount", "Montant"), paidOn ?? default, reference ?? "", version), ct);
        return $"Paiement enregistré : {SubsidyRules.Euros(paid.Paid)} versés, {SubsidyRules.Euros(paid.LeftToPay)} restent à verser.";
    }, "", ct, new { territory = Territory, annee = Year });

    public Task<IActionResult> OnPostOpenAsync(int openYear, Guid? carrierStructureId, DateOnly? requestDeadline, CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        var opened = await mediator.Send(new OpenAgreement(openYear, carrierStructureId ?? Guid.Empty, requestDeadline ?? default), ct);
        return ($"Convention financière {opened.YearLabel} ouverte, portée par {opened.CarrierName} ; demande à déposer avant le {opened.Deadline:dd/MM/yyyy}.",
            $"/t/{Territory}/budget?annee={opened.Year}");
    }, "", ct);

    public Task<IActionResult> OnPostAllowLateAsync(string reason, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new AllowLateRequest(Year ?? 0, reason, version), ct);
        return "Dépôt tardif autorisé ; la raison est enregistrée.";
    }, "", ct, new { territory = Territory, annee = Year });

    private static decimal Euros(string? typed, int line) => EuroInput.Parse(typed, $"lines[{line}].amount", $"Ligne {line + 1}");

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Years = await mediator.Send(new ListAgreementYears(), ct);
        Envelopes = await mediator.Send(new Envelopes.ListTerritoryEnvelopes(), ct);
        if (IsRegion) Structures = await structures.ListAsync(Territory, ct);
        Year ??= Years.FirstOrDefault();
        if (Year is not { } year || !Years.Contains(year)) return;
        Subsidy = await mediator.Send(new GetSubsidyRequest(year), ct);
        // A refused form shows what was typed; otherwise what is stored, with empty lines to add.
        if (HttpContext.Request.Query["handler"] != "Save" || ModelState.IsValid)
            Lines = Subsidy.Lines.Select(l => new LineRow { Kind = l.Kind, Label = l.Label, Amount = EuroInput.Format(l.Amount) }).ToList();
        while (Lines.Count(l => l.IsBlank) < 3) Lines.Add(new LineRow());
    }
}

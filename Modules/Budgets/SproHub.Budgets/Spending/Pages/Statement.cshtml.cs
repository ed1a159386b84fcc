using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Budgets.Amendments;
using SproHub.Budgets.Closure;
using SproHub.Budgets.Requests;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Spending.Pages;

/// <summary>The year's spending statement: the carrier reports here; the Région extends the agreement, closes the year and corrects after.</summary>
public sealed class StatementModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    /// <summary>The date of the consumption rate shown (today by default).</summary>
    [BindProperty(SupportsGet = true, Name = "au")] public DateOnly? At { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public StatementView? Statement { get; private set; }
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostSpendAsync(Guid lineId, DateOnly? spentOn, string? amount, string? label, string? reason, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var after = await mediator.Send(new RecordSpending(Year ?? 0, lineId, spentOn ?? default, EuroInput.Parse(amount, "amount", "Montant"), label ?? "", reason, version), ct);
        return $"Dépense enregistrée : {SubsidyRules.Euros(after.Spent)} dépensés, soit {SubsidyRules.Percent(after.Consumption)} de la subvention accordée.";
    }, "", ct, new { territory = Territory, annee = Year });

    public Task<IActionResult> OnPostExtendAsync(DateOnly? newEndsOn, DateOnly? cprVoteOn, DateOnly? signedOn, string? reason, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var after = await mediator.Send(new ExtendAgreement(Year ?? 0, newEndsOn ?? default, cprVoteOn ?? default, signedOn ?? default, reason ?? "", version), ct);
        return $"Avenant enregistré : la convention court désormais jusqu'au {after.EndsOn:dd/MM/yyyy}.";
    }, "", ct, new { territory = Territory, annee = Year });

    public Task<IActionResult> OnPostCloseAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var after = await mediator.Send(new CloseYear(Year ?? 0, version), ct);
        return $"Année {after.YearLabel} close : {SubsidyRules.Euros(after.ClosedSpent ?? 0)} dépensés sur {SubsidyRules.Euros(after.Granted)} accordés.";
    }, "", ct, new { territory = Territory, annee = Year });

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Years = await mediator.Send(new ListAgreementYears(), ct);
        Year ??= Years.FirstOrDefault();
        if (Year is { } year && Years.Contains(year)) Statement = await mediator.Send(new GetSpendingStatement(year, At), ct);
    }
}

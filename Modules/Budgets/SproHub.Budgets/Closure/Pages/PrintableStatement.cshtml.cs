using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Budgets.Requests;
using SproHub.Budgets.Spending;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Closure.Pages;

/// <summary>The year's statement on paper: request, decision, payments and spending per line (locked once the year is closed).</summary>
public sealed class PrintableStatementModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")] public int Year { get; set; }
    public RequestView Subsidy { get; private set; } = null!;
    public StatementView Statement { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;
    public string TerritoryName => territory.Current!.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Subsidy = await mediator.Send(new GetSubsidyRequest(Year), ct);
        Statement = await mediator.Send(new GetSpendingStatement(Year), ct);
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Reporting.Pages;

/// <summary>The year in figures (small counts masked), the territorial issues for the PLITH/PRITH and the table of cases.</summary>
public sealed class ReportModel(IMediator mediator, ITerritoryContext territory, TimeProvider clock) : FormPageModel
{
    public sealed class IssueForm { public IssueAddressee Addressee { get; set; } public string Title { get; set; } = ""; public string Text { get; set; } = ""; }

    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    [BindProperty] public IssueForm Issue { get; set; } = new();
    public ReportView Report { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;
    public int TheYear => Year ?? ParisTime.Today(clock).Year;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await mediator.Send(new ExportCases(TheYear), ct), ReportingEndpoints.XlsxType, $"cellule-handicap-jeunes-{TheYear}.xlsx");

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new ReportIssue(TheYear, Issue.Addressee, Issue.Title ?? "", Issue.Text ?? ""), ct);
        return "Problématique enregistrée pour le bilan.";
    }, nameof(Issue), ct, new { annee = TheYear });

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Report = await mediator.Send(new GetReport(TheYear), cancellationToken);
}

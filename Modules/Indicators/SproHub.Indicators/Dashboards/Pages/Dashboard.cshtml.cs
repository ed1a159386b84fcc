using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Indicators.Cycle;
using SproHub.Shared.Errors;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Dashboards.Pages;

/// <summary>The local SPRO's evaluation dashboard of a year: read, completed, submitted, approved, corrected.</summary>
public sealed class DashboardModel(IMediator mediator, ITerritoryContext territory, TimeProvider clock, SproHub.Shared.Security.ICurrentUser user) : FormPageModel
{
    public sealed class TrainingLine
    {
        public string? StructureType { get; set; }
        public string? Trained { get; set; }
        public string? Agents { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "annee")] public int? Year { get; set; }
    [BindProperty] public List<TrainingLine> Trainings { get; set; } = [];
    public TerritoryDashboard? Dashboard { get; private set; }
    /// <summary>Why a member sees no dashboard this year (not approved yet): said on the page, with the other years at hand.</summary>
    public string? Refusal { get; private set; }
    public int ShownYearForNav => ShownYear;
    public string Territory => territory.Current!.Slug;
    private int ShownYear => Year ?? ParisTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The Région's indicators are every local SPRO's dashboards: its territory menu leads to them.
        if (territory.Current!.Kind == TerritoryKind.Region) return Redirect("/indicateurs");
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostFormAsync(string? coordinatingStructure, string? coordinationAgents, string? coordinationFte, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        // A row left empty saves nothing: the directory's count shown in it is only a suggestion.
        var lines = Trainings.Select((t, i) => (Line: t, Index: i))
            .Where(t => !string.IsNullOrWhiteSpace(t.Line.StructureType) && !(string.IsNullOrWhiteSpace(t.Line.Trained) && string.IsNullOrWhiteSpace(t.Line.Agents)))
            .Select(t => new TrainingInput(t.Line.StructureType!, Number(t.Line.Trained, $"trainings[{t.Index}].trained") ?? 0, Number(t.Line.Agents, $"trainings[{t.Index}].agents") ?? 0)).ToList();
        await mediator.Send(new SaveDashboardForm(ShownYear, lines, coordinatingStructure, Number(coordinationAgents, "coordinationAgents"), Number(coordinationFte, "coordinationFte"), version), ct);
        return "Saisie enregistrée.";
    }, "", ct, new { territory = Territory, annee = ShownYear });

    public Task<IActionResult> OnPostSubmitAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new SubmitDashboard(ShownYear, version), ct);
        return $"Tableau de bord {ShownYear} soumis à la Région.";
    }, "", ct, new { territory = Territory, annee = ShownYear });

    public Task<IActionResult> OnPostApproveAsync(int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var approved = await mediator.Send(new ApproveDashboard(ShownYear, version), ct);
        return $"Tableau de bord {ShownYear} approuvé (version {approved.Number}) : ses chiffres sont arrêtés.";
    }, "", ct, new { territory = Territory, annee = ShownYear });

    public Task<IActionResult> OnPostCorrectAsync(string? reason, int version, CancellationToken ct) => SubmitAsync(async () =>
    {
        var corrected = await mediator.Send(new CorrectDashboard(ShownYear, reason ?? "", version), ct);
        return $"Version {corrected.Number} ouverte : corrigez puis soumettez-la ; la version approuvée reste consultable.";
    }, "", ct, new { territory = Territory, annee = ShownYear });

    /// <summary>A count or FTE as typed (« 2,5 »); empty is none.</summary>
    private static decimal? Number(string? typed, string field) =>
        string.IsNullOrWhiteSpace(typed) ? null
        : decimal.TryParse(typed.Replace(" ", "").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value
        : throw new RuleViolationException(field, "nombre", $"« {typed} » n'est pas un nombre (par exemple 12 ou 2,5).");

    protected override async Task LoadAsync(CancellationToken ct)
    {
        try { Dashboard = await mediator.Send(new GetTerritoryDashboard(ShownYear), ct); }
        catch (ForbiddenException refused) when (user.Can(IndicatorsModule.ReadPermission) && HttpContext.Request.Method == "GET")
        {
            Refusal = refused.Message;
            return;
        }
        if (Dashboard!.Form is { } form && (HttpContext.Request.Query["handler"] != "Form" || ModelState.IsValid))
            Trainings = form.Trainings.Select(t => new TrainingLine { StructureType = t.StructureType, Trained = t.Trained?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")), Agents = t.Agents?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")) }).ToList();
        if (Trainings.All(t => !string.IsNullOrWhiteSpace(t.StructureType))) Trainings.Add(new TrainingLine());
    }
}

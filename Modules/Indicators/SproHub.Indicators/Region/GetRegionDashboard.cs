using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Dashboards;
using SproHub.Indicators.Data;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Region;

/// <param name="Status">For a local SPRO, where its dashboard of the year stands (Draft, Submitted, Approved); null for a department.</param>
public sealed record RollupColumn(string Id, string Name, TerritoryKind Kind, string? DepartmentCode, string? Status = null, int Number = 0);

/// <param name="Figures">By column id (local SPRO, department, <c>region</c>); absent where the indicator does not exist (a plugin not enabled).</param>
/// <param name="Number">The indicator's number in the Région's evaluation, null for the others (people read it with the label, never the code).</param>
public sealed record RollupLine(string Code, string Label, string Unit, IndicatorKind Kind, IndicatorSource Source, EvaluativeQuestion Question, IReadOnlyDictionary<string, IndicatorFigure?> Figures,
    string? Number = null);

public sealed record RegionDashboard(int Year, string? Department, IReadOnlyList<RollupColumn> Territories, IReadOnlyList<RollupColumn> Departments, IReadOnlyList<RollupLine> Lines);

/// <summary>The Région's rollup of a year: every local SPRO, its department and the Région; rates recomputed from summed numerators and denominators.</summary>
[RequiresPermission(IndicatorsModule.RegionPermission)]
public sealed record GetRegionDashboard(int Year, string? Department = null) : IRequest<RegionDashboard>;

public sealed class GetRegionDashboardValidator : AbstractValidator<GetRegionDashboard>
{
    public GetRegionDashboardValidator()
    {
        RuleFor(r => r.Year).EvaluationYear();
        RuleFor(r => r.Department).DepartmentCode();
    }
}

internal sealed class GetRegionDashboardHandler(DashboardFigures figures, IndicatorCatalogue catalogue, ITerritoryDirectory territories, IndicatorsDbContext db)
    : IRequestHandler<GetRegionDashboard, RegionDashboard>, IRequestHandler<ExportRegionDashboard, DashboardFile>
{
    public const string RegionColumn = "region";

    public async Task<DashboardFile> Handle(ExportRegionDashboard request, CancellationToken cancellationToken) =>
        RegionDashboardFile.Of(await Handle(new GetRegionDashboard(request.Year, request.Department), cancellationToken), request.Xlsx);

    public async Task<RegionDashboard> Handle(GetRegionDashboard request, CancellationToken cancellationToken)
    {
        var map = (await territories.ListAsync(cancellationToken)).Where(t => request.Department is null || t.DepartmentCode == request.Department).ToList();
        var statuses = await db.Dashboards.AsNoTracking().Where(d => d.Year == request.Year).ToDictionaryAsync(d => d.TerritoryId, d => (d.Status, d.Number), cancellationToken);
        var spros = map.Where(t => t.Kind == TerritoryKind.LocalSpro).Select(t => new RollupColumn(t.Slug, t.Name, t.Kind, t.DepartmentCode,
            statuses.TryGetValue(t.Slug, out var s) ? s.Status.ToString() : "Draft", statuses.TryGetValue(t.Slug, out var n) ? n.Number : 1)).ToList();
        var departments = map.Where(t => t.Kind == TerritoryKind.Department).Select(t => new RollupColumn(t.Slug, t.Name, t.Kind, t.DepartmentCode)).ToList();
        var values = await figures.ForRollupAsync(spros.Select(s => s.Id).ToList(), request.Year, cancellationToken);
        // A plugin's indicator exists only where the plugin is enabled: elsewhere it is absent, not zero, and adds nothing.
        var enabled = spros.ToDictionary(s => s.Id, s => catalogue.For(s.Id).Select(d => d.Code).ToHashSet());
        var lines = catalogue.For(null).Select(d =>
        {
            var cells = spros.ToDictionary(s => s.Id, s => enabled[s.Id].Contains(d.Code) ? values[s.Id].GetValueOrDefault(d.Code) : null);
            var byColumn = new Dictionary<string, IndicatorFigure?>(cells);
            foreach (var department in departments) byColumn[department.Id] = IndicatorFigure.Sum(spros.Where(s => s.DepartmentCode == department.DepartmentCode).Select(s => cells[s.Id]));
            byColumn[RegionColumn] = IndicatorFigure.Sum(cells.Values);
            // Summed exact, then withheld where a count of people is too small to show.
            return new RollupLine(d.Code, d.Label, d.Unit, d.Kind, d.Source, d.Question, byColumn.ToDictionary(c => c.Key, c => Figures.Shown(c.Value, d.Kind)), d.Number);
        }).ToList();
        return new RegionDashboard(request.Year, request.Department, spros, departments, lines);
    }
}

internal static class RegionDashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/dashboards/{year:int}", async Task<Ok<RegionDashboard>> (int year, string? department, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetRegionDashboard(year, department), ct)))
            .WithSummary("Région : les indicateurs d'une année par SPRO local, département et Région (?department=18)");
}

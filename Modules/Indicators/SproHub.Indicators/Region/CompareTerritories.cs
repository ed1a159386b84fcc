using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Dashboards;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Region;

public sealed record ComparedColumn(string TerritoryId, string TerritoryName, int Year);

/// <param name="Figures">One per column, in the columns' order; null where the indicator does not exist there.</param>
public sealed record ComparedLine(string Code, string Label, EvaluativeQuestion Question, IndicatorKind Kind, IReadOnlyList<IndicatorFigure?> Figures, string? Number = null);

public sealed record Comparison(IReadOnlyList<ComparedColumn> Columns, IReadOnlyList<ComparedLine> Lines);

/// <summary>The Région compares local SPROs over years (each year's approved figures where approved, live otherwise).</summary>
[RequiresPermission(IndicatorsModule.RegionPermission)]
public sealed record CompareTerritories(IReadOnlyList<string> Territories, int From, int To) : IRequest<Comparison>;

public sealed class CompareTerritoriesValidator : AbstractValidator<CompareTerritories>
{
    public CompareTerritoriesValidator()
    {
        RuleFor(r => r.Territories).NotEmpty().WithMessage("Choisissez au moins un SPRO local.")
            .Must(t => t is null || t.Distinct().Count() <= 6).WithErrorCode("six-au-plus").WithMessage("Comparez au plus six SPRO locaux à la fois.");
        RuleForEach(r => r.Territories).NotEmpty().WithMessage("Choisissez un SPRO local.");
        RuleFor(r => r.From).EvaluationYear();
        RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From).WithErrorCode("periode").WithMessage("La période finit après son début.")
            .Must((r, to) => to - r.From < 10).WithErrorCode("dix-ans-au-plus").WithMessage("Comparez au plus dix années.");
    }
}

internal sealed class CompareTerritoriesHandler(DashboardFigures figures, IndicatorCatalogue catalogue, ITerritoryDirectory territories) : IRequestHandler<CompareTerritories, Comparison>
{
    public async Task<Comparison> Handle(CompareTerritories request, CancellationToken cancellationToken)
    {
        var known = (await territories.ListAsync(cancellationToken)).Where(t => t.Kind == TerritoryKind.LocalSpro).ToDictionary(t => t.Slug);
        var chosen = request.Territories.Distinct().ToList();
        if (chosen.FirstOrDefault(t => !known.ContainsKey(t)) is { } unknown) throw new RuleViolationException("territories", "spro-local", $"« {unknown} » n'est pas un SPRO local.");
        var columns = chosen.SelectMany(t => Enumerable.Range(request.From, request.To - request.From + 1).Select(y => new ComparedColumn(t, known[t].Name, y))).ToList();
        var byYear = new Dictionary<int, Dictionary<string, Dictionary<string, IndicatorFigure>>>();
        for (var year = request.From; year <= request.To; year++) byYear[year] = await figures.ForRollupAsync(chosen, year, cancellationToken);
        var enabled = chosen.ToDictionary(t => t, t => catalogue.For(t).Select(d => d.Code).ToHashSet());
        var lines = catalogue.For(null).Where(d => chosen.Any(t => enabled[t].Contains(d.Code)))
            .Select(d => new ComparedLine(d.Code, d.Label, d.Question, d.Kind,
                columns.Select(c => enabled[c.TerritoryId].Contains(d.Code) ? Dashboards.Figures.Shown(byYear[c.Year][c.TerritoryId].GetValueOrDefault(d.Code), d.Kind) : null).ToList(), d.Number)).ToList();
        return new Comparison(columns, lines);
    }
}

internal static class CompareEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/comparison", async Task<Ok<Comparison>> (string[] territories, int from, int to, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CompareTerritories(territories, from, to), ct)))
            .WithSummary("Région : comparer des SPRO locaux sur des années (?territories=cher&territories=orleans&from=2024&to=2026)");
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Data;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Dashboards;

public sealed record DashboardLine(string Code, string Label, string Unit, IndicatorKind Kind, IndicatorSource Source, string? Numerator, string? Denominator, IndicatorFigure? Figure, string? ModuleId);

public sealed record DashboardSection(EvaluativeQuestion Question, string Title, IReadOnlyList<DashboardLine> Lines);

public sealed record MeetingRow(DateOnly Day, string Subject, string MeetingType, int InvitedStructures, int ParticipatingStructures, IndicatorFigure Attendance);

public sealed record TerritoryDashboard(string TerritoryId, string TerritoryName, int Year, IReadOnlyList<DashboardSection> Sections, IReadOnlyList<MeetingRow> Meetings);

/// <summary>A local SPRO's dashboard of a year: the three questions' indicators, and the meetings behind indicators 1 and 2.</summary>
[RequiresPermission(IndicatorsModule.ReadPermission)]
public sealed record GetTerritoryDashboard(int Year) : IRequest<TerritoryDashboard>;

public sealed class GetTerritoryDashboardValidator : AbstractValidator<GetTerritoryDashboard>
{
    public GetTerritoryDashboardValidator() => RuleFor(r => r.Year).InclusiveBetween(2015, 2100).WithMessage("L'année va de 2015 à 2100.");
}

internal sealed class GetTerritoryDashboardHandler(IndicatorsDbContext db, DashboardFigures figures, IndicatorCatalogue catalogue, ITerritoryContext territory)
    : IRequestHandler<GetTerritoryDashboard, TerritoryDashboard>
{
    public async Task<TerritoryDashboard> Handle(GetTerritoryDashboard request, CancellationToken cancellationToken)
    {
        var current = territory.Current!;
        var values = (await figures.ComputeAsync([current.Slug], request.Year, cancellationToken))[current.Slug];
        var (from, to) = (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.TerritoryId == current.Slug && m.Day >= from && m.Day <= to).OrderBy(m => m.Day)
            .Select(m => new { m.Day, m.Subject, m.MeetingType, m.InvitedStructures, m.ParticipatingStructures }).ToListAsync(cancellationToken);
        return new TerritoryDashboard(current.Slug, current.Name, request.Year, Sections(catalogue.For(current.Slug), code => values.GetValueOrDefault(code)),
            meetings.Select(m => new MeetingRow(m.Day, m.Subject, m.MeetingType, m.InvitedStructures, m.ParticipatingStructures, IndicatorFigure.Rate(m.ParticipatingStructures, m.InvitedStructures))).ToList());
    }

    public static IReadOnlyList<DashboardSection> Sections(IReadOnlyList<IndicatorDefinition> definitions, Func<string, IndicatorFigure?> figure) =>
        Enum.GetValues<EvaluativeQuestion>().Select(q => new DashboardSection(q, IndicatorDefinition.QuestionLabel(q), definitions.Where(d => d.Question == q)
            .Select(d => new DashboardLine(d.Code, d.Label, d.Unit, d.Kind, d.Source, d.Numerator, d.Denominator, figure(d.Code), d.ModuleId)).ToList())).ToList();
}

internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder territoryApi) =>
        territoryApi.MapGet("/dashboards/{year:int}", async Task<Ok<TerritoryDashboard>> (int year, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetTerritoryDashboard(year), ct))).WithSummary("Le tableau de bord d'évaluation du SPRO local pour une année, par question évaluative");
}

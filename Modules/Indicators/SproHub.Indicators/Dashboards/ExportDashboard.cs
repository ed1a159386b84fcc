using FluentValidation;
using SproHub.Indicators.Catalogue;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SproHub.Shared.Security;

namespace SproHub.Indicators.Dashboards;

/// <summary>
/// A territory's dashboard of a year as a workbook in the layout of the Région's dashboards (seed 002: meetings for 1-2,
/// trainings per type of structure for 7-7bis-20, coordination for 24-25) plus a summary sheet; or the summary as CSV.
/// </summary>
[RequiresPermission(IndicatorsModule.ReadPermission)]
public sealed record ExportDashboard(int Year, bool Xlsx) : IRequest<DashboardFile>;

public sealed record DashboardFile(byte[] Content, string ContentType, string FileName);

public sealed class ExportDashboardValidator : AbstractValidator<ExportDashboard>
{
    public ExportDashboardValidator() => RuleFor(r => r.Year).EvaluationYear();
}

internal sealed class ExportDashboardHandler(DashboardViews views) : IRequestHandler<ExportDashboard, DashboardFile>
{
    /// <summary>Seed 002's tables show three years side by side (2016-2018, 2017-2019): the year asked and the two before it, where there is something.</summary>
    public const int YearsSideBySide = 3;

    private const string TypeColumn = "Structures membres de votre réseau";

    public async Task<DashboardFile> Handle(ExportDashboard request, CancellationToken cancellationToken)
    {
        var d = await views.BuildAsync(request.Year, cancellationToken);
        var name = $"indicateurs-{d.TerritoryId}-{d.Year}";
        // The summary as the pages read it: the indicator's number and label, a rate in its own column (formatted as a percentage).
        var summary = d.Sections.SelectMany(s => s.Lines.Select(l => new Dictionary<string, object?>
        {
            ["Question"] = (int)s.Question, ["N°"] = l.Number, ["Indicateur"] = l.Label,
            ["Valeur"] = l.Kind == IndicatorKind.Rate ? null : Figures.Cell(l.Figure),
            [RateColumn] = l.Kind != IndicatorKind.Rate ? null : request.Xlsx ? l.Figure?.Value : Figures.Format(l.Figure, l.Kind),
            ["Unité"] = l.Unit, ["Numérateur"] = l.Figure?.Numerator, ["Dénominateur"] = l.Figure?.Denominator, ["Source"] = Figures.Source(l.Source),
        })).ToList();
        if (!request.Xlsx) return new DashboardFile(Spreadsheets.Csv(summary), Spreadsheets.CsvType, $"{name}.csv");

        var years = await YearsAsync(d, cancellationToken);
        var meetings = years.SelectMany(y => y.Meetings.Select(m => new Dictionary<string, object?>
        {
            ["Année"] = y.Year, ["Date de la réunion"] = m.Day.ToDateTime(TimeOnly.MinValue), ["Nombre de structures invitées"] = m.InvitedStructures,
            ["Nombre de structures participantes"] = m.ParticipatingStructures, ["Objet"] = m.Subject, [AttendanceColumn] = m.Attendance.Value,
        })).ToList();
        var coordination = years.Select(y => new Dictionary<string, object?>
        {
            ["Année"] = y.Year, ["Structure coordonnatrice du réseau"] = y.CoordinatingStructure,
            ["Nombre d'agents dans les structures membres"] = Value(y, IndicatorCatalogue.CoordinationAgents), ["Nb d'Équivalents Temps Plein"] = Value(y, IndicatorCatalogue.CoordinationFte),
        }).ToList();
        var workbook = Spreadsheets.Xlsx(new Dictionary<string, object>
        {
            ["Synthèse"] = summary, ["Indicateurs 1-2"] = meetings, ["Indicateurs 7-7bis-20"] = Trainings(years), ["Indicateurs 24-25"] = coordination,
        }, percentColumns: [RateColumn, AttendanceColumn, .. years.Select(y => ShareColumn(y.Year))]);
        return new DashboardFile(workbook, Spreadsheets.XlsxType, $"{name}.xlsx");
    }

    private const string RateColumn = "Taux";
    private const string AttendanceColumn = "Taux de présence aux réunions";
    public static string TrainedColumn(int year) => $"Agents formés {year}";
    public static string AgentsColumn(int year) => $"Nombre d'agents dans les structures membres {year}";
    public static string ShareColumn(int year) => $"Part des agents formés {year}";

    /// <summary>
    /// Seed 002's table: a row per type of member structure in its order, then the others; per year the agents trained
    /// (7), the agents counted (7bis) and their share (20). A type with nothing saved is left empty, as it counts nothing
    /// in the summary: each year's 7bis column adds up to the summary's 7bis.
    /// </summary>
    private static List<Dictionary<string, object?>> Trainings(IReadOnlyList<TerritoryDashboard> years)
    {
        var rows = Cycle.MemberStructureTypes.Ordered(years.SelectMany(y => y.Form?.Trainings ?? []).Select(t => t.StructureType));
        return rows.Select(type =>
        {
            var row = new Dictionary<string, object?> { [TypeColumn] = type };
            foreach (var y in years)
            {
                var saved = (y.Form?.Trainings ?? []).Where(t => string.Equals(Cycle.MemberStructureTypes.Canonical(t.StructureType), type, StringComparison.OrdinalIgnoreCase)).ToList();
                decimal? Sum(Func<Cycle.TrainingRow, decimal?> value) => saved.Any(t => value(t) is not null) ? saved.Sum(t => value(t) ?? 0) : null;
                var (trained, agents) = (Sum(t => t.Trained), Sum(t => t.Agents));
                row[TrainedColumn(y.Year)] = trained;
                row[AgentsColumn(y.Year)] = agents;
                row[ShareColumn(y.Year)] = trained is { } n && agents is > 0 ? n / agents : null;
            }
            return row;
        }).ToList();
    }

    /// <summary>The year asked and those before it the caller may read and that hold something, oldest first.</summary>
    private async Task<IReadOnlyList<TerritoryDashboard>> YearsAsync(TerritoryDashboard asked, CancellationToken cancellationToken)
    {
        var years = new List<TerritoryDashboard>();
        for (var year = Math.Max(InputRules.FirstYear, asked.Year - YearsSideBySide + 1); year < asked.Year; year++)
        {
            TerritoryDashboard earlier;
            try { earlier = await views.BuildAsync(year, cancellationToken); }
            catch (SproHub.Shared.Errors.ForbiddenException) { continue; } // a member reads approved years only
            if (earlier.Meetings.Count > 0 || earlier.Versions.Count > 0 || earlier.CoordinatingStructure is not null
                || (earlier.Form?.Trainings ?? []).Any(t => t.Trained is not null || t.Agents is not null))
                years.Add(earlier);
        }
        years.Add(asked);
        return years;
    }

    private static decimal? Value(TerritoryDashboard d, string code) => d.Sections.SelectMany(s => s.Lines).FirstOrDefault(l => l.Code == code)?.Figure?.Value;
}

internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder territoryApi, IEndpointRouteBuilder api)
    {
        api.MapGet("/dashboards/{year:int}/export.xlsx", async (int year, string? department, IMediator mediator, CancellationToken ct) => File(await mediator.Send(new Region.ExportRegionDashboard(year, department, Xlsx: true), ct)))
            .WithSummary("Région : le regroupement de l'année par SPRO local, département et Région (XLSX)");
        api.MapGet("/dashboards/{year:int}/export.csv", async (int year, string? department, IMediator mediator, CancellationToken ct) => File(await mediator.Send(new Region.ExportRegionDashboard(year, department, Xlsx: false), ct)))
            .WithSummary("Région : le regroupement de l'année (CSV)");
        territoryApi.MapGet("/dashboards/{year:int}/export.xlsx", async (int year, IMediator mediator, CancellationToken ct) => File(await mediator.Send(new ExportDashboard(year, Xlsx: true), ct)))
            .WithSummary("Le tableau de bord de l'année au format des tableaux de la Région (XLSX)");
        territoryApi.MapGet("/dashboards/{year:int}/export.csv", async (int year, IMediator mediator, CancellationToken ct) => File(await mediator.Send(new ExportDashboard(year, Xlsx: false), ct)))
            .WithSummary("La synthèse des indicateurs de l'année (CSV)");
    }

    private static IResult File(DashboardFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}

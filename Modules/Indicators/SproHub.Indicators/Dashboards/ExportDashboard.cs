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
    public async Task<DashboardFile> Handle(ExportDashboard request, CancellationToken cancellationToken)
    {
        var d = await views.BuildAsync(request.Year, cancellationToken);
        var name = $"indicateurs-{d.TerritoryId}-{d.Year}";
        var summary = d.Sections.SelectMany(s => s.Lines.Select(l => new Dictionary<string, object?>
        {
            ["Question"] = (int)s.Question, ["N°"] = l.Code, ["Indicateur"] = l.Label, ["Valeur"] = Figures.Cell(l.Figure), ["Unité"] = l.Unit,
            ["Numérateur"] = l.Figure?.Numerator, ["Dénominateur"] = l.Figure?.Denominator, ["Source"] = Figures.Source(l.Source),
        })).ToList();
        if (!request.Xlsx) return new DashboardFile(Spreadsheets.Csv(summary), Spreadsheets.CsvType, $"{name}.csv");
        var meetings = d.Meetings.Select(m => new Dictionary<string, object?>
        {
            ["Année"] = d.Year, ["Date de la réunion"] = m.Day.ToDateTime(TimeOnly.MinValue), ["Nombre de structures invitées"] = m.InvitedStructures,
            ["Nombre de structures participantes"] = m.ParticipatingStructures, ["Objet"] = m.Subject, ["Taux de présence aux réunions"] = m.Attendance.Value,
        }).ToList();
        var trainings = (d.Form?.Trainings ?? []).Select(t => new Dictionary<string, object?>
        {
            ["Structures membres de votre réseau"] = t.StructureType, [$"Agents formés {d.Year}"] = t.Trained, ["Nombre d'agents dans les structures membres"] = t.Agents,
        }).ToList();
        var coordination = new List<Dictionary<string, object?>>
        {
            new()
            {
                ["Année"] = d.Year, ["Structure coordonnatrice du réseau"] = d.CoordinatingStructure,
                ["Nombre d'agents dans les structures membres"] = Value(d, Catalogue.IndicatorCatalogue.CoordinationAgents), ["Nb d'Équivalents Temps Plein"] = Value(d, Catalogue.IndicatorCatalogue.CoordinationFte),
            },
        };
        var workbook = Spreadsheets.Xlsx(new Dictionary<string, object>
        {
            ["Synthèse"] = summary, ["Indicateurs 1-2"] = meetings, ["Indicateurs 7-7bis-20"] = trainings, ["Indicateurs 24-25"] = coordination,
        });
        return new DashboardFile(workbook, Spreadsheets.XlsxType, $"{name}.xlsx");
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

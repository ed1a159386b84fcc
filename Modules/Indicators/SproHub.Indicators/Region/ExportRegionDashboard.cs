using FluentValidation;
using SproHub.Indicators.Catalogue;
using MediatR;
using SproHub.Indicators.Dashboards;
using SproHub.Shared.Security;

namespace SproHub.Indicators.Region;

/// <summary>The Région's rollup of a year as a file: one row per indicator, a column per local SPRO, department and the Région.</summary>
[RequiresPermission(IndicatorsModule.RegionPermission)]
public sealed record ExportRegionDashboard(int Year, string? Department, bool Xlsx) : IRequest<DashboardFile>;

public sealed class ExportRegionDashboardValidator : AbstractValidator<ExportRegionDashboard>
{
    public ExportRegionDashboardValidator()
    {
        RuleFor(r => r.Year).EvaluationYear();
        RuleFor(r => r.Department).DepartmentCode();
    }
}

internal static class RegionDashboardFile
{
    public static DashboardFile Of(RegionDashboard d, bool xlsx)
    {
        var columns = d.Territories.Concat(d.Departments).Select(c => (c.Id, c.Name)).Append((GetRegionDashboardHandler.RegionColumn, d.Department is null ? "Région" : "Total")).ToList();
        var rows = d.Lines.Select(l =>
        {
            var row = new Dictionary<string, object?> { ["Question"] = (int)l.Question, ["N°"] = l.Number, ["Indicateur"] = l.Label, ["Unité"] = l.Unit };
            foreach (var (id, name) in columns) row[name] = Figures.Cell(l.Figures.GetValueOrDefault(id), l.Kind);
            return row;
        }).ToList();
        var name = $"indicateurs-region-{d.Year}{(d.Department is null ? "" : $"-{d.Department}")}";
        return xlsx ? new DashboardFile(Spreadsheets.Xlsx(new Dictionary<string, object> { [$"Indicateurs {d.Year}"] = rows }), Spreadsheets.XlsxType, $"{name}.xlsx")
            : new DashboardFile(Spreadsheets.Csv(rows), Spreadsheets.CsvType, $"{name}.csv");
    }
}

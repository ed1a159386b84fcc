using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace SproHub.Indicators.Dashboards;

/// <summary>Tables as the files the Région opens: CSV (semicolons, decimal commas, a byte-order mark, no cell read as a formula) and XLSX sheets.</summary>
internal static class Spreadsheets
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Csv(IReadOnlyList<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(French) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var row in rows.Take(1).Select(r => r.Keys.Cast<object?>()).Concat(rows.Select(r => r.Values)))
            {
                // Decimals as people write them: no trailing zeros of the storage's scale.
                foreach (var value in row) csv.WriteField(value is decimal d ? d.ToString("0.##########", French) : value);
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <param name="percentColumns">Columns holding rates (0.7): written as numbers in Excel's percentage format (70,0 %).</param>
    public static byte[] Xlsx(Dictionary<string, object> sheets, IReadOnlyCollection<string>? percentColumns = null)
    {
        using var buffer = new MemoryStream();
        var configuration = new OpenXmlConfiguration { DynamicColumns = (percentColumns ?? []).Distinct().Select(c => new DynamicExcelColumn(c) { Format = "0.0%" }).ToArray() };
        buffer.SaveAs(sheets, configuration: configuration);
        return buffer.ToArray();
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SproHub.Network.Data;
using SproHub.Shared.Territories;

namespace SproHub.Network.Directory;

public enum ExportFormat { Csv, Xlsx }

/// <summary>The structures a search finds, as a file a coordinator opens in a spreadsheet (at most 10,000 rows).</summary>
public sealed record ExportDirectory(SearchDirectory Search, ExportFormat Format) : IRequest<ExportedFile>;

public sealed record ExportedFile(byte[] Content, string ContentType, string FileName);

public sealed class ExportDirectoryValidator : AbstractValidator<ExportDirectory>
{
    public ExportDirectoryValidator(ITerritoryDirectory territories, NetworkDbContext db) => RuleFor(r => r.Search).SetValidator(new SearchDirectoryValidator(territories, db));
}

internal sealed class ExportDirectoryHandler(NetworkDbContext db, ITerritoryDirectory territories) : IRequestHandler<ExportDirectory, ExportedFile>
{
    private const int MaxRows = 10_000;

    public async Task<ExportedFile> Handle(ExportDirectory request, CancellationToken cancellationToken)
    {
        var rows = await SearchDirectoryHandler.Filter(db, request.Search).OrderBy(s => s.SearchText).Take(MaxRows).ToListAsync(cancellationToken);
        var names = (await territories.ListAsync(cancellationToken)).ToDictionary(t => t.Slug, t => t.Name);
        var entries = rows.Select(s => DirectoryEntry.From(s, names.GetValueOrDefault(s.TerritoryId, s.TerritoryId))).ToList();
        return request.Format == ExportFormat.Xlsx ? Xlsx(entries) : Csv(entries);
    }

    private static IEnumerable<Dictionary<string, object?>> Lines(IEnumerable<DirectoryEntry> entries) => entries.Select(e => new Dictionary<string, object?>
    {
        ["Nom"] = e.Name, ["Type"] = e.TypeLabel, ["Ville"] = e.Town, ["Adresse"] = e.Address, ["Publics"] = string.Join(", ", e.Public), ["SPRO local"] = e.TerritoryName,
    });

    /// <summary>Semicolons and a byte-order mark: what a French spreadsheet opens without asking.</summary>
    private static ExportedFile Csv(IReadOnlyList<DirectoryEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.GetCultureInfo("fr-FR")) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in new[] { "Nom", "Type", "Ville", "Adresse", "Publics", "SPRO local" }) csv.WriteField(header);
            csv.NextRecord();
            foreach (var line in Lines(entries))
            {
                foreach (var value in line.Values) csv.WriteField(value);
                csv.NextRecord();
            }
        }
        return new ExportedFile(buffer.ToArray(), "text/csv; charset=utf-8", "annuaire-spro.csv");
    }

    private static ExportedFile Xlsx(IReadOnlyList<DirectoryEntry> entries)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(Lines(entries).ToList(), sheetName: "Annuaire");
        return new ExportedFile(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "annuaire-spro.xlsx");
    }
}

internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
            api.MapGet($"/directory/export.{format.ToString().ToLowerInvariant()}", async (string? q, string? type, string? territory, string? @public, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new ExportDirectory(new SearchDirectory(q, type, territory, 1, @public), format), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            }).AllowAnonymous().WithSummary($"Exporter l'annuaire ({format}), mêmes critères que la recherche");
    }
}

using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Structures;

public sealed record ImportReport(int Imported);

/// <summary>
/// Adds the structures of a CSV file (<c>Nom;Type;Ville;Adresse;Publics</c>, the export's columns) to the current
/// local SPRO: all of them, or none when a line is wrong, with every wrong line named (<c>lignes[3].type</c>).
/// </summary>
[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record ImportStructures(Stream Csv) : IRequest<ImportReport>;

internal sealed class ImportStructuresHandler(NetworkDbContext db, ITerritoryContext territory, IAuditLog audit) : IRequestHandler<ImportStructures, ImportReport>
{
    public const int MaxLines = 2_000;

    private sealed record Line(int Number, string Name, string? Type, string Town, string? Address, string? Publics);

    public async Task<ImportReport> Handle(ImportStructures request, CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        var lines = await ReadAsync(request.Csv);
        var failures = new List<ValidationFailure>();
        var names = (await db.Structures.Where(s => s.TerritoryId == slug).Select(s => s.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var structures = new List<Structure>();
        var validator = new StructureContentValidator();
        // An exported file names a structure of a network the Région added by that network's label.
        var added = (await db.MemberNetworks.AsNoTracking().Select(n => n.Label).ToListAsync(cancellationToken)).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        foreach (var line in lines)
        {
            void Refuse(string field, string rule, string message) =>
                failures.Add(new ValidationFailure($"lignes[{line.Number}].{field}", $"Ligne {line.Number} : {message}") { ErrorCode = rule });

            var otherNetwork = line.Type is { Length: > 0 } && added.TryGetValue(line.Type.Trim(), out var label) ? label : null;
            var type = otherNetwork is null ? ParseType(line.Type) : StructureType.Autre;
            var publics = (line.Publics ?? "").Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (Text: p, Value: ParsePublic(p))).ToList();
            if (line.Type is { Length: > 0 } && type is null) Refuse("type", "type-connu", $"« {line.Type} » n'est pas un type de structure du réseau.");
            foreach (var unknown in publics.Where(p => p.Value is null)) Refuse("publics", "public-connu", $"« {unknown.Text} » n'est pas un public du réseau.");
            var content = new CreateStructure(line.Name, type, line.Town, line.Address, publics.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList());
            foreach (var error in validator.Validate(content).Errors.Where(e => !(e.PropertyName == "Type" && line.Type is { Length: > 0 })))
                Refuse(Column(error.PropertyName), error.ErrorCode, error.ErrorMessage);
            if (!string.IsNullOrWhiteSpace(line.Name) && !names.Add(line.Name.Trim()))
                Refuse("nom", "structure-unique", $"une structure « {line.Name.Trim()} » existe déjà dans ce territoire (ou plus haut dans le fichier).");
            if (type is null || string.IsNullOrWhiteSpace(line.Name) || string.IsNullOrWhiteSpace(line.Town)) continue;
            var structure = new Structure
            {
                Name = line.Name.Trim(), Type = type.Value, OtherNetwork = otherNetwork, Town = line.Town.Trim(), TerritoryId = slug, Address = string.IsNullOrWhiteSpace(line.Address) ? null : line.Address.Trim(),
                Public = content.Public!.Aggregate(PublicServed.None, (all, p) => all | p),
            };
            structure.Index();
            structures.Add(structure);
        }
        if (lines.Count == 0) failures.Add(new ValidationFailure("fichier", "Le fichier ne contient aucune structure (une ligne d'en-tête Nom;Type;Ville;Adresse;Publics, puis une ligne par structure).") { ErrorCode = "fichier-vide" });
        // Nothing is half-imported: one refused line, and the file is refused whole.
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        db.Structures.AddRange(structures);
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "structures.importees", "territoire", slug, slug, $"{structures.Count} structures importées"));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportReport(structures.Count);
    }

    private static async Task<List<Line>> ReadAsync(Stream body)
    {
        // Read whole (and bounded) before parsing: the request body only reads asynchronously.
        using var csv = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk)) > 0)
        {
            if (csv.Length + read > 5 * 1024 * 1024) throw new SproHub.Shared.Errors.RuleViolationException("fichier", "fichier-trop-gros", "Le fichier dépasse 5 Mo.");
            csv.Write(chunk, 0, read);
        }
        csv.Position = 0;
        var config = new CsvConfiguration(CultureInfo.GetCultureInfo("fr-FR"))
        {
            DetectDelimiter = true, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, HeaderValidated = null,
        };
        using var reader = new CsvReader(new StreamReader(csv), config);
        var lines = new List<Line>();
        try
        {
            if (!await reader.ReadAsync() || !reader.ReadHeader()) return lines;
            while (await reader.ReadAsync())
            {
                if (lines.Count == MaxLines) throw new SproHub.Shared.Errors.RuleViolationException("fichier", "fichier-trop-long", $"Un fichier importe au plus {MaxLines} structures.");
                lines.Add(new Line(reader.Parser.Row, reader.GetField("nom") ?? "", reader.GetField("type"), reader.GetField("ville") ?? "", reader.GetField("adresse"), reader.GetField("publics")));
            }
        }
        catch (CsvHelperException ex) when (ex is not null)
        {
            throw new SproHub.Shared.Errors.RuleViolationException("fichier", "csv-lisible", $"Le fichier n'est pas un CSV lisible (ligne {reader.Parser.Row}).");
        }
        return lines;
    }

    /// <summary>A refusal names the file's column, as the person who filled it sees it.</summary>
    private static string Column(string property) => property.Split('[')[0] switch
    {
        nameof(CreateStructure.Name) => "nom",
        nameof(CreateStructure.Town) => "ville",
        nameof(CreateStructure.Address) => "adresse",
        nameof(CreateStructure.Public) => "publics",
        _ => "type",
    };

    /// <summary>The type as exported ("Mission Locale") or as the API writes it ("MissionLocale").</summary>
    private static StructureType? ParseType(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<StructureType>(text.Trim(), true, out var named) ? named
        : Enum.GetValues<StructureType>().Cast<StructureType?>().FirstOrDefault(t => string.Equals(Structure.TypeLabel(t!.Value), text.Trim(), StringComparison.CurrentCultureIgnoreCase));

    private static PublicServed? ParsePublic(string text) =>
        Enum.TryParse<PublicServed>(text, true, out var named) && Structure.Publics.Contains(named) ? named
        : Structure.Publics.Cast<PublicServed?>().FirstOrDefault(p => string.Equals(Structure.PublicLabel(p!.Value), text, StringComparison.CurrentCultureIgnoreCase));
}

internal static class ImportEndpoints
{
    /// <summary>The file is the request's body (<c>text/csv</c>): no form, so scripts send it as it is.</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/structures/import", async Task<Ok<ImportReport>> (HttpRequest http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ImportStructures(http.Body), ct)))
            .Accepts<string>("text/csv").WithSummary("Importer des structures depuis un CSV (tout ou rien)");
}

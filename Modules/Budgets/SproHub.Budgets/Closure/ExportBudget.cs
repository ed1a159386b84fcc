using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MiniExcelLibs;
using SproHub.Budgets.Data;
using SproHub.Budgets.Requests;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Budgets.Closure;

public enum BudgetTable { Demande, Paiements, Depenses, Ecritures, Avenants }

/// <summary>
/// A year's figures as files for a spreadsheet: the request with its decision, the payments, the spending (closure)
/// statement per line and its entries, the extension amendments with their CPR vote. XLSX holds them all as sheets; CSV one table per file.
/// </summary>
[RequiresPermission(BudgetsModule.ReadPermission)]
public sealed record ExportBudget(int Year, bool Xlsx, BudgetTable Table = BudgetTable.Depenses) : IRequest<BudgetFile>;

public sealed record BudgetFile(byte[] Content, string ContentType, string FileName);

internal sealed class ExportBudgetHandler(BudgetsDbContext db, BudgetAccess access) : IRequestHandler<ExportBudget, BudgetFile>
{
    private static readonly Dictionary<BudgetTable, string> SheetNames = new()
    {
        [BudgetTable.Demande] = "Demande", [BudgetTable.Paiements] = "Paiements", [BudgetTable.Depenses] = "État des dépenses", [BudgetTable.Ecritures] = "Écritures", [BudgetTable.Avenants] = "Avenants",
    };

    public async Task<BudgetFile> Handle(ExportBudget request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await db.LoadYearAsync(request.Year, cancellationToken);
        await access.DemandReaderAsync(agreement, cancellationToken);
        var name = $"budget-{agreement.TerritoryId}-{agreement.FileLabel}";
        if (request.Xlsx)
        {
            using var buffer = new MemoryStream();
            buffer.SaveAs(Enum.GetValues<BudgetTable>().ToDictionary(t => SheetNames[t], t => (object)Rows(t, agreement, subsidy).AsSheet()));
            return new BudgetFile(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
        }
        return new BudgetFile(Csv(Rows(request.Table, agreement, subsidy)), "text/csv; charset=utf-8", $"{name}-{request.Table.ToString().ToLowerInvariant()}.csv");
    }

    /// <summary>A table: its French column headers, then its rows' values in the same order.</summary>
    private sealed record Table(string[] Columns, List<object?[]> Rows)
    {
        public List<Dictionary<string, object?>> AsSheet() => Rows.Select(r => Columns.Zip(r).ToDictionary(c => c.First, c => c.Second)).ToList();
    }

    private static Table Rows(BudgetTable table, FinancialAgreement agreement, SubsidyRequest? r)
    {
        var lines = (r?.Lines ?? []).OrderBy(l => l.Order).ToList();
        var labels = lines.ToDictionary(l => l.Id, l => l.Label);
        return table switch
        {
            BudgetTable.Demande => new(["Projet ou action", "Nature", "Demandé (€)", "Accordé (€)"],
                lines.Select(l => new object?[] { l.Label, l.Kind == LineKind.Coordination ? "coordination" : "projet", l.Amount, l.Granted })
                    .Append(["Total", "", r?.Total ?? 0, r?.DecidedOn is null ? null : r.Granted]).ToList()),
            BudgetTable.Paiements => new(["Date", "Nature", "Montant (€)", "Référence"],
                (r?.Payments ?? []).OrderBy(p => p.PaidOn).Select(p => new object?[] { p.PaidOn.ToString("dd/MM/yyyy"), p.Kind == PaymentKind.Advance ? "acompte" : "solde", p.Amount, p.Reference }).ToList()),
            BudgetTable.Depenses => new(["Projet ou action", "Accordé (€)", "Dépensé (€)", "Arrêté à la clôture (€)"],
                lines.Select(l => new object?[] { l.Label, l.Granted ?? 0, r!.SpentFor(l.Id), r.Closed.FirstOrDefault(c => c.LineId == l.Id)?.Spent })
                    .Append(["Total", r?.Granted ?? 0, r?.Spent ?? 0, r is { IsClosed: true } ? r.Closed.Sum(c => c.Spent) : null]).ToList()),
            BudgetTable.Avenants => new(["N°", "Vote de la CPR", "Signé le", "Fin précédente", "Nouvelle fin", "Consommation à la signature", "Objet"],
                agreement.Amendments.OrderBy(a => a.Number).Select(a => new object?[] { a.Number, a.CprVoteOn.ToString("dd/MM/yyyy"), a.SignedOn.ToString("dd/MM/yyyy"),
                    a.PreviousEndsOn.ToString("dd/MM/yyyy"), a.NewEndsOn.ToString("dd/MM/yyyy"), SubsidyRules.Percent(a.ConsumptionRate), a.Reason }).ToList()),
            _ => new(["Date", "Projet ou action", "Objet", "Montant (€)", "Correction", "Saisie par"],
                (r?.Spending ?? []).OrderBy(s => s.SpentOn).ThenBy(s => s.RecordedAt).Select(s => new object?[] { s.SpentOn.ToString("dd/MM/yyyy"), labels.GetValueOrDefault(s.LineId, "?"), s.Label,
                    s.Amount, s.AfterClosure ? $"après clôture : {s.CorrectionReason}" : s.CorrectionReason, s.RecordedBy }).ToList()),
        };
    }

    /// <summary>Semicolons, decimal commas and a byte-order mark: what a French spreadsheet opens without asking.</summary>
    private static byte[] Csv(Table table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.GetCultureInfo("fr-FR")) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var row in table.Rows.Prepend(table.Columns))
            {
                foreach (var value in row) csv.WriteField(value);
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }
}

internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/requests/{year:int}/export.xlsx", async (int year, IMediator mediator, CancellationToken ct) => File(await mediator.Send(new ExportBudget(year, Xlsx: true), ct)))
            .WithSummary("Classeur XLSX de l'année : demande et décision, paiements, état des dépenses, écritures, avenants (vote de la CPR et signature)");
        api.MapGet("/requests/{year:int}/export.csv", async (int year, string? table, IMediator mediator, CancellationToken ct) =>
        {
            var which = table is null ? BudgetTable.Depenses : Enum.TryParse<BudgetTable>(table, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t
                : throw new RuleViolationException("table", "table", "Table inconnue : demande, paiements, depenses, ecritures ou avenants.");
            return File(await mediator.Send(new ExportBudget(year, Xlsx: false, which), ct));
        }).WithSummary("Une table de l'année en CSV (?table=demande|paiements|depenses|ecritures|avenants)");
    }

    private static IResult File(BudgetFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}

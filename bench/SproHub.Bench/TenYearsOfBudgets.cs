using Microsoft.Data.Sqlite;
using static SproHub.Bench.Sql;

namespace SproHub.Bench;

/// <summary>
/// Ten years of budgets in every local SPRO, written straight into the database in place of the demo's: each year an
/// envelope, an agreement and a request of 50 lines (49 projects and the coordination), granted, its advance paid and
/// 3 spending entries a line; every past year closed with its locked statement and its balance.
/// </summary>
internal static class TenYearsOfBudgets
{
    public const int Years = 10;
    public const int FirstYear = 2017;
    public const int Lines = 50;
    public const int EntriesPerLine = 3;

    private static readonly Dictionary<string, (string Name, string Department)> Territories = new()
    {
        ["cher"] = ("SPRO du Cher", "18"), ["chartres"] = ("SPRO de Chartres", "28"), ["dreux"] = ("SPRO de Dreux", "28"),
        ["chateaudun-nogent"] = ("SPRO de Châteaudun / Nogent-le-Rotrou", "28"), ["chateauroux"] = ("SPRO de Châteauroux", "36"), ["issoudun"] = ("SPRO d'Issoudun", "36"),
        ["le-blanc"] = ("SPRO du Blanc", "36"), ["la-chatre"] = ("SPRO de La Châtre", "36"), ["indre-et-loire"] = ("SPRO d'Indre-et-Loire", "37"),
        ["loir-et-cher"] = ("SPRO du Loir-et-Cher", "41"), ["orleans"] = ("SPRO d'Orléans", "45"), ["montargis-gien"] = ("SPRO de Montargis-Gien", "45"), ["pithiviers"] = ("SPRO de Pithiviers", "45"),
    };

    public static int Seed(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "budgets_closed_lines", "budgets_spending", "budgets_payments", "budgets_request_lines", "budgets_subsidy_requests", "budgets_agreement_amendments", "budgets_financial_agreements", "budgets_envelopes" })
            Command(connection, $"DELETE FROM {table}").ExecuteNonQuery();
        var envelope = Command(connection, """
            INSERT INTO budgets_envelopes ("Id", "TerritoryId", "TerritoryName", "DepartmentCode", "Purpose", "Amount", "StartsOn", "EndsOn", "CarrierStructureId", "CarrierName", "AllottedOn", "RecordedBy", "Version")
            VALUES ($id, $territory, $name, $department, 'Animation du SPRO local', $amount, $starts, $ends, $carrier, 'Mission Locale', $starts, 'bench', 1)
            """);
        var agreement = Command(connection, """
            INSERT INTO budgets_financial_agreements ("Id", "TerritoryId", "Year", "CarrierStructureId", "CarrierName", "CarrierCoordinates", "StartsOn", "EndsOn", "RequestDeadline", "Version")
            VALUES ($id, $territory, $year, $carrier, 'Mission Locale', 1, $starts, $ends, $deadline, 1)
            """);
        var request = Command(connection, """
            INSERT INTO budgets_subsidy_requests ("Id", "AgreementId", "TerritoryId", "Status", "FiledAt", "FiledBy", "UpdatedAt", "DecidedOn", "ClosedOn", "ClosedBy", "Version")
            VALUES ($id, $agreement, $territory, 'Filed', $filed, 'bench', $filed, $decided, $closed, $closedBy, 1)
            """);
        var line = Command(connection, """
            INSERT INTO budgets_request_lines ("Id", "RequestId", "Order", "Kind", "Label", "Amount", "Granted") VALUES ($id, $request, $order, $kind, $label, $amount, $amount)
            """);
        var payment = Command(connection, """
            INSERT INTO budgets_payments ("Id", "RequestId", "Kind", "Amount", "PaidOn", "Reference", "RecordedBy") VALUES ($id, $request, $kind, $amount, $paid, $reference, 'bench')
            """);
        var spending = Command(connection, """
            INSERT INTO budgets_spending ("Id", "RequestId", "LineId", "SpentOn", "Amount", "Label", "CorrectionReason", "AfterClosure", "RecordedBy", "RecordedAt")
            VALUES ($id, $request, $line, $spent, $amount, 'Facture', NULL, 0, 'bench', $recorded)
            """);
        var closed = Command(connection, """
            INSERT INTO budgets_closed_lines ("Id", "RequestId", "LineId", "Order", "Kind", "Label", "Granted", "Spent") VALUES ($id, $request, $line, $order, $kind, $label, $granted, $spent)
            """);
        var count = 0;
        foreach (var (slug, (name, department)) in Territories)
        {
            var carrier = Id();
            for (var year = FirstYear; year < FirstYear + Years; year++)
            {
                var (starts, ends) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                var isClosed = year < FirstYear + Years - 1;
                var amounts = Enumerable.Range(0, Lines).Select(i => i == Lines - 1 ? 0m : 1_000m + 37.5m * i).ToArray();
                amounts[^1] = Math.Floor(amounts.Sum() * 0.3m / 0.7m); // the coordination, at its cap
                var (agreementId, requestId) = (Id(), Id());
                Run(envelope, ("$id", Id()), ("$territory", slug), ("$name", name), ("$department", department), ("$amount", Money(amounts.Sum())), ("$starts", Day(starts)), ("$ends", Day(ends)), ("$carrier", carrier));
                Run(agreement, ("$id", agreementId), ("$territory", slug), ("$year", year), ("$carrier", carrier), ("$starts", Day(starts)), ("$ends", Day(ends)), ("$deadline", Day(new DateOnly(year, 1, 13))));
                Run(request, ("$id", requestId), ("$agreement", agreementId), ("$territory", slug), ("$filed", Instant(new DateTimeOffset(year, 1, 10, 9, 0, 0, TimeSpan.Zero))),
                    ("$decided", Day(new DateOnly(year, 2, 10))), ("$closed", isClosed ? Day(new DateOnly(year + 1, 1, 20)) : null), ("$closedBy", isClosed ? "bench" : null));
                var spentTotal = 0m;
                for (var i = 0; i < Lines; i++)
                {
                    var (lineId, kind, label) = (Id(), i == Lines - 1 ? "Coordination" : "Project", i == Lines - 1 ? "Coordination du SPRO" : $"Projet {i + 1}");
                    Run(line, ("$id", lineId), ("$request", requestId), ("$order", i + 1), ("$kind", kind), ("$label", label), ("$amount", Money(amounts[i])));
                    var perEntry = decimal.Round(amounts[i] * 0.3m, 2);
                    for (var e = 0; e < EntriesPerLine; e++)
                        Run(spending, ("$id", Id()), ("$request", requestId), ("$line", lineId), ("$spent", Day(new DateOnly(year, 3 + 3 * e, 28))), ("$amount", Money(perEntry)), ("$recorded", Instant(new DateTimeOffset(year, 10, 1, 0, 0, 0, TimeSpan.Zero))));
                    spentTotal += perEntry * EntriesPerLine;
                    if (isClosed) Run(closed, ("$id", Id()), ("$request", requestId), ("$line", lineId), ("$order", i + 1), ("$kind", kind), ("$label", label), ("$granted", Money(amounts[i])), ("$spent", Money(perEntry * EntriesPerLine)));
                }
                var advance = Math.Floor(amounts.Sum() * 50m) / 100m;
                Run(payment, ("$id", Id()), ("$request", requestId), ("$kind", "Advance"), ("$amount", Money(advance)), ("$paid", Day(new DateOnly(year, 3, 16))), ("$reference", $"M-{year}-{slug}-1"));
                if (isClosed) Run(payment, ("$id", Id()), ("$request", requestId), ("$kind", "Balance"), ("$amount", Money(spentTotal - advance)), ("$paid", Day(new DateOnly(year + 1, 2, 1))), ("$reference", $"M-{year}-{slug}-2"));
                count++;
            }
        }
        transaction.Commit();
        return count;
    }
}

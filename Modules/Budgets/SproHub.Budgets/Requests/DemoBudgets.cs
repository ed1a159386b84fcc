using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Budgets.Amendments;
using SproHub.Budgets.Closure;
using SproHub.Budgets.Data;
using SproHub.Budgets.Envelopes;
using SproHub.Budgets.Spending;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Requests;

/// <summary>
/// Several local SPROs over several years, carried by their Missions Locales: Indre-et-Loire's request of this year
/// filed and awaiting the Région, next year's due by 13 January; Cher's 2015-2016 school year carried by the Mission
/// Locale Cher-Sud (seed 000), judged by the rules of its year (projects and operating costs, no coordination subsidy),
/// extended to December by an amendment the CPR voted in July 2016 (the seeds' case) and closed, with the department's
/// 15,000 € envelope; last year closed and this year under way elsewhere; Loir-et-Cher late this year.
/// </summary>
internal static class DemoBudgets
{
    private enum Stage { Filed, Late, Decided, Closed }

    private sealed record Plan(string Territory, string Town, bool Coordinates, int Year, Stage Stage, (string Label, decimal Amount)[] Projects, decimal Coordination);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<BudgetsDbContext>();
        if (await db.Agreements.IgnoreQueryFilters().AnyAsync(cancellationToken)) return;
        var directory = services.GetRequiredService<IStructureDirectory>();
        var territories = (await services.GetRequiredService<ITerritoryDirectory>().ListAsync(cancellationToken)).ToDictionary(t => t.Slug);
        var today = ParisTime.Today(services.GetRequiredService<TimeProvider>());
        var (last, current) = (today.Year - 1, today.Year);
        Plan[] plans =
        [
            new("indre-et-loire", "Tours", true, last, Stage.Closed, [("Forum des métiers de Tours", 5_500m), ("Semaine de l'orientation", 3_000m)], 3_500m),
            new("indre-et-loire", "Tours", true, current, Stage.Filed, [("Forum des métiers de Tours", 6_000m), ("Professionnalisation des chargés d'accueil", 4_500m)], 4_500m),
            // 2015-2016: the envelope « afin de finaliser des projets [...] et d'assurer des frais de fonctionnement », no coordination line before 2017.
            new("cher", CherCarrierTown, true, 2015, Stage.Closed, [("Achèvement des projets de territoire", 11_000m), ("Frais de fonctionnement", 4_000m)], 0m),
            new("cher", CherCarrierTown, true, last, Stage.Closed, [("Rencontres métiers du Cher", 7_000m), ("Clips métiers", 2_500m)], 4_000m),
            new("cher", CherCarrierTown, true, current, Stage.Decided, [("Rencontres métiers du Cher", 7_500m), ("Clips métiers", 3_000m)], 4_500m),
            new("orleans", "Orléans", false, current, Stage.Decided, [("ma boîte SPRO", 12_000m), ("Cellule orléanaise", 2_000m)], 0m),
            new("chateaudun-nogent", "Châteaudun", true, current, Stage.Filed, [("Clip moi un métier", 6_000m)], 2_500m),
            new("loir-et-cher", "Blois", true, current, Stage.Late, [("Radio COMETE", 5_000m)], 2_000m),
        ];
        foreach (var plan in plans)
        {
            var carrier = (await directory.ListAsync(plan.Territory, cancellationToken)).FirstOrDefault(s => s.Type == "Mission Locale" && s.Town == plan.Town);
            if (carrier is not null) Seed(db, plan, territories[plan.Territory], carrier, today);
        }
        if ((await directory.ListAsync("indre-et-loire", cancellationToken)).FirstOrDefault(s => s.Type == "Mission Locale" && s.Town == "Tours") is { } tours)
            db.Agreements.Add(Agreement("indre-et-loire", current + 1, tours, coordinates: true));
        if ((await directory.ListAsync("cher", cancellationToken)).FirstOrDefault(s => s.Type == "Mission Locale" && s.Town == CherCarrierTown) is { } cherSud)
            db.Envelopes.Add(new Envelope
            {
                TerritoryId = "departement-18", TerritoryName = "Cher", DepartmentCode = "18", Purpose = "Achever les projets de territoire et payer les frais de fonctionnement",
                Amount = 15_000m, StartsOn = new DateOnly(2015, 9, 1), EndsOn = new DateOnly(2016, 8, 31), CarrierStructureId = cherSud.Id, CarrierName = cherSud.Name,
                AllottedOn = new DateOnly(2015, 7, 10), RecordedBy = "démo",
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The Mission Locale Cher-Sud's town: it carries the budget for the department (seed 000).</summary>
    private const string CherCarrierTown = "Saint-Amand-Montrond";

    private static FinancialAgreement Agreement(string territory, int year, StructureInfo carrier, bool coordinates)
    {
        var (start, end) = FinancialAgreement.PeriodOf(year);
        return new FinancialAgreement
        {
            TerritoryId = territory, Year = year, CarrierStructureId = carrier.Id, CarrierName = carrier.Name, CarrierCoordinates = coordinates,
            StartsOn = start, EndsOn = end, RequestDeadline = year >= 2017 ? new DateOnly(year, 1, 13) : new DateOnly(year, 7, 1),
        };
    }

    private static void Seed(BudgetsDbContext db, Plan plan, TerritoryInfo territory, StructureInfo carrier, DateOnly today)
    {
        var agreement = Agreement(plan.Territory, plan.Year, carrier, plan.Coordinates);
        db.Agreements.Add(agreement);
        // The envelope the Région allots each civil year to the local SPRO, its carrier's request drawn on it.
        var total = plan.Projects.Sum(p => p.Amount) + plan.Coordination;
        if (plan.Year >= 2017)
            db.Envelopes.Add(new Envelope
            {
                TerritoryId = plan.Territory, TerritoryName = territory.Name, DepartmentCode = territory.DepartmentCode!, Purpose = "Animation du SPRO local et projets de territoire", Amount = total,
                StartsOn = agreement.StartsOn, EndsOn = agreement.EndsOn, CarrierStructureId = carrier.Id, CarrierName = carrier.Name, AllottedOn = agreement.StartsOn.AddMonths(-2), RecordedBy = "démo",
            });
        if (plan.Stage == Stage.Late) return;
        var filedOn = agreement.RequestDeadline.AddDays(-3);
        var request = new SubsidyRequest
        {
            AgreementId = agreement.Id, TerritoryId = plan.Territory, Status = RequestStatus.Filed, FiledBy = "démo",
            FiledAt = new DateTimeOffset(filedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1)),
        };
        request.UpdatedAt = request.FiledAt.Value;
        var order = 0;
        foreach (var (label, amount) in plan.Projects)
            request.Lines.Add(new RequestLine { RequestId = request.Id, Order = ++order, Kind = LineKind.Project, Label = label, Amount = amount });
        if (plan.Coordination > 0)
            request.Lines.Add(new RequestLine { RequestId = request.Id, Order = ++order, Kind = LineKind.Coordination, Label = "Coordination du SPRO", Amount = plan.Coordination });
        db.Requests.Add(request);
        if (plan.Stage == Stage.Filed) return;

        var cpr = agreement.RequestDeadline.AddDays(28);
        foreach (var line in request.Lines) line.Granted = line.Amount;
        request.DecidedOn = cpr;
        // The same events as the Région's real decisions, so that the indicators (question 2) fill from the demo too.
        var told = new DateTimeOffset(cpr.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(1));
        db.AddIntegrationEvent(new SubsidyGranted(Guid.NewGuid(), cpr, plan.Territory, plan.Year, request.Total, request.Granted, request.Coordination, told));
        var advanceOn = new DateOnly(agreement.StartsOn.Year + (agreement.StartsOn.Month > 3 ? 1 : 0), 3, 16);
        if (advanceOn <= today)
        {
            request.Payments.Add(new Payment { RequestId = request.Id, Kind = PaymentKind.Advance, Amount = SubsidyRules.Advance(request.Granted), PaidOn = advanceOn, Reference = $"M-{plan.Year}-{plan.Territory}-1", RecordedBy = "démo" });
            db.AddIntegrationEvent(new PaymentMade(Guid.NewGuid(), plan.Territory, plan.Year, nameof(PaymentKind.Advance), request.Paid, advanceOn, request.Paid, request.Granted, told.AddDays(40)));
        }
        // Spending month by month: the closed years spend nearly all, the current one what its months allow. The school year
        // 2015-2016 spent slowly (under half by July 2016, seed 004), from January to its extended end in December.
        var slow = plan.Year < FinancialAgreement.FirstCivilYear;
        var (first, share, count) = slow ? (new DateOnly(agreement.StartsOn.Year + 1, 1, 1), 0.08m, 12) : (agreement.StartsOn, 0.095m, 10);
        var months = plan.Stage == Stage.Closed ? count : Math.Clamp((today.Year - first.Year) * 12 + today.Month - first.Month, 0, count);
        foreach (var line in request.Lines)
            for (var m = 0; m < months; m++)
            {
                var spentOn = first.AddMonths(m + 1).AddDays(-1);
                if (spentOn > today) break;
                request.Spending.Add(new SpendingEntry { RequestId = request.Id, LineId = line.Id, SpentOn = spentOn, Amount = decimal.Round(line.Amount * share, 2), Label = $"Pièces du mois ({spentOn:MM/yyyy})", RecordedBy = "démo", RecordedAt = request.UpdatedAt });
            }
        if (plan.Stage != Stage.Closed || agreement.EndsOn.AddDays(20) > today) return;
        if (plan.Year < 2017)
        {
            // The 2016 case: the school-year agreement moved from 31 August to 31 December while under half consumed, by an
            // amendment the CPR voted in July 2016 (seeds 001, 004), signed after.
            var previous = agreement.EndsOn;
            var signedOn = new DateOnly(previous.Year, 7, 20);
            agreement.EndsOn = new DateOnly(previous.Year, 12, 31);
            agreement.Amendments.Add(new AgreementAmendment { AgreementId = agreement.Id, Number = 1, PreviousEndsOn = previous, NewEndsOn = agreement.EndsOn,
                CprVoteOn = new DateOnly(previous.Year, 7, 8), SignedOn = signedOn, Reason = "Conventions consommées à moins de 50 % : projets de territoire à achever à l'automne",
                ConsumptionRate = decimal.Round(SubsidyRules.Consumption(request, signedOn), 4), RecordedBy = "démo" });
        }
        request.ClosedOn = agreement.EndsOn.AddDays(20);
        request.ClosedBy = "démo";
        foreach (var line in request.Lines)
            request.Closed.Add(new ClosedLine { RequestId = request.Id, LineId = line.Id, Order = line.Order, Kind = line.Kind, Label = line.Label, Granted = line.Granted!.Value, Spent = request.SpentFor(line.Id) });
        var balance = Math.Min(request.Granted, request.Spent) - request.Paid;
        if (balance > 0 && request.ClosedOn.Value.AddDays(12) <= today)
        {
            request.Payments.Add(new Payment { RequestId = request.Id, Kind = PaymentKind.Balance, Amount = balance, PaidOn = request.ClosedOn.Value.AddDays(12), Reference = $"M-{plan.Year}-{plan.Territory}-2", RecordedBy = "démo" });
            db.AddIntegrationEvent(new PaymentMade(Guid.NewGuid(), plan.Territory, plan.Year, nameof(PaymentKind.Balance), balance, request.ClosedOn.Value.AddDays(12), request.Paid, request.Granted, told.AddYears(1)));
        }
        db.AddIntegrationEvent(new YearClosed(Guid.NewGuid(), plan.Territory, plan.Year, request.ClosedOn.Value, request.Granted, request.Paid, request.Spent,
            request.Closed.Select(c => new ClosedProject(c.Label, c.Kind == LineKind.Coordination, c.Granted, c.Spent)).ToList(), told.AddYears(1)));
    }
}

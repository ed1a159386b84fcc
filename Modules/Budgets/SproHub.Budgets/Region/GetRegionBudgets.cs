using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Budgets.Data;
using SproHub.Budgets.Envelopes;
using SproHub.Budgets.Requests;
using SproHub.Budgets.Spending;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Region;

/// <summary>Money at one level (a local SPRO, a department, the Région); the consumption is recomputed from the sums, never averaged.</summary>
public sealed record BudgetFigures(decimal Allotted, decimal Requested, decimal Granted, decimal Paid, decimal Spent)
{
    public static readonly BudgetFigures Zero = new(0, 0, 0, 0, 0);
    public decimal Consumption => Granted == 0 ? 0 : Spent / Granted;
    public decimal LeftToPay => Granted - Paid;
    public BudgetFigures Plus(BudgetFigures o) => new(Allotted + o.Allotted, Requested + o.Requested, Granted + o.Granted, Paid + o.Paid, Spent + o.Spent);
}

public enum RequestState { NoAgreement, NotStarted, Draft, Late, Filed, FiledLate, Decided, Closed }

public sealed record TerritoryBudget(string TerritoryId, string TerritoryName, string? CarrierName, RequestState State, string StateLabel, bool Late, DateOnly? Deadline, BudgetFigures Figures);

/// <param name="Allotted">Envelopes allotted to the department as a whole (beside its local SPROs' own).</param>
public sealed record DepartmentBudget(string Code, string Name, decimal Allotted, IReadOnlyList<TerritoryBudget> Territories, BudgetFigures Figures);

public sealed record RegionBudgets(int Year, string YearLabel, string? Department, bool LateOnly, IReadOnlyList<DepartmentBudget> Departments, BudgetFigures Figures, int LateRequests, IReadOnlyList<int> Years);

/// <summary>The Région's view: every local SPRO's year side by side (allotted, requested, granted, paid, spent), by department.</summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record GetRegionBudgets(int? Year = null, string? Department = null, bool LateOnly = false) : IRequest<RegionBudgets>;

public sealed class GetRegionBudgetsValidator : AbstractValidator<GetRegionBudgets>
{
    public GetRegionBudgetsValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
        RuleFor(r => r.Department).Matches("^[0-9]{2}$").WithMessage("Le département se donne par son code (18, 28, 36, 37, 41, 45).");
    }
}

internal sealed class RegionBudgetsHandler(BudgetsDbContext db, ITerritoryDirectory territories, TimeProvider clock) : IRequestHandler<GetRegionBudgets, RegionBudgets>
{
    public async Task<RegionBudgets> Handle(GetRegionBudgets request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var year = request.Year ?? today.Year;
        var map = (await territories.ListAsync(cancellationToken)).Where(t => request.Department is null || t.DepartmentCode == request.Department).ToList();
        // Région-wide on purpose: this page is the Région's (its finance officer and administrators).
        var agreements = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.Year == year).ToListAsync(cancellationToken);
        var agreementIds = agreements.Select(a => a.Id).ToList();
        // Each request with its sums, added up by the database in one query (exact: SQLite's decimal sum is EF Core's own,
        // PostgreSQL's numeric), instead of a year's few thousand lines, payments and entries read and added up here.
        var requests = await db.Requests.IgnoreQueryFilters().AsNoTracking().Where(r => agreementIds.Contains(r.AgreementId))
            .Select(r => new
            {
                r.Id, r.AgreementId, r.Status, r.FiledAt, r.LateAllowedBecause, r.DecidedOn, r.ClosedOn,
                Requested = db.Set<RequestLine>().Where(l => l.RequestId == r.Id).Sum(l => l.Amount),
                Granted = db.Set<RequestLine>().Where(l => l.RequestId == r.Id).Sum(l => l.Granted ?? 0m),
                Paid = db.Set<Payment>().Where(p => p.RequestId == r.Id).Sum(p => p.Amount),
                Spent = db.Set<SpendingEntry>().Where(e => e.RequestId == r.Id).Sum(e => e.Amount),
            }).ToListAsync(cancellationToken);
        var envelopes = (await EnvelopeHandlers.InYear(db.Envelopes.IgnoreQueryFilters(), year).Select(e => new { e.TerritoryId, e.Amount }).ToListAsync(cancellationToken)).ToLookup(e => e.TerritoryId);

        var departments = new List<DepartmentBudget>();
        foreach (var department in map.Where(t => t.Kind == TerritoryKind.Department))
        {
            var rows = new List<TerritoryBudget>();
            foreach (var spro in map.Where(t => t.Kind == TerritoryKind.LocalSpro && t.ParentSlug == department.Slug))
            {
                var agreement = agreements.FirstOrDefault(a => a.TerritoryId == spro.Slug);
                var r = agreement is null ? null : requests.FirstOrDefault(x => x.AgreementId == agreement.Id);
                var allotted = envelopes[spro.Slug].Sum(e => e.Amount);
                var figures = r is null ? BudgetFigures.Zero with { Allotted = allotted }
                    : new BudgetFigures(allotted, r.Requested, r.DecidedOn is null ? 0 : r.Granted, r.Paid, r.Spent);
                var filedLate = r?.FiledAt is { } filedAt && ParisTime.DateOf(filedAt) > agreement!.RequestDeadline;
                var state = agreement is null ? RequestState.NoAgreement
                    : r?.ClosedOn is not null ? RequestState.Closed
                    : r?.DecidedOn is not null ? RequestState.Decided
                    : r?.Status == RequestStatus.Filed ? (filedLate ? RequestState.FiledLate : RequestState.Filed)
                    : today > agreement.RequestDeadline ? RequestState.Late
                    : r is null ? RequestState.NotStarted : RequestState.Draft;
                var late = state is RequestState.Late or RequestState.FiledLate || filedLate;
                if (request.LateOnly && !late) continue;
                rows.Add(new TerritoryBudget(spro.Slug, spro.Name, agreement?.CarrierName, state, Label(state, r?.LateAllowedBecause), late, agreement?.RequestDeadline, figures));
            }
            // Filtered to the late requests, the table adds up those rows only.
            var own = request.LateOnly ? 0 : envelopes[department.Slug].Sum(e => e.Amount);
            if (rows.Count == 0 && (request.LateOnly || own == 0)) continue;
            departments.Add(new DepartmentBudget(department.DepartmentCode!, department.Name, own, rows,
                rows.Aggregate(BudgetFigures.Zero with { Allotted = own }, (sum, row) => sum.Plus(row.Figures))));
        }
        var years = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Select(a => a.Year).Distinct().ToListAsync(cancellationToken);
        return new RegionBudgets(year, FinancialAgreement.YearLabel(year), request.Department, request.LateOnly, departments,
            departments.Aggregate(BudgetFigures.Zero, (sum, d) => sum.Plus(d.Figures)), departments.Sum(d => d.Territories.Count(t => t.Late)),
            years.Append(today.Year).Distinct().OrderByDescending(y => y).ToList());
    }

    private static string Label(RequestState state, string? lateReason) => state switch
    {
        RequestState.NoAgreement => "pas de convention",
        RequestState.NotStarted => "demande non commencée",
        RequestState.Draft => "demande en brouillon",
        RequestState.Late => lateReason is null ? "demande en retard" : "en retard, dépôt tardif autorisé",
        RequestState.Filed => "demande déposée",
        RequestState.FiledLate => "déposée après la date limite (autorisée)",
        RequestState.Decided => "subvention accordée",
        _ => "année close",
    };
}

internal static class RegionBudgetEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/overview", async Task<Ok<RegionBudgets>> (int? year, string? department, bool? lateOnly, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetRegionBudgets(year, department, lateOnly ?? false), ct)))
            .WithSummary("Région : les SPRO locaux côte à côte pour une année (?year=, ?department=18, ?lateOnly=true)");
}

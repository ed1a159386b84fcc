using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Budgets.Data;
using SproHub.Budgets.Requests;
using SproHub.Budgets.Spending;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Closure;

/// <summary>
/// The Région closes a year once its agreement has ended: what was granted and spent per line is locked in the closure
/// statement; any later change is a reasoned correction beside it.
/// </summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record CloseYear(int Year, int Version) : IRequest<StatementView>, IVersionedRequest;

internal sealed class CloseYearHandler(BudgetsDbContext db, BudgetAccess access, BudgetNotices notices, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<CloseYear, StatementView>
{
    public async Task<StatementView> Handle(CloseYear request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await db.LoadRequestForChangeAsync(request.Year, request.Version, cancellationToken);
        var today = ParisTime.Today(clock);
        if (subsidy.IsClosed) throw new ConflictException($"L'année {agreement.Label} est déjà close.", "deja-close");
        if (subsidy.DecidedOn is null) throw new RuleViolationException("status", "decision-requise", "La Région n'a pas encore décidé de la subvention : rien à clore.");
        if (today <= agreement.EndsOn)
            throw new RuleViolationException("status", "convention-en-cours", $"La convention court jusqu'au {agreement.EndsOn:dd/MM/yyyy} : l'année se clôt après.");
        foreach (var line in subsidy.Lines.OrderBy(l => l.Order))
            subsidy.Closed.Add(new ClosedLine { RequestId = subsidy.Id, LineId = line.Id, Order = line.Order, Kind = line.Kind, Label = line.Label, Granted = line.Granted ?? 0, Spent = subsidy.SpentFor(line.Id) });
        subsidy.ClosedOn = today;
        subsidy.ClosedBy = user.DisplayName;
        subsidy.UpdatedAt = clock.GetUtcNow();
        var spent = subsidy.Closed.Sum(c => c.Spent);
        db.AddIntegrationEvent(new YearClosed(Guid.NewGuid(), agreement.TerritoryId, agreement.Year, today, subsidy.Granted, subsidy.Paid, spent,
            subsidy.Closed.Select(c => new ClosedProject(c.Label, c.Kind == LineKind.Coordination, c.Granted, c.Spent)).ToList(), clock.GetUtcNow()));
        var summary = $"L'année {agreement.Label} est close : {SubsidyRules.Euros(spent)} dépensés sur {SubsidyRules.Euros(subsidy.Granted)} accordés ({SubsidyRules.Percent(SubsidyRules.Consumption(subsidy, today))}), {SubsidyRules.Euros(subsidy.Paid)} versés.";
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "annee.close", "demande", subsidy.Id.ToString(), agreement.TerritoryId, summary));
        await notices.QueueAsync(db, agreement, "Année close", $"{summary}\n\nL'état de clôture est arrêté : toute correction se fait désormais par la Région, motivée.", "budget/depenses", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await Statements.ViewAsync(agreement, subsidy, today, access, cancellationToken);
    }
}

internal static class CloseYearEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/requests/{year:int}/closure", async Task<Ok<StatementView>> (int year, SubsidyRequestEndpoints.VersionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CloseYear(year, body.Version), ct))).WithSummary("Région : clore l'année (état des dépenses arrêté, après la fin de la convention)");
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Budgets.Data;
using SproHub.Budgets.Requests;
using SproHub.Shared.Audit;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Spending;

public sealed record StatementLine(Guid LineId, LineKind Kind, string Label, decimal Granted, decimal Spent, decimal Rate, decimal? ClosedSpent);

public sealed record SpendingView(Guid Id, Guid LineId, string LineLabel, DateOnly SpentOn, decimal Amount, string Label, string? CorrectionReason, bool AfterClosure, string RecordedBy);

/// <param name="CprVoteOn">The CPR vote that decided the extension; <paramref name="SignedOn"/> is the signing that followed.</param>
public sealed record AmendmentView(int Number, DateOnly PreviousEndsOn, DateOnly NewEndsOn, string Reason, DateOnly CprVoteOn, DateOnly SignedOn, decimal ConsumptionRate);

/// <param name="Consumption">The share of the grant spent up to <paramref name="At"/>.</param>
/// <param name="ClosedSpent">What the closure locked; later corrections are in <paramref name="Entries"/>, flagged.</param>
public sealed record StatementView(int Year, string YearLabel, string CarrierName, DateOnly StartsOn, DateOnly EndsOn, DateOnly? DecidedOn,
    decimal Granted, decimal Paid, decimal Spent, DateOnly At, decimal Consumption, IReadOnlyList<StatementLine> Lines, IReadOnlyList<SpendingView> Entries,
    IReadOnlyList<AmendmentView> Amendments, DateOnly? ClosedOn, string? ClosedBy, decimal? ClosedSpent, bool MayRecord, bool MayManage, int Version, int AgreementVersion);

/// <summary>The year's spending statement: per granted line, what was spent, and the consumption rate at a date (today by default).</summary>
[RequiresPermission(BudgetsModule.ReadPermission)]
public sealed record GetSpendingStatement(int Year, DateOnly? At = null) : IRequest<StatementView>;

/// <summary>The carrier declares a spending on a granted line; a negative amount is a reasoned correction. After the closure only the Région corrects.</summary>
[RequiresPermission(BudgetsModule.RequestPermission)]
public sealed record RecordSpending(int Year, Guid LineId, DateOnly SpentOn, decimal Amount, string Label, string? Reason, int Version) : IRequest<StatementView>, SproHub.Shared.Data.IVersionedRequest;

public sealed class RecordSpendingValidator : AbstractValidator<RecordSpending>
{
    public RecordSpendingValidator()
    {
        RuleFor(r => r.LineId).NotEmpty().WithMessage("Choisissez la ligne (projet ou action) de la dépense.");
        RuleFor(r => r.SpentOn).NotEmpty().WithMessage("Indiquez la date de la dépense.");
        RuleFor(r => r.Amount).NotEqual(0).WithMessage("Le montant n'est pas nul.").InclusiveBetween(-10_000_000m, 10_000_000m)
            .Must(SubsidyRules.IsCents).WithErrorCode("centimes").WithMessage("Le montant s'arrête au centime.");
        RuleFor(r => r.Label).NotEmpty().WithMessage("Indiquez l'objet de la dépense et sa pièce justificative.").MaximumLength(200);
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}

internal sealed class SpendingHandlers(BudgetsDbContext db, BudgetAccess access, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<GetSpendingStatement, StatementView>, IRequestHandler<RecordSpending, StatementView>
{
    public async Task<StatementView> Handle(GetSpendingStatement request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await db.LoadYearAsync(request.Year, cancellationToken);
        await access.DemandReaderAsync(agreement, cancellationToken);
        return await Statements.ViewAsync(agreement, subsidy, request.At ?? ParisTime.Today(clock), access, cancellationToken);
    }

    public async Task<StatementView> Handle(RecordSpending request, CancellationToken cancellationToken)
    {
        var (agreement, loaded) = await db.LoadYearAsync(request.Year, cancellationToken);
        if (!access.IsRegion) await access.DemandCarrierAsync(agreement, "déclarent ses dépenses", cancellationToken);
        var subsidy = db.ForChange(loaded, request.Version);
        var today = ParisTime.Today(clock);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        SubsidyRules.CheckSpending(agreement, subsidy, request.LineId, request.SpentOn, request.Amount, reason, access.IsRegion, today);
        var entry = new SpendingEntry
        {
            RequestId = subsidy.Id, LineId = request.LineId, SpentOn = request.SpentOn, Amount = request.Amount, Label = request.Label.Trim(), CorrectionReason = reason,
            AfterClosure = subsidy.IsClosed, RecordedBy = user.DisplayName ?? "?", RecordedAt = clock.GetUtcNow(),
        };
        subsidy.Spending.Add(entry);
        subsidy.UpdatedAt = clock.GetUtcNow();
        var line = subsidy.Lines.First(l => l.Id == request.LineId);
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, subsidy.IsClosed ? "depense.corrigee-apres-cloture" : reason is null ? "depense.declaree" : "depense.corrigee", "demande", subsidy.Id.ToString(),
            agreement.TerritoryId, $"{agreement.Label}, « {line.Label} » : {SubsidyRules.Euros(entry.Amount)} le {entry.SpentOn:dd/MM/yyyy} ({entry.Label}){(reason is null ? "" : $" — {reason}")}"));
        await db.SaveChangesAsync(cancellationToken);
        return await Statements.ViewAsync(agreement, subsidy, today, access, cancellationToken);
    }
}

internal static class Statements
{
    public static async Task<StatementView> ViewAsync(FinancialAgreement a, SubsidyRequest? r, DateOnly at, BudgetAccess access, CancellationToken cancellationToken)
    {
        var lines = (r?.Lines ?? []).OrderBy(l => l.Order).Select(l =>
        {
            var spent = r!.SpentFor(l.Id);
            var granted = l.Granted ?? 0;
            return new StatementLine(l.Id, l.Kind, l.Label, granted, spent, granted == 0 ? 0 : spent / granted, r.Closed.FirstOrDefault(c => c.LineId == l.Id)?.Spent);
        }).ToList();
        var labels = lines.ToDictionary(l => l.LineId, l => l.Label);
        var entries = (r?.Spending ?? []).OrderBy(s => s.SpentOn).ThenBy(s => s.RecordedAt)
            .Select(s => new SpendingView(s.Id, s.LineId, labels.GetValueOrDefault(s.LineId, "?"), s.SpentOn, s.Amount, s.Label, s.CorrectionReason, s.AfterClosure, s.RecordedBy)).ToList();
        var amendments = a.Amendments.OrderBy(x => x.Number).Select(x => new AmendmentView(x.Number, x.PreviousEndsOn, x.NewEndsOn, x.Reason, x.CprVoteOn, x.SignedOn, x.ConsumptionRate)).ToList();
        var carrier = await access.IsCarrierAsync(a, cancellationToken);
        return new StatementView(a.Year, a.Label, a.CarrierName, a.StartsOn, a.EndsOn, r?.DecidedOn, r?.Granted ?? 0, r?.Paid ?? 0, r?.Spent ?? 0, at, SubsidyRules.Consumption(r, at),
            lines, entries, amendments, r?.ClosedOn, r?.ClosedBy, r is { IsClosed: true } ? r.Closed.Sum(c => c.Spent) : null,
            r?.DecidedOn is not null && (carrier && !r.IsClosed || access.IsRegion), access.IsRegion, r?.Version ?? 0, a.Version);
    }
}

internal static class SpendingEndpoints
{
    public sealed record SpendingBody(Guid LineId, DateOnly SpentOn, decimal Amount, string Label, string? Reason, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/requests/{year:int}/spending", async Task<Ok<StatementView>> (int year, DateOnly? at, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetSpendingStatement(year, at), ct))).WithSummary("État des dépenses par ligne accordée et taux de consommation à une date (?at=aaaa-mm-jj)");
        api.MapPost("/requests/{year:int}/spending", async Task<Ok<StatementView>> (int year, SpendingBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RecordSpending(year, body.LineId, body.SpentOn, body.Amount, body.Label, body.Reason, body.Version), ct)))
            .WithSummary("Porteur : déclarer une dépense (un montant négatif est une correction motivée ; après clôture, la Région seule corrige)");
    }
}

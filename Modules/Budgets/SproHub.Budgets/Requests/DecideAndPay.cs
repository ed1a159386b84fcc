using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Budgets.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Requests;

public sealed record GrantedLine(Guid LineId, decimal Granted);

/// <summary>The Région's decision on a filed request: the amount granted per line and the CPR's vote.</summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record DecideSubsidy(int Year, DateOnly CprVoteOn, IReadOnlyList<GrantedLine> Lines, int Version) : IRequest<RequestView>, IVersionedRequest;

/// <summary>A payment to the carrier: the 50% advance in March, then the balance on justification.</summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record PaySubsidy(int Year, PaymentKind Kind, decimal Amount, DateOnly PaidOn, string Reference, int Version) : IRequest<RequestView>, IVersionedRequest;

public sealed class DecideSubsidyValidator : AbstractValidator<DecideSubsidy>
{
    public DecideSubsidyValidator()
    {
        RuleFor(r => r.CprVoteOn).NotEmpty().WithMessage("Indiquez la date du vote de la CPR.");
        RuleFor(r => r.Lines).NotEmpty().WithMessage("Indiquez le montant accordé pour chaque ligne.");
        RuleForEach(r => r.Lines).NotNull().ChildRules(l => l.RuleFor(x => x.Granted).GreaterThanOrEqualTo(0).WithMessage("Le montant accordé n'est pas négatif.")
            .Must(SubsidyRules.IsCents).WithErrorCode("centimes").WithMessage("Le montant s'arrête au centime."));
    }
}

public sealed class PaySubsidyValidator : AbstractValidator<PaySubsidy>
{
    public PaySubsidyValidator()
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage("Advance (acompte) ou Balance (solde).");
        RuleFor(r => r.Amount).GreaterThan(0).WithMessage("Le montant est positif.").Must(SubsidyRules.IsCents).WithErrorCode("centimes").WithMessage("Le montant s'arrête au centime.");
        RuleFor(r => r.PaidOn).NotEmpty().WithMessage("Indiquez la date du paiement.");
        RuleFor(r => r.Reference).NotEmpty().WithMessage("Indiquez la référence du paiement (mandat).").MaximumLength(100);
    }
}

internal sealed class DecideAndPayHandlers(BudgetsDbContext db, IAuditLog audit, ICurrentUser user, TimeProvider clock, BudgetAccess access, BudgetNotices notices)
    : IRequestHandler<DecideSubsidy, RequestView>, IRequestHandler<PaySubsidy, RequestView>
{
    public async Task<RequestView> Handle(DecideSubsidy request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await db.LoadRequestForChangeAsync(request.Year, request.Version, cancellationToken);
        if (subsidy.Status != RequestStatus.Filed) throw new RuleViolationException("status", "demande-deposee", "La Région décide d'une demande déposée.");
        if (subsidy.IsClosed) throw new RuleViolationException("status", "annee-close", $"L'année {agreement.Label} est close : sa décision ne se modifie plus.");
        if (subsidy.Payments.Count > 0) throw new RuleViolationException("status", "deja-payee", "Des paiements ont eu lieu : la décision ne se modifie plus.");
        if (request.CprVoteOn > ParisTime.Today(clock)) throw new RuleViolationException("cprVoteOn", "date-passee", "Le vote de la CPR s'enregistre une fois qu'il a eu lieu.");
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = subsidy.Lines.FirstOrDefault(l => l.Id == request.Lines[i].LineId)
                       ?? throw new RuleViolationException($"lines[{i}].lineId", "ligne-de-la-demande", "Cette ligne n'appartient pas à la demande.");
            if (request.Lines[i].Granted > line.Amount)
                throw new RuleViolationException($"lines[{i}].granted", "au-plus-demande", $"« {line.Label} » : la Région accorde au plus le montant demandé ({SubsidyRules.Euros(line.Amount)}).");
            line.Granted = request.Lines[i].Granted;
        }
        if (subsidy.Lines.Any(l => l.Granted is null)) throw new RuleViolationException("lines", "toutes-les-lignes", "Indiquez le montant accordé pour chaque ligne.");
        var coordination = subsidy.Lines.Where(l => l.Kind == LineKind.Coordination).Sum(l => l.Granted!.Value);
        SubsidyRules.CheckCoordination(agreement, subsidy.Lines.Where(l => l.Kind == LineKind.Project).Sum(l => l.Granted!.Value), coordination);
        subsidy.DecidedOn = request.CprVoteOn;
        subsidy.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(new SubsidyGranted(Guid.NewGuid(), request.CprVoteOn, agreement.TerritoryId, agreement.Year, subsidy.Total, subsidy.Granted, coordination, clock.GetUtcNow()));
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "subvention.accordee", "demande", subsidy.Id.ToString(), agreement.TerritoryId,
            $"{agreement.Label} : {SubsidyRules.Euros(subsidy.Granted)} accordés sur {SubsidyRules.Euros(subsidy.Total)} demandés (CPR du {request.CprVoteOn:dd/MM/yyyy})"));
        await notices.QueueAsync(db, agreement, "Subvention accordée",
            $"La commission permanente du {request.CprVoteOn:dd/MM/yyyy} accorde {SubsidyRules.Euros(subsidy.Granted)} sur les {SubsidyRules.Euros(subsidy.Total)} demandés.\n\n{(FundingRules.Advance50.AppliesTo(agreement.Year) ? $"Un acompte de {SubsidyRules.Euros(SubsidyRules.Advance(subsidy.Granted))} sera versé en mars ; le solde sur justification des dépenses." : "Les paiements suivent pendant la convention, sur justification des dépenses.")}",
            "budget", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await RequestViews.ViewAsync(agreement, subsidy, access, clock, cancellationToken);
    }

    public async Task<RequestView> Handle(PaySubsidy request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await db.LoadRequestForChangeAsync(request.Year, request.Version, cancellationToken);
        if (request.PaidOn > ParisTime.Today(clock)) throw new RuleViolationException("paidOn", "date-passee", "Un paiement s'enregistre une fois fait.");
        SubsidyRules.CheckPayment(agreement, subsidy, request.Kind, request.Amount, request.PaidOn);
        subsidy.Payments.Add(new Payment { RequestId = subsidy.Id, Kind = request.Kind, Amount = request.Amount, PaidOn = request.PaidOn, Reference = request.Reference.Trim(), RecordedBy = user.DisplayName });
        subsidy.UpdatedAt = clock.GetUtcNow();
        db.AddIntegrationEvent(new PaymentMade(Guid.NewGuid(), agreement.TerritoryId, agreement.Year, request.Kind.ToString(), request.Amount, request.PaidOn, subsidy.Paid, subsidy.Granted, clock.GetUtcNow()));
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "paiement.enregistre", "demande", subsidy.Id.ToString(), agreement.TerritoryId,
            $"{agreement.Label} : {(request.Kind == PaymentKind.Advance ? "acompte" : "solde")} de {SubsidyRules.Euros(request.Amount)} le {request.PaidOn:dd/MM/yyyy} ({request.Reference.Trim()})"));
        await notices.QueueAsync(db, agreement, request.Kind == PaymentKind.Advance ? "Acompte versé" : "Paiement versé",
            $"La Région a versé {SubsidyRules.Euros(request.Amount)} le {request.PaidOn:dd/MM/yyyy} (mandat {request.Reference.Trim()}).\n\nVersé à ce jour : {SubsidyRules.Euros(subsidy.Paid)} sur {SubsidyRules.Euros(subsidy.Granted)} accordés ; reste à verser {SubsidyRules.Euros(subsidy.LeftToPay)}.",
            "budget", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await RequestViews.ViewAsync(agreement, subsidy, access, clock, cancellationToken);
    }
}

internal static class DecideAndPayEndpoints
{
    public sealed record DecisionBody(DateOnly CprVoteOn, IReadOnlyList<GrantedLine> Lines, int Version);
    public sealed record PaymentBody(PaymentKind Kind, decimal Amount, DateOnly PaidOn, string Reference, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/requests/{year:int}/decision", async Task<Ok<RequestView>> (int year, DecisionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new DecideSubsidy(year, body.CprVoteOn, body.Lines, body.Version), ct))).WithSummary("Région : montants accordés par ligne et date du vote de la CPR");
        api.MapPost("/requests/{year:int}/payments", async Task<Ok<RequestView>> (int year, PaymentBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new PaySubsidy(year, body.Kind, body.Amount, body.PaidOn, body.Reference, body.Version), ct))).WithSummary("Région : enregistrer un paiement (acompte de 50 % en mars, puis solde)");
    }
}

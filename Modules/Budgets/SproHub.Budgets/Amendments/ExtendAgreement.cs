using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Budgets.Data;
using SproHub.Budgets.Requests;
using SproHub.Budgets.Spending;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Amendments;

/// <summary>The Région records an amendment extending the agreement's end date, voted by the CPR and signed while less than
/// half the grant is spent.</summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record ExtendAgreement(int Year, DateOnly NewEndsOn, DateOnly CprVoteOn, DateOnly SignedOn, string Reason, int Version) : IRequest<StatementView>, IVersionedRequest;

public sealed class ExtendAgreementValidator : AbstractValidator<ExtendAgreement>
{
    public ExtendAgreementValidator()
    {
        RuleFor(r => r.NewEndsOn).NotEmpty().WithMessage("Indiquez la nouvelle date de fin.");
        RuleFor(r => r.CprVoteOn).NotEmpty().WithMessage("Indiquez la date du vote de la CPR qui a décidé la prolongation.");
        RuleFor(r => r.SignedOn).NotEmpty().WithMessage("Indiquez la date de signature de l'avenant.");
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Indiquez l'objet de l'avenant (pourquoi la convention est prolongée).").MaximumLength(500);
    }
}

internal sealed class ExtendAgreementHandler(BudgetsDbContext db, BudgetAccess access, BudgetNotices notices, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ExtendAgreement, StatementView>
{
    public async Task<StatementView> Handle(ExtendAgreement request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await db.LoadYearAsync(request.Year, cancellationToken);
        db.Entry(agreement).ExpectVersion(request.Version);
        // The request's row is rewritten too: a spending or a closure saved meanwhile answers 409 rather than slip under the 50% rule.
        if (subsidy is not null) db.Entry(subsidy).Property(s => s.UpdatedAt).IsModified = true;
        var today = ParisTime.Today(clock);
        if (request.SignedOn > today) throw new RuleViolationException("signedOn", "date-passee", "L'avenant s'enregistre une fois signé.");
        if (request.CprVoteOn > today) throw new RuleViolationException("cprVoteOn", "date-passee", "Le vote de la CPR s'enregistre une fois qu'il a eu lieu.");
        if (request.SignedOn > agreement.EndsOn)
            throw new RuleViolationException("signedOn", "avant-echeance", $"La convention a pris fin le {agreement.EndsOn:dd/MM/yyyy} : elle se prolonge par un avenant signé avant.");
        var others = await db.Agreements.AsNoTracking().Where(a => a.Id != agreement.Id).ToListAsync(cancellationToken);
        var rate = SubsidyRules.CheckExtension(agreement, subsidy, request.NewEndsOn, request.SignedOn, request.CprVoteOn, others);
        var amendment = new AgreementAmendment
        {
            AgreementId = agreement.Id, Number = agreement.Amendments.Count + 1, PreviousEndsOn = agreement.EndsOn, NewEndsOn = request.NewEndsOn,
            Reason = request.Reason.Trim(), SignedOn = request.SignedOn, CprVoteOn = request.CprVoteOn, ConsumptionRate = decimal.Round(rate, 4), RecordedBy = user.DisplayName ?? "?",
        };
        agreement.Amendments.Add(amendment);
        agreement.EndsOn = request.NewEndsOn;
        var summary = $"Avenant n° {amendment.Number} : la convention {agreement.Label} est prolongée du {amendment.PreviousEndsOn:dd/MM/yyyy} au {amendment.NewEndsOn:dd/MM/yyyy} (CPR du {amendment.CprVoteOn:dd/MM/yyyy}, signé le {amendment.SignedOn:dd/MM/yyyy} ; subvention consommée à {SubsidyRules.Percent(rate)}).";
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "convention.prolongee", "convention", agreement.Id.ToString(), agreement.TerritoryId, $"{summary} {amendment.Reason}"));
        await notices.QueueAsync(db, agreement, "Convention prolongée", $"{summary}\n\nObjet : {amendment.Reason}", "budget/depenses", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await Statements.ViewAsync(agreement, subsidy, today, access, cancellationToken);
    }
}

internal static class AmendmentEndpoints
{
    public sealed record ExtensionBody(DateOnly NewEndsOn, DateOnly CprVoteOn, DateOnly SignedOn, string Reason, int Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/agreements/{year:int}/amendments", async Task<Ok<StatementView>> (int year, ExtensionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ExtendAgreement(year, body.NewEndsOn, body.CprVoteOn, body.SignedOn, body.Reason, body.Version), ct)))
            .WithSummary("Région : avenant de prolongation de la convention, avec la date du vote de la CPR et celle de la signature (seulement sous 50 % de consommation) ; version de la convention");
}

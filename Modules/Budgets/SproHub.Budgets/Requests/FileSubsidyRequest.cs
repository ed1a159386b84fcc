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
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Requests;

public sealed record LineInput(LineKind Kind, string Label, decimal Amount);

public sealed record LineView(Guid Id, LineKind Kind, string Label, decimal Amount, decimal? Granted);

public sealed record PaymentView(PaymentKind Kind, decimal Amount, DateOnly PaidOn, string Reference);

public sealed record RequestView(Guid AgreementId, int Year, string YearLabel, string CarrierName, bool CarrierCoordinates, DateOnly StartsOn, DateOnly EndsOn,
    DateOnly Deadline, RequestStatus? Status, DateTimeOffset? FiledAt, string? LateAllowedBecause, IReadOnlyList<LineView> Lines,
    decimal Projects, decimal Coordination, decimal Total, decimal MaxCoordination, bool MayEdit, int Version,
    DateOnly? DecidedOn = null, decimal Granted = 0, decimal Paid = 0, decimal LeftToPay = 0, decimal Advance = 0, IReadOnlyList<PaymentView>? Payments = null,
    decimal Spent = 0, decimal Consumption = 0, DateOnly? ClosedOn = null, IReadOnlyList<FundingRule>? Rules = null);

/// <summary>The years of the current local SPRO's financial agreements, latest first.</summary>
[RequiresPermission(BudgetsModule.ReadPermission)]
public sealed record ListAgreementYears : IRequest<IReadOnlyList<int>>;

/// <summary>A year's financial agreement of the current local SPRO and its carrier's subsidy request (empty until drafted).</summary>
[RequiresPermission(BudgetsModule.ReadPermission)]
public sealed record GetSubsidyRequest(int Year) : IRequest<RequestView>;

/// <summary>The carrier drafts its request, line by line; checked against the 30% cap at every save.</summary>
[RequiresPermission(BudgetsModule.RequestPermission)]
public sealed record SaveSubsidyRequest(int Year, IReadOnlyList<LineInput> Lines, int Version) : IRequest<RequestView>;

/// <summary>The carrier files it to the Région, before the deadline or with the Région's recorded leave.</summary>
[RequiresPermission(BudgetsModule.RequestPermission)]
public sealed record FileSubsidyRequest(int Year, int Version) : IRequest<RequestView>, IVersionedRequest;

/// <summary>The Région allows a request to be filed after the deadline, and says why.</summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record AllowLateRequest(int Year, string Reason, int Version) : IRequest<RequestView>, IVersionedRequest;

public sealed class SaveSubsidyRequestValidator : AbstractValidator<SaveSubsidyRequest>
{
    public SaveSubsidyRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty().WithMessage("Ajoutez au moins une ligne (projet ou action).")
            .Must(lines => lines is null || lines.Count(l => l?.Kind == LineKind.Coordination) <= 1).WithErrorCode("coordination-forfaitaire")
            .WithMessage("La subvention de coordination est forfaitaire : une seule ligne de coordination.");
        RuleForEach(r => r.Lines).NotNull().ChildRules(l =>
        {
            l.RuleFor(x => x.Kind).IsInEnum().WithMessage("Type de ligne inconnu : Project ou Coordination.");
            l.RuleFor(x => x.Label).NotEmpty().WithMessage("Nommez le projet ou l'action.").MaximumLength(200);
            l.RuleFor(x => x.Amount).GreaterThan(0).WithMessage("Le montant est positif.").LessThanOrEqualTo(10_000_000m)
                .Must(SubsidyRules.IsCents).WithErrorCode("centimes").WithMessage("Le montant s'arrête au centime.");
        });
    }
}

public sealed class AllowLateRequestValidator : AbstractValidator<AllowLateRequest>
{
    public AllowLateRequestValidator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("Indiquez pourquoi la Région accepte ce dépôt tardif.").MaximumLength(500);
}

internal sealed class SubsidyRequestHandlers(BudgetsDbContext db, BudgetAccess access, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<ListAgreementYears, IReadOnlyList<int>>, IRequestHandler<GetSubsidyRequest, RequestView>, IRequestHandler<SaveSubsidyRequest, RequestView>, IRequestHandler<FileSubsidyRequest, RequestView>,
      IRequestHandler<AllowLateRequest, RequestView>
{
    public async Task<IReadOnlyList<int>> Handle(ListAgreementYears request, CancellationToken cancellationToken)
    {
        var agreements = await db.Agreements.AsNoTracking().OrderByDescending(a => a.Year).Select(a => new { a.Year, a.CarrierStructureId }).ToListAsync(cancellationToken);
        if (access.IsRegion || access.IsCoordinator) return agreements.Select(a => a.Year).ToList();
        var own = await access.OwnStructuresAsync(cancellationToken);
        return agreements.Where(a => own.Contains(a.CarrierStructureId)).Select(a => a.Year).ToList();
    }

    public async Task<RequestView> Handle(GetSubsidyRequest request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await LoadAsync(request.Year, cancellationToken);
        await access.DemandReaderAsync(agreement, cancellationToken);
        return await ViewAsync(agreement, subsidy, cancellationToken);
    }

    public async Task<RequestView> Handle(SaveSubsidyRequest request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await LoadAsync(request.Year, cancellationToken);
        await DemandCarrierAsync(agreement, cancellationToken);
        if (subsidy is null) db.Requests.Add(subsidy = new SubsidyRequest { AgreementId = agreement.Id, TerritoryId = agreement.TerritoryId });
        else db.Entry(subsidy).ExpectVersion(request.Version);
        if (subsidy.Status == RequestStatus.Filed) throw new RuleViolationException("status", "demande-deposee", "La demande est déposée : elle ne se modifie plus.");
        var lines = request.Lines.Select((l, i) => new RequestLine { RequestId = subsidy.Id, Order = i + 1, Kind = l.Kind, Label = l.Label.Trim(), Amount = l.Amount }).ToList();
        SubsidyRules.CheckCoordination(agreement, lines.Where(l => l.Kind == LineKind.Project).Sum(l => l.Amount), lines.Where(l => l.Kind == LineKind.Coordination).Sum(l => l.Amount));
        subsidy.Lines.Clear();
        subsidy.Lines.AddRange(lines);
        subsidy.UpdatedAt = clock.GetUtcNow();
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "demande.enregistree", "demande", subsidy.Id.ToString(), agreement.TerritoryId, $"{agreement.Label} : {SubsidyRules.Euros(subsidy.Total)} en {SproHub.Shared.Text.French.Count(lines.Count, "ligne", "lignes")}"));
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(agreement, subsidy, cancellationToken);
    }

    public async Task<RequestView> Handle(FileSubsidyRequest request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await LoadAsync(request.Year, cancellationToken);
        await DemandCarrierAsync(agreement, cancellationToken);
        if (subsidy is null || subsidy.Lines.Count == 0) throw new RuleViolationException("lines", "demande-vide", "Enregistrez d'abord les lignes de la demande.");
        db.Entry(subsidy).ExpectVersion(request.Version);
        if (subsidy.Status == RequestStatus.Filed) throw new ConflictException("La demande est déjà déposée.", "deja-deposee");
        SubsidyRules.CheckDeadline(agreement, subsidy, ParisTime.Today(clock));
        SubsidyRules.CheckCoordination(agreement, subsidy.Projects, subsidy.Coordination);
        subsidy.Status = RequestStatus.Filed;
        subsidy.FiledAt = clock.GetUtcNow();
        subsidy.FiledBy = user.DisplayName;
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "demande.deposee", "demande", subsidy.Id.ToString(), agreement.TerritoryId, $"{agreement.Label} : {SubsidyRules.Euros(subsidy.Total)}"));
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(agreement, subsidy, cancellationToken);
    }

    public async Task<RequestView> Handle(AllowLateRequest request, CancellationToken cancellationToken)
    {
        var (agreement, subsidy) = await LoadAsync(request.Year, cancellationToken);
        if (subsidy is null) db.Requests.Add(subsidy = new SubsidyRequest { AgreementId = agreement.Id, TerritoryId = agreement.TerritoryId, UpdatedAt = clock.GetUtcNow() });
        else db.Entry(subsidy).ExpectVersion(request.Version);
        if (subsidy.Status == RequestStatus.Filed) throw new RuleViolationException("status", "demande-deposee", "La demande est déjà déposée : il n'y a plus de dépôt tardif à autoriser.");
        subsidy.LateAllowedBecause = request.Reason.Trim();
        subsidy.LateAllowedBy = user.DisplayName;
        db.Entry(subsidy).Property(s => s.Version).IsModified = db.Entry(subsidy).State != EntityState.Added;
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "demande.depot-tardif-autorise", "demande", subsidy.Id.ToString(), agreement.TerritoryId, subsidy.LateAllowedBecause));
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(agreement, subsidy, cancellationToken);
    }

    private Task<(FinancialAgreement, SubsidyRequest?)> LoadAsync(int year, CancellationToken cancellationToken) => db.LoadYearAsync(year, cancellationToken);

    /// <summary>Only the carrier's own agents request for its agreement.</summary>
    private Task DemandCarrierAsync(FinancialAgreement agreement, CancellationToken cancellationToken) =>
        access.DemandCarrierAsync(agreement, "font la demande de subvention", cancellationToken);

    private Task<RequestView> ViewAsync(FinancialAgreement a, SubsidyRequest? r, CancellationToken cancellationToken) => RequestViews.ViewAsync(a, r, access, clock, cancellationToken);
}

/// <summary>A request as its readers see it; whether the caller may still edit it depends on who they are.</summary>
internal static class RequestViews
{
    public static async Task<RequestView> ViewAsync(FinancialAgreement a, SubsidyRequest? r, BudgetAccess access, TimeProvider clock, CancellationToken cancellationToken) =>
        new(a.Id, a.Year, a.Label, a.CarrierName, a.CarrierCoordinates, a.StartsOn, a.EndsOn, a.RequestDeadline, r?.Status, r?.FiledAt, r?.LateAllowedBecause,
            (r?.Lines ?? []).OrderBy(l => l.Order).Select(l => new LineView(l.Id, l.Kind, l.Label, l.Amount, l.Granted)).ToList(),
            r?.Projects ?? 0, r?.Coordination ?? 0, r?.Total ?? 0, SubsidyRules.MaxCoordination(a, r?.Projects ?? 0),
            r?.Status != RequestStatus.Filed && await access.IsCarrierAsync(a, cancellationToken), r?.Version ?? 0,
            r?.DecidedOn, r?.Granted ?? 0, r?.Paid ?? 0, r?.LeftToPay ?? 0, SubsidyRules.Advance(r?.Granted ?? 0),
            (r?.Payments ?? []).OrderBy(p => p.PaidOn).Select(p => new PaymentView(p.Kind, p.Amount, p.PaidOn, p.Reference)).ToList(),
            r?.Spent ?? 0, SubsidyRules.Consumption(r, ParisTime.Today(clock)), r?.ClosedOn, FundingRules.For(a.Year));
}

internal static class SubsidyRequestEndpoints
{
    public sealed record LinesBody(IReadOnlyList<LineInput> Lines, int Version);
    public sealed record VersionBody(int Version);
    public sealed record ReasonBody(string Reason, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/requests/{year:int}", async Task<Ok<RequestView>> (int year, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetSubsidyRequest(year), ct))).WithSummary("La convention financière de l'année et la demande de subvention du porteur");
        api.MapPut("/requests/{year:int}", async Task<Ok<RequestView>> (int year, LinesBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SaveSubsidyRequest(year, body.Lines, body.Version), ct))).WithSummary("Porteur : enregistrer les lignes de la demande (plafond de coordination vérifié)");
        api.MapPost("/requests/{year:int}/filing", async Task<Ok<RequestView>> (int year, VersionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new FileSubsidyRequest(year, body.Version), ct))).WithSummary("Porteur : déposer la demande auprès de la Région (avant la date limite)");
        api.MapPost("/requests/{year:int}/late-filing", async Task<Ok<RequestView>> (int year, ReasonBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new AllowLateRequest(year, body.Reason, body.Version), ct))).WithSummary("Région : autoriser un dépôt après la date limite, avec sa raison");
    }
}

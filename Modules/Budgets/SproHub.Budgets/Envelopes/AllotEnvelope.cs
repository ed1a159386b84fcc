using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Budgets.Data;
using SproHub.Budgets.Requests;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Envelopes;

public sealed record EnvelopeView(Guid Id, string TerritoryId, string TerritoryName, string DepartmentCode, string Purpose, decimal Amount, DateOnly StartsOn, DateOnly EndsOn,
    string CarrierName, DateOnly AllottedOn);

/// <summary>The Région allots an envelope to a department or a local SPRO for a period, carried by one of its structures; a
/// second one for the same recipient and days only with <paramref name="ConfirmSecond"/>.</summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record AllotEnvelope(string TerritoryId, string Purpose, decimal Amount, DateOnly StartsOn, DateOnly EndsOn, Guid CarrierStructureId, DateOnly AllottedOn,
    bool ConfirmSecond = false) : IRequest<EnvelopeView>;

/// <summary>The envelopes of the Région (all, or a department's) whose period starts in a year's agreement period.</summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record ListEnvelopes(int Year, string? DepartmentCode = null) : IRequest<IReadOnlyList<EnvelopeView>>;

/// <summary>The envelopes of the current local SPRO and of its department, for those who read its budget.</summary>
[RequiresPermission(BudgetsModule.ReadPermission)]
public sealed record ListTerritoryEnvelopes : IRequest<IReadOnlyList<EnvelopeView>>;

public sealed class ListEnvelopesValidator : AbstractValidator<ListEnvelopes>
{
    public ListEnvelopesValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
        RuleFor(r => r.DepartmentCode).Matches("^[0-9]{2}$").WithMessage("Le département se donne par son code (18, 28, 36, 37, 41, 45).");
    }
}

public sealed class AllotEnvelopeValidator : AbstractValidator<AllotEnvelope>
{
    public AllotEnvelopeValidator()
    {
        RuleFor(r => r.TerritoryId).NotEmpty().WithMessage("Choisissez le département ou le SPRO local destinataire.");
        RuleFor(r => r.Purpose).NotEmpty().WithMessage("Indiquez l'objet de l'enveloppe.").MaximumLength(300);
        RuleFor(r => r.Amount).GreaterThan(0).WithMessage("Le montant est positif.").LessThanOrEqualTo(100_000_000m)
            .Must(SubsidyRules.IsCents).WithErrorCode("centimes").WithMessage("Le montant s'arrête au centime.");
        RuleFor(r => r.StartsOn).NotEmpty().WithMessage("Indiquez le début de la période.");
        RuleFor(r => r.EndsOn).NotEmpty().WithMessage("Indiquez la fin de la période.")
            .GreaterThan(r => r.StartsOn).WithErrorCode("periode").WithMessage("La période finit après son début.");
        RuleFor(r => r.CarrierStructureId).NotEmpty().WithMessage("Choisissez la structure porteuse.");
        RuleFor(r => r.AllottedOn).NotEmpty().WithMessage("Indiquez la date du vote de la Région.");
    }
}

internal sealed class EnvelopeHandlers(BudgetsDbContext db, ITerritoryDirectory territories, BudgetAccess access, IStructureDirectory structures, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<AllotEnvelope, EnvelopeView>, IRequestHandler<ListEnvelopes, IReadOnlyList<EnvelopeView>>, IRequestHandler<ListTerritoryEnvelopes, IReadOnlyList<EnvelopeView>>
{
    public async Task<EnvelopeView> Handle(AllotEnvelope request, CancellationToken cancellationToken)
    {
        var target = await territories.FindAsync(request.TerritoryId, cancellationToken);
        if (target is not { Kind: TerritoryKind.LocalSpro or TerritoryKind.Department, DepartmentCode: { } department })
            throw new RuleViolationException("territoryId", "territoire", "Une enveloppe va à un département ou à un SPRO local.");
        if (request.AllottedOn > ParisTime.Today(clock)) throw new RuleViolationException("allottedOn", "date-passee", "L'enveloppe s'enregistre une fois votée.");
        var carrier = (await structures.FindAsync([request.CarrierStructureId], cancellationToken)).FirstOrDefault();
        var carrierTerritory = carrier is null ? null : await territories.FindAsync(carrier.TerritoryId, cancellationToken);
        var belongs = target.Kind == TerritoryKind.LocalSpro ? carrier?.TerritoryId == target.Slug : carrierTerritory?.DepartmentCode == department;
        if (carrier is null || !belongs)
            throw new RuleViolationException("carrierStructureId", "porteur-du-territoire", $"La structure porteuse est une structure membre de {target.Name}.");
        var overlapping = await db.Envelopes.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.TerritoryId == target.Slug && e.StartsOn <= request.EndsOn && request.StartsOn <= e.EndsOn).ToListAsync(cancellationToken);
        Envelope.CheckSecond(target.Name, request.Amount, overlapping, request.ConfirmSecond);
        var envelope = new Envelope
        {
            TerritoryId = target.Slug, TerritoryName = target.Name, DepartmentCode = department, Purpose = request.Purpose.Trim(), Amount = request.Amount,
            StartsOn = request.StartsOn, EndsOn = request.EndsOn, CarrierStructureId = carrier.Id, CarrierName = carrier.Name, AllottedOn = request.AllottedOn, RecordedBy = user.DisplayName ?? "?",
        };
        db.Envelopes.Add(envelope);
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "enveloppe.allouee", "enveloppe", envelope.Id.ToString(), target.Slug,
            $"{SubsidyRules.Euros(envelope.Amount)} à {target.Name} du {envelope.StartsOn:dd/MM/yyyy} au {envelope.EndsOn:dd/MM/yyyy}, porteur {carrier.Name} : {envelope.Purpose}"
            + (overlapping.Count > 0 ? $" (enveloppe supplémentaire confirmée : {SubsidyRules.Euros(overlapping.Sum(e => e.Amount) + envelope.Amount)} au total sur la période)" : "")));
        await db.SaveChangesAsync(cancellationToken);
        return View(envelope);
    }

    public async Task<IReadOnlyList<EnvelopeView>> Handle(ListEnvelopes request, CancellationToken cancellationToken) =>
        (await InYear(db.Envelopes.IgnoreQueryFilters(), request.Year).Where(e => request.DepartmentCode == null || e.DepartmentCode == request.DepartmentCode)
            .ToListAsync(cancellationToken)).OrderBy(e => e.DepartmentCode).ThenBy(e => e.TerritoryName).ThenBy(e => e.StartsOn).Select(View).ToList();

    public async Task<IReadOnlyList<EnvelopeView>> Handle(ListTerritoryEnvelopes request, CancellationToken cancellationToken)
    {
        var envelopes = await db.Envelopes.AsNoTracking().OrderByDescending(e => e.StartsOn).ToListAsync(cancellationToken);
        if (access.IsRegion || access.IsCoordinator) return envelopes.Select(View).ToList();
        // Other members reach the budget only as a carrier's agents: they see the envelopes their own structure carries.
        var own = await access.OwnStructuresAsync(cancellationToken);
        return envelopes.Where(e => own.Contains(e.CarrierStructureId)).Select(View).ToList();
    }

    public static IQueryable<Envelope> InYear(IQueryable<Envelope> envelopes, int year)
    {
        var (start, end) = FinancialAgreement.YearOf(year);
        return envelopes.AsNoTracking().Where(e => e.StartsOn >= start && e.StartsOn <= end);
    }

    private static EnvelopeView View(Envelope e) => new(e.Id, e.TerritoryId, e.TerritoryName, e.DepartmentCode, e.Purpose, e.Amount, e.StartsOn, e.EndsOn, e.CarrierName, e.AllottedOn);
}

internal static class EnvelopeEndpoints
{
    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder territoryApi)
    {
        api.MapPost("/envelopes", async Task<Ok<EnvelopeView>> (AllotEnvelope body, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(body, ct)))
            .WithSummary("Région : allouer une enveloppe à un département ou à un SPRO local, pour une période, avec sa structure porteuse (une seconde sur la même période : confirmSecond)");
        api.MapGet("/envelopes", async Task<Ok<IReadOnlyList<EnvelopeView>>> (int year, string? department, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListEnvelopes(year, department), ct))).WithSummary("Région : les enveloppes d'une année (?year=, ?department=18)");
        territoryApi.MapGet("/envelopes", async Task<Ok<IReadOnlyList<EnvelopeView>>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListTerritoryEnvelopes(), ct))).WithSummary("Les enveloppes du SPRO local et de son département");
    }
}

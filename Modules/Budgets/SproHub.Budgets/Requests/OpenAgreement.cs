using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Budgets.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Requests;

/// <summary>
/// The Région opens a local SPRO's financial agreement for a year with its carrier structure and the deadline of the
/// request; whether the carrier also coordinates (and so may ask the coordination subsidy) comes from the designation.
/// </summary>
[RequiresPermission(BudgetsModule.ManagePermission)]
public sealed record OpenAgreement(int Year, Guid CarrierStructureId, DateOnly RequestDeadline) : IRequest<RequestView>;

public sealed class OpenAgreementValidator : AbstractValidator<OpenAgreement>
{
    public OpenAgreementValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2015, 2100).WithMessage("L'année va de 2015 à 2100.");
        RuleFor(r => r.CarrierStructureId).NotEmpty().WithMessage("Choisissez la structure porteuse.");
        RuleFor(r => r.RequestDeadline).NotEmpty().WithMessage("Indiquez la date limite de la demande de subvention.")
            .Must((r, deadline) => r.Year is < 2015 or > 2100 || deadline < FinancialAgreement.PeriodOf(r.Year).End).WithErrorCode("date-limite")
            .WithMessage("La date limite de la demande tombe avant la fin de la convention.");
    }
}

internal sealed class OpenAgreementHandler(BudgetsDbContext db, ITerritoryContext territory, IStructureDirectory structures, IPersonDirectory people, BudgetAccess access,
    BudgetNotices notices, IAuditLog audit, TimeProvider clock) : IRequestHandler<OpenAgreement, RequestView>
{
    public async Task<RequestView> Handle(OpenAgreement request, CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        if (await db.Agreements.AnyAsync(a => a.Year == request.Year, cancellationToken))
            throw new ConflictException($"La convention financière {FinancialAgreement.YearLabel(request.Year)} de ce territoire existe déjà.", "convention-existante");
        var carrier = (await structures.ListAsync(slug, cancellationToken)).FirstOrDefault(s => s.Id == request.CarrierStructureId)
                      ?? throw new RuleViolationException("carrierStructureId", "porteur-du-territoire", $"La structure porteuse est une structure membre de {territory.Current.Name}.");
        var (start, end) = FinancialAgreement.PeriodOf(request.Year);
        SubsidyRules.CheckNoOverlap(request.Year, start, end, await db.Agreements.AsNoTracking().ToListAsync(cancellationToken), "year");
        var today = ParisTime.Today(clock);
        var coordinators = await people.CoordinatorsAsync(slug, start > today ? today : start, cancellationToken);
        var agreement = new FinancialAgreement
        {
            TerritoryId = slug, Year = request.Year, CarrierStructureId = carrier.Id, CarrierName = carrier.Name, StartsOn = start, EndsOn = end,
            RequestDeadline = request.RequestDeadline, CarrierCoordinates = coordinators.Any(c => c.StructureId == carrier.Id),
        };
        db.Agreements.Add(agreement);
        audit.Queue(db, new AuditEntry(BudgetsModule.Id, "convention.ouverte", "convention", agreement.Id.ToString(), slug,
            $"{agreement.Label}, porteur {carrier.Name}{(agreement.CarrierCoordinates ? " (coordonne le SPRO)" : "")}, demande avant le {agreement.RequestDeadline:dd/MM/yyyy}"));
        await notices.QueueAsync(db, agreement, "Convention financière ouverte",
            $"La Région ouvre la convention financière {agreement.Label} ({agreement.StartsOn:dd/MM/yyyy} – {agreement.EndsOn:dd/MM/yyyy}) portée par {carrier.Name}.\n\nLa demande de subvention est à déposer avant le {agreement.RequestDeadline:dd/MM/yyyy}.",
            "budget", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await RequestViews.ViewAsync(agreement, null, access, clock, cancellationToken);
    }
}

internal static class OpenAgreementEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/agreements", async Task<Ok<RequestView>> (OpenAgreement body, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(body, ct)))
            .WithSummary("Région : ouvrir la convention financière d'une année (structure porteuse, date limite de la demande)");
}

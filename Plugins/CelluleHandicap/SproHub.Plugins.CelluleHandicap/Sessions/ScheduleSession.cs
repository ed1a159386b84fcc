using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;
using SproHub.Shared.Text;

namespace SproHub.Plugins.CelluleHandicap.Sessions;

/// <param name="SecretariatPartnerId">Null: the partner whose turn it is.</param>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)]
public sealed record ScheduleSession(SessionKind Kind, DateOnly Date, HalfDay HalfDay, Guid VenuePartnerId, Guid? SecretariatPartnerId) : IRequest<SessionView>;

public sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSession>
{
    public ScheduleSessionValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.HalfDay).IsInEnum();
        RuleFor(r => r.Date).NotEmpty().WithMessage("Choisissez la date de la séance.");
        RuleFor(r => r.VenuePartnerId).NotEmpty().WithMessage("Choisissez le lieu parmi les partenaires.");
    }
}

/// <summary>The secretariat whose turn it is proposes a date and a venue: only a half-day the venue's partner can host is accepted.</summary>
internal sealed class ScheduleSessionHandler(CelluleHandicapDbContext db, CellMembership membership, AgendaPlanner planner, ITerritoryContext territory,
    IAuditLog audit, TimeProvider clock) : IRequestHandler<ScheduleSession, SessionView>
{
    public async Task<SessionView> Handle(ScheduleSession request, CancellationToken cancellationToken)
    {
        var partners = await db.Partners.Include(p => p.Unavailabilities).ToListAsync(cancellationToken);
        var venue = partners.FirstOrDefault(p => p.Id == request.VenuePartnerId)
            ?? throw new RuleViolationException("venuePartnerId", "lieu-partenaire", "Le lieu se choisit parmi les partenaires de la cellule.");
        var latest = await db.Sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.HalfDay).FirstOrDefaultAsync(cancellationToken);
        var secretariat = request.SecretariatPartnerId is { } chosen
            ? partners.FirstOrDefault(p => p.Id == chosen) ?? throw new RuleViolationException("secretariatPartnerId", "secretariat-ml-cio", "Le secrétariat est un partenaire de la cellule.")
            : Session.NextSecretariat(partners, latest) ?? throw new RuleViolationException("secretariatPartnerId", "secretariat-ml-cio", "Aucun partenaire ne tient le secrétariat tournant : la coordination le définit.");
        if (!await membership.RepresentsAsync(secretariat.Id, cancellationToken))
            throw new ForbiddenException($"Le secrétariat de la séance ({secretariat.Name}) la prévoit : vous ne le représentez pas.");
        var year = request.Date.Year;
        var sameYear = await db.Sessions.Where(s => s.Date >= new DateOnly(year, 1, 1) && s.Date <= new DateOnly(year, 12, 31)).ToListAsync(cancellationToken);
        var session = Session.Schedule(territory.Current!.Slug, request.Kind, request.Date, request.HalfDay, venue, secretariat, sameYear, ParisTime.Today(clock));
        db.Sessions.Add(session);
        await planner.FillAsync(session, cancellationToken);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "seance.prevue", "seance", session.Id.ToString(), session.TerritoryId,
            $"{Session.KindLabel(session.Kind)} du {session.Date:dd/MM/yyyy} ({Session.HalfDayLabel(session.HalfDay)}) {PartnerNames.At(venue.Name)}, secrétariat : {secretariat.Name}"));
        await db.SaveChangesAsync(cancellationToken);
        return (await SessionViews.ListAsync(db, [session.Id], cancellationToken)).Single();
    }
}

public sealed record SlotView(DateOnly Date, HalfDay HalfDay, string Label);

/// <summary>The half-days a partner's premises can host in the coming weeks, the cell's other sessions left out.</summary>
[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record CompatibleSlots(Guid VenuePartnerId, DateOnly? From, int Weeks = 8) : IRequest<IReadOnlyList<SlotView>>;

internal sealed class CompatibleSlotsHandler(CelluleHandicapDbContext db, TimeProvider clock) : IRequestHandler<CompatibleSlots, IReadOnlyList<SlotView>>
{
    public async Task<IReadOnlyList<SlotView>> Handle(CompatibleSlots request, CancellationToken cancellationToken)
    {
        var venue = await db.Partners.AsNoTracking().Include(p => p.Unavailabilities).FirstOrDefaultAsync(p => p.Id == request.VenuePartnerId, cancellationToken)
            ?? throw new RuleViolationException("venuePartnerId", "lieu-partenaire", "Le lieu se choisit parmi les partenaires de la cellule.");
        if (!venue.HostsSessions) throw new RuleViolationException("venuePartnerId", "lieu-partenaire", $"{venue.Name} n'accueille pas les séances de la cellule.");
        var today = ParisTime.Today(clock);
        var from = request.From is { } f && f > today ? f : today;
        var days = Math.Clamp(request.Weeks, 1, 26) * 7;
        var taken = await db.Sessions.AsNoTracking().Where(s => s.Date >= from && s.Date <= from.AddDays(days)).ToListAsync(cancellationToken);
        var culture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        return Session.CompatibleSlots(venue, from, days, taken)
            .Select(s => new SlotView(s.Date, s.HalfDay, $"{s.Date.ToFrench("dddd d MMMM yyyy")}, {Session.HalfDayLabel(s.HalfDay)}")).ToList();
    }
}

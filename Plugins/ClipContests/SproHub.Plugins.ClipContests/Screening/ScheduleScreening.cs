using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Jury;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Screening;

public sealed record ScreeningView(DateTime StartsAt, string Venue, IReadOnlyList<ProgrammeLine> Programme, int? Attendance, int Version);
public sealed record ProgrammeLine(int Order, Guid ClipId, string TeamName, string? Job);

/// <summary>The screening of an edition, for anyone (the gallery announces it): null when none is planned.</summary>
public sealed record GetScreening(int Year) : IRequest<ScreeningView?>;

/// <summary>The coordinator plans the screening: when and where, and the programme in order (clips with all their permissions only).</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record PlanScreening(int Year, DateTime StartsAt, string Venue, IReadOnlyList<Guid>? Programme, int? Version) : IRequest<ScreeningView>;

public sealed class PlanScreeningValidator : AbstractValidator<PlanScreening>
{
    public PlanScreeningValidator()
    {
        RuleFor(r => r.StartsAt).NotEmpty().WithMessage("Indiquez la date et l'heure de la projection.");
        RuleFor(r => r.Venue).NotEmpty().WithMessage("Indiquez le lieu (par exemple le cinéma).").MaximumLength(Screening.VenueMaxLength);
    }
}

/// <summary>After the screening, the coordinator records how many came.</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record RecordAttendance(int Year, int Attendance, int Version) : IRequest<ScreeningView>, IVersionedRequest;

internal sealed class ScreeningHandlers(ClipContestsDbContext db, JuryAccess access, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<GetScreening, ScreeningView?>, IRequestHandler<PlanScreening, ScreeningView>, IRequestHandler<RecordAttendance, ScreeningView>
{
    public async Task<ScreeningView?> Handle(GetScreening request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        var screening = await db.Screenings.AsNoTracking().FirstOrDefaultAsync(s => s.EditionId == edition.Id, cancellationToken);
        return screening is null ? null : await ViewAsync(screening, cancellationToken);
    }

    public async Task<ScreeningView> Handle(PlanScreening request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        if (request.StartsAt.Year < edition.Year - 1 || request.StartsAt.Year > edition.Year + 1)
            throw new RuleViolationException("startsAt", "date-projection", $"La projection a lieu autour de l'année {edition.Year}.");
        var screening = await db.Screenings.FirstOrDefaultAsync(s => s.EditionId == edition.Id, cancellationToken);
        if (screening is null) db.Screenings.Add(screening = Screening.For(edition.Id, edition.TerritoryId));
        else if (request.Version is { } version) db.Entry(screening).ExpectVersion(version);
        else throw new RuleViolationException("version", "version-requise", "Indiquez la version de la projection que vous modifiez.");
        var competing = (await access.CompetingAsync(edition.Id, cancellationToken)).Select(c => c.Clip.Id).ToHashSet();
        var programme = (request.Programme ?? []).Distinct().ToList();
        for (var i = 0; i < programme.Count; i++)
            if (!competing.Contains(programme[i]))
                throw new RuleViolationException($"programme[{i}]", "autorisations-manquantes",
                    "Seuls les clips déposés avec toutes leurs autorisations de tournage sont projetés.");
        (screening.StartsAt, screening.Venue, screening.Programme) = (request.StartsAt, request.Venue.Trim(), programme);
        if (db.Entry(screening).State == EntityState.Unchanged) db.Entry(screening).State = EntityState.Modified;
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "projection.prevue", "edition", edition.Id.ToString(), edition.TerritoryId,
            $"{screening.StartsAt:dd/MM/yyyy HH:mm}, {screening.Venue}, {programme.Count} clips"));
        await db.SaveOrConflictAsync("La projection vient d'être prévue par quelqu'un d'autre : rechargez la page.", "projection-unique", cancellationToken);
        return await ViewAsync(screening, cancellationToken);
    }

    public async Task<ScreeningView> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        var screening = await db.Screenings.FirstOrDefaultAsync(s => s.EditionId == edition.Id, cancellationToken)
            ?? throw new NotFoundException("Aucune projection n'est prévue pour cette édition.");
        db.Entry(screening).ExpectVersion(request.Version);
        var before = screening.Attendance ?? 0;
        screening.RecordAttendance(request.Attendance, ParisTime.Now(clock));
        db.Entry(screening).State = EntityState.Modified;
        db.Record(clock, ClipContestsModule.Indicators.Attendance, edition.TerritoryId, request.Attendance - before, screening.Id.ToString());
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "projection.frequentation", "edition", edition.Id.ToString(), edition.TerritoryId, $"{request.Attendance} spectateurs"));
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(screening, cancellationToken);
    }

    private async Task<ScreeningView> ViewAsync(Screening screening, CancellationToken cancellationToken)
    {
        var ids = screening.Programme;
        var teams = await db.Teams.AsNoTracking().Where(t => t.Clip != null && ids.Contains(t.Clip.Id)).Select(t => new { ClipId = t.Clip!.Id, t.Name, t.Project.Job }).ToListAsync(cancellationToken);
        return new ScreeningView(screening.StartsAt, screening.Venue,
            ids.Select((id, i) => teams.FirstOrDefault(t => t.ClipId == id) is { } t ? new ProgrammeLine(i + 1, id, t.Name, t.Job) : null).OfType<ProgrammeLine>().ToList(),
            screening.Attendance, screening.Version);
    }
}

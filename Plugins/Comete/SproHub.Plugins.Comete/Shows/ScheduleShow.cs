using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Series;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Shows;

/// <summary>Schedules a show of a series for one sector; times default to the series' slot.</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record ScheduleShow(Guid SeriesId, string Sector, string? Title, DateOnly Date, TimeOnly? StartTime = null, TimeOnly? EndTime = null) : IRequest<ShowView>;

public sealed class ScheduleShowValidator : AbstractValidator<ScheduleShow>
{
    public ScheduleShowValidator()
    {
        RuleFor(r => r.SeriesId).NotEmpty().WithMessage("Choisissez la série d'émissions.");
        RuleFor(r => r.Sector).NotEmpty().WithMessage("Indiquez le secteur d'activité de l'émission.").MaximumLength(200);
        RuleFor(r => r.Title).MaximumLength(300);
        RuleFor(r => r.Date).Weekday();
        RuleFor(r => r.EndTime).GreaterThan(r => r.StartTime).When(r => r.StartTime is not null && r.EndTime is not null).AfterStart();
    }
}

/// <summary>Moves a show that is not yet broadcast.</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record RescheduleShow(Guid ShowId, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, int Version) : IVersionedRequest, IRequest<ShowView>;

public sealed class RescheduleShowValidator : AbstractValidator<RescheduleShow>
{
    public RescheduleShowValidator()
    {
        RuleFor(r => r.Date).Weekday();
        RuleFor(r => r.EndTime).GreaterThan(r => r.StartTime).AfterStart();
    }
}

internal sealed class ScheduleShowHandler(ShowEditor editor, ITerritoryContext territory) : IRequestHandler<ScheduleShow, ShowView>, IRequestHandler<RescheduleShow, ShowView>
{
    public async Task<ShowView> Handle(ScheduleShow request, CancellationToken cancellationToken)
    {
        await using var transaction = await ShowScheduling.BeginAsync(editor.Db, cancellationToken);
        var series = await editor.Db.Series.FirstOrDefaultAsync(s => s.Id == request.SeriesId, cancellationToken)
            ?? throw new RuleViolationException("seriesId", "serie-connue", "Cette série d'émissions n'existe pas dans ce territoire.");
        var start = request.StartTime ?? series.SlotStart;
        var end = request.EndTime ?? series.SlotEnd;
        await ShowScheduling.EnsureFreeAsync(editor.Db, series, request.Date, start, end, exceptShow: null, cancellationToken);
        var show = new Show
        {
            SeriesId = series.Id, TerritoryId = territory.Current!.Slug, Sector = request.Sector.Trim(), Title = request.Title?.Trim(),
            Date = request.Date, StartTime = start, EndTime = end,
        };
        editor.Db.Shows.Add(show);
        return await editor.SaveAsync(show, "show.scheduled", $"Émission programmée le {request.Date:dd/MM/yyyy} de {start:HH\\:mm} à {end:HH\\:mm}", cancellationToken);
    }

    public async Task<ShowView> Handle(RescheduleShow request, CancellationToken cancellationToken)
    {
        await using var transaction = await ShowScheduling.BeginAsync(editor.Db, cancellationToken);
        var show = await editor.LoadAsync(request.ShowId, request.Version, cancellationToken);
        var series = await editor.Db.Series.FirstAsync(s => s.Id == show.SeriesId, cancellationToken);
        show.Reschedule(request.Date, request.StartTime, request.EndTime); // refuses a broadcast show before anything else
        await ShowScheduling.EnsureFreeAsync(editor.Db, series, request.Date, request.StartTime, request.EndTime, show.Id, cancellationToken);
        return await editor.SaveAsync(show, "show.rescheduled", $"Émission déplacée au {request.Date:dd/MM/yyyy} de {request.StartTime:HH\\:mm} à {request.EndTime:HH\\:mm}", cancellationToken);
    }
}

internal static class ShowScheduling
{
    /// <summary>
    /// Check-then-write under one serializable transaction, so two coordinators cannot both take the same hour
    /// (SQLite takes its write lock at once; PostgreSQL refuses the second with a serialization failure, a 409).
    /// </summary>
    public static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CometeDbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);

    /// <summary>Within the series' slot, and no other show of the same station at that time (409).</summary>
    public static async Task EnsureFreeAsync(CometeDbContext db, ShowSeries series, DateOnly date, TimeOnly start, TimeOnly end, Guid? exceptShow, CancellationToken cancellationToken)
    {
        if (!series.FitsSlot(start, end))
            throw new RuleViolationException("startTime", "creneau",
                $"L'émission doit tenir dans le créneau de la série, de {series.SlotStart:HH\\:mm} à {series.SlotEnd:HH\\:mm}.");
        // A station may be shared by neighbouring territories: its shows are checked across all of them.
        var stationSeries = await db.Series.IgnoreQueryFilters().Where(s => s.Station == series.Station).Select(s => s.Id).ToListAsync(cancellationToken);
        var sameDay = await db.Shows.IgnoreQueryFilters().Where(s => stationSeries.Contains(s.SeriesId) && s.Date == date && s.Id != exceptShow).ToListAsync(cancellationToken);
        var clash = sameDay.FirstOrDefault(s => s.Overlaps(date, start, end));
        if (clash is not null)
            throw new ConflictException(
                $"{series.Station} diffuse déjà l'émission « {clash.Sector} » le {clash.Date:dd/MM/yyyy} de {clash.StartTime:HH\\:mm} à {clash.EndTime:HH\\:mm} : choisissez un autre jour ou un autre horaire.",
                "chevauchement");
    }
}

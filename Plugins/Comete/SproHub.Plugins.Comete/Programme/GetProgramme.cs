using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Territories;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.Comete.Programme;

public sealed record ProgrammeView(IReadOnlyList<ShowView> Upcoming, bool MoreUpcoming, IReadOnlyList<ShowView> Past, IReadOnlyList<int> Years, int? Year);

/// <summary>
/// The public programme: upcoming shows, and past ones (the most recent, or one year's).
/// Cancelled shows are shown only to those who manage COMETE.
/// </summary>
/// <param name="WithRunningOrders">The page shows no running order: it spares their query.</param>
public sealed record GetProgramme(int? Year = null, bool IncludeCancelled = false, bool WithRunningOrders = true) : IRequest<ProgrammeView>;

public sealed class GetProgrammeValidator : AbstractValidator<GetProgramme>
{
    public GetProgrammeValidator() =>
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).When(r => r.Year is not null).WithMessage("L'année demandée doit être comprise entre 2000 et 2100.");
}

/// <summary>A glimpse of the programme for the territory's page: the next shows and the latest ones, date and sector only.</summary>
public sealed record GetProgrammeGlimpse(int Count = 3) : IRequest<ProgrammeGlimpse>;

public sealed record ShowGlimpse(DateOnly Date, TimeOnly StartTime, string Sector);

public sealed record ProgrammeGlimpse(IReadOnlyList<ShowGlimpse> Upcoming, IReadOnlyList<ShowGlimpse> Past);

public sealed record GetShow(Guid ShowId) : IRequest<ShowView>;

/// <summary>The calendar feed: upcoming shows and those of the last months, cancelled ones marked as such.</summary>
public sealed record GetCalendarShows : IRequest<IReadOnlyList<ShowView>>;

internal sealed class ProgrammeHandlers(CometeDbContext db, ICurrentUser user, TimeProvider clock) :
    IRequestHandler<GetProgramme, ProgrammeView>, IRequestHandler<GetShow, ShowView>, IRequestHandler<GetCalendarShows, IReadOnlyList<ShowView>>,
    IRequestHandler<GetProgrammeGlimpse, ProgrammeGlimpse>
{
    /// <summary>Two small queries of three columns: the territory's page need not read the whole programme.</summary>
    public async Task<ProgrammeGlimpse> Handle(GetProgrammeGlimpse request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var shows = db.Shows.AsNoTracking().Where(s => s.State != ShowState.Cancelled);
        var upcoming = await shows.Where(s => s.Date >= today).OrderBy(s => s.Date).ThenBy(s => s.StartTime).Take(request.Count)
            .Select(s => new ShowGlimpse(s.Date, s.StartTime, s.Sector)).ToListAsync(cancellationToken);
        var past = await shows.Where(s => s.Date < today).OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime).Take(request.Count)
            .Select(s => new ShowGlimpse(s.Date, s.StartTime, s.Sector)).ToListAsync(cancellationToken);
        return new ProgrammeGlimpse(upcoming, past);
    }

    // A programme page people read: the next shows and the latest ones; the archive goes by year,
    // every coming show is in the calendar feed.
    public const int NextShows = 20;
    public const int RecentPast = 12;

    public async Task<ProgrammeView> Handle(GetProgramme request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var manager = user.Can(CometeModule.ManagePermission);
        // The listed shows with their replay and guests joined (a show has a handful of guests), then the running orders
        // of all of them at once: four queries per programme however many shows it lists (three for the page, which shows
        // no running order). Guests read apart cost a query binding every listed show's id.
        var shows = db.Shows.AsNoTracking().Include(s => s.Replay).Include(s => s.Guests).AsQueryable();
        if (!(request.IncludeCancelled && manager)) shows = shows.Where(s => s.State != ShowState.Cancelled);

        var upcoming = await shows.Where(s => s.Date >= today).OrderBy(s => s.Date).ThenBy(s => s.StartTime).Take(NextShows + 1).ToListAsync(cancellationToken);
        var past = shows.Where(s => s.Date < today);
        if (request.Year is { } year) past = past.Where(s => s.Date >= new DateOnly(year, 1, 1) && s.Date <= new DateOnly(year, 12, 31));
        var pastShows = await past.OrderByDescending(s => s.Date).ThenByDescending(s => s.StartTime).Take(request.Year is null ? RecentPast : 400).ToListAsync(cancellationToken);
        if (request.WithRunningOrders) await LoadRunningOrdersAsync(upcoming.Concat(pastShows).ToList(), cancellationToken);
        var years = await db.Shows.Where(s => s.Date < today && s.State != ShowState.Cancelled).Select(s => s.Date.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

        return new ProgrammeView(
            upcoming.Take(NextShows).Select(s => ShowView.From(s, today, withHistory: false)).ToList(),
            upcoming.Count > NextShows,
            pastShows.Select(s => ShowView.From(s, today, withHistory: false)).ToList(),
            years, request.Year);
    }

    /// <summary>Running orders are reached only through shows already filtered to this territory.</summary>
    private async Task LoadRunningOrdersAsync(IReadOnlyList<Show> shows, CancellationToken cancellationToken)
    {
        var ids = shows.Select(s => s.Id).ToList();
        var segments = (await db.Set<Segment>().AsNoTracking().Where(g => ids.Contains(g.ShowId)).ToListAsync(cancellationToken)).ToLookup(g => g.ShowId);
        foreach (var show in shows) show.RunningOrder = segments[show.Id].ToList();
    }

    public async Task<IReadOnlyList<ShowView>> Handle(GetCalendarShows request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        var since = today.AddMonths(-6);
        var shows = await db.Shows.AsNoTracking().Include(s => s.Guests).Include(s => s.Replay).AsSplitQuery()
            .Where(s => s.Date >= since).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync(cancellationToken);
        return shows.Select(s => ShowView.From(s, today, withHistory: false)).ToList();
    }

    public async Task<ShowView> Handle(GetShow request, CancellationToken cancellationToken)
    {
        var manager = user.Can(CometeModule.ManagePermission);
        var show = await db.Shows.AsNoTracking().Include(s => s.Guests).Include(s => s.RunningOrder).Include(s => s.Replay).Include(s => s.History)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == request.ShowId, cancellationToken);
        if (show is null || (show.State == ShowState.Cancelled && !manager)) throw new NotFoundException("Émission introuvable dans ce territoire.");
        return ShowView.From(show, ParisTime.Today(clock), withHistory: manager);
    }
}

using System.Security.Cryptography;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Gallery;

public sealed record GalleryClip(Guid Id, int Year, string EditionTitle, string TeamName, string StructureName, string? Job, string? Theme, string Description,
    bool HasPoster, bool HasVideoFile, string? VideoContentType, string? VideoLink, bool HasSubtitles, int Views, int? Prize);

/// <param name="Screening">When and where the clips are (or were) screened, if planned.</param>
public sealed record GalleryEdition(int Year, string Title, IReadOnlyList<GalleryClip> Clips, GalleryScreening? Screening);

public sealed record GalleryScreening(DateTime StartsAt, string Venue, int? Attendance);

/// <summary>The public gallery of a territory: its published clips, by edition, with their views. Nothing else is public.</summary>
public sealed record GetGallery(int? Year = null) : IRequest<IReadOnlyList<GalleryEdition>>;

/// <summary>One published clip; another clip, or one not (or no longer) published, is not found.</summary>
public sealed record GetGalleryClip(Guid ClipId) : IRequest<GalleryClip>;

/// <summary>A published clip's video, poster or subtitles, for anyone.</summary>
public sealed record OpenPublishedFile(Guid ClipId, ClipFileKind Kind) : IRequest<FileContent>;

/// <summary>
/// Someone watches a published clip: one view per person per day (the account when signed in, else the browser's
/// visitor cookie), however often they come back that day. Answers whether this view counted.
/// </summary>
public sealed record CountView(Guid ClipId, string VisitorKey) : IRequest<bool>;

internal sealed class GalleryHandlers(ClipContestsDbContext db, ClipFiles files, TimeProvider clock)
    : IRequestHandler<GetGallery, IReadOnlyList<GalleryEdition>>, IRequestHandler<GetGalleryClip, GalleryClip>, IRequestHandler<OpenPublishedFile, FileContent>,
      IRequestHandler<CountView, bool>
{
    public async Task<IReadOnlyList<GalleryEdition>> Handle(GetGallery request, CancellationToken cancellationToken)
    {
        var clips = await ReadAsync(db.Clips.Where(c => c.PublishedAt != null), cancellationToken);
        var screenings = (await (from s in db.Screenings.AsNoTracking() join e in db.Editions on s.EditionId equals e.Id select new { e.Year, Screening = s }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Year, x => new GalleryScreening(x.Screening.StartsAt, x.Screening.Venue, x.Screening.Attendance));
        return clips.Where(c => request.Year is null || c.Year == request.Year).GroupBy(c => (c.Year, c.EditionTitle)).OrderByDescending(g => g.Key.Year)
            .Select(g => new GalleryEdition(g.Key.Year, g.Key.EditionTitle, g.OrderBy(c => c.Prize ?? int.MaxValue).ThenBy(c => c.TeamName).ToList(),
                screenings.GetValueOrDefault(g.Key.Year))).ToList();
    }

    public async Task<GalleryClip> Handle(GetGalleryClip request, CancellationToken cancellationToken) =>
        (await ReadAsync(db.Clips.Where(c => c.Id == request.ClipId && c.PublishedAt != null), cancellationToken)).SingleOrDefault()
        ?? throw new NotFoundException("Ce clip n'est pas (ou plus) dans la galerie.");

    public async Task<FileContent> Handle(OpenPublishedFile request, CancellationToken cancellationToken)
    {
        var clip = await db.Clips.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ClipId && c.PublishedAt != null, cancellationToken);
        var file = clip?.File(request.Kind) ?? throw new NotFoundException("Ce fichier n'est pas dans la galerie.");
        return await files.OpenAsync(file, cancellationToken);
    }

    public async Task<bool> Handle(CountView request, CancellationToken cancellationToken)
    {
        var clip = await db.Clips.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ClipId && c.PublishedAt != null, cancellationToken)
            ?? throw new NotFoundException("Ce clip n'est pas (ou plus) dans la galerie.");
        var view = new ClipView { ClipId = clip.Id, Visitor = Hash(request.VisitorKey), Day = ParisTime.Today(clock) };
        if (await db.Views.AnyAsync(v => v.ClipId == view.ClipId && v.Visitor == view.Visitor && v.Day == view.Day, cancellationToken)) return false;
        db.Views.Add(view);
        db.Record(clock, ClipContestsModule.Indicators.Views, clip.TerritoryId, 1, clip.Id.ToString());
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException)
        {
            // The same person's second tab, a moment apart: the key already holds the day's view.
            db.ChangeTracker.Clear();
            return false;
        }
        return true;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private async Task<IReadOnlyList<GalleryClip>> ReadAsync(IQueryable<Clip> clips, CancellationToken cancellationToken)
    {
        var rows = await (from c in clips.AsNoTracking()
                          join t in db.Teams on c.TeamId equals t.Id
                          join e in db.Editions on c.EditionId equals e.Id
                          select new { Clip = c, t.Name, t.StructureName, t.Project.Job, t.Project.Theme, e.Year, e.Title }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Clip.Id).ToList();
        var prizes = (await db.Editions.AsNoTracking().Where(e => e.PrizesConfirmedAt != null).ToListAsync(cancellationToken))
            .SelectMany(e => e.Prizes).ToDictionary(p => p.ClipId, p => p.Rank);
        var views = await db.Views.Where(v => ids.Contains(v.ClipId)).GroupBy(v => v.ClipId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(r => new GalleryClip(r.Clip.Id, r.Year, r.Title, r.Name, r.StructureName, r.Job, r.Theme, r.Clip.Description ?? "", r.Clip.Poster is not null,
            r.Clip.Video is not null, r.Clip.Video?.ContentType, r.Clip.VideoLink, r.Clip.Subtitles is not null, views.GetValueOrDefault(r.Clip.Id),
            prizes.TryGetValue(r.Clip.Id, out var rank) ? rank : null)).ToList();
    }
}

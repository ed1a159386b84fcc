using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Search;

public sealed record SearchResult(string Query, IReadOnlyList<QuestionView> Questions);

/// <summary>
/// Searches the guide. <paramref name="Record"/> counts it in the indicators (and an empty result in the
/// coordinator's list): the page asks so once the officer stops typing, not at every key.
/// </summary>
[RequiresPermission(OrientationModeEmploiModule.ReadPermission)]
public sealed record SearchGuide(string Query, bool Record = false) : IRequest<SearchResult>;

public sealed class SearchGuideValidator : AbstractValidator<SearchGuide>
{
    public SearchGuideValidator() =>
        RuleFor(r => r.Query).MaximumLength(UnansweredSearch.QueryMaxLength).WithMessage($"La recherche est limitée à {UnansweredSearch.QueryMaxLength} caractères.");
}

internal sealed class SearchGuideHandler(GuideReader reader, OrientationModeEmploiDbContext db, ITerritoryContext territory, TimeProvider clock)
    : IRequestHandler<SearchGuide, SearchResult>
{
    public async Task<SearchResult> Handle(SearchGuide request, CancellationToken cancellationToken)
    {
        var query = request.Query?.Trim() ?? "";
        var index = await reader.IndexAsync(cancellationToken);
        var questions = index.Guide.Questions.ToDictionary(q => q.Id);
        var found = QuestionSearch.Find(query, index.Questions).Select(id => questions[id]).ToList();
        var normalized = string.Join(' ', GuideText.Words(query));
        if (request.Record && normalized.Length > 0) await RecordAsync(query, normalized, found.Count == 0, cancellationToken);
        return new SearchResult(query, found);
    }

    private async Task RecordAsync(string typed, string normalized, bool unanswered, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var slug = territory.Current!.Slug;
        var source = Guid.NewGuid().ToString();
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, OrientationModeEmploiModule.Id, OrientationModeEmploiModule.Indicators.Searches, slug, ParisTime.DateOf(now), 1, source));
        if (unanswered)
            db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, OrientationModeEmploiModule.Id, OrientationModeEmploiModule.Indicators.UnansweredSearches, slug, ParisTime.DateOf(now), 1, source));
        await db.SaveChangesAsync(cancellationToken);
        if (!unanswered) return;

        // Counted by the database rather than read, incremented and written back: two desks searching the same
        // words at the same moment both count, and the second to create the row counts on the first one's.
        var key = normalized[..Math.Min(normalized.Length, UnansweredSearch.QueryMaxLength)];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var counted = await db.UnansweredSearches.Where(u => u.Query == key).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Count, x => x.Count + 1).SetProperty(x => x.LastAt, now).SetProperty(x => x.LastTyped, typed), cancellationToken);
            if (counted > 0) return;
            try
            {
                db.UnansweredSearches.Add(new UnansweredSearch { TerritoryId = slug, Query = key, LastTyped = typed, Count = 1, LastAt = now });
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

public sealed record UnansweredSearchView(Guid Id, string Query, string LastTyped, int Count, DateTimeOffset LastAt);

/// <summary>What the guide did not answer, most frequent first: the questions the coordinator may add.</summary>
[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record ListUnansweredSearches : IRequest<IReadOnlyList<UnansweredSearchView>>;

/// <summary>Clears one once handled (a question added, or nothing to add).</summary>
[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record DismissUnansweredSearch(Guid Id) : IRequest<Unit>;

internal sealed class UnansweredSearchHandlers(OrientationModeEmploiDbContext db)
    : IRequestHandler<ListUnansweredSearches, IReadOnlyList<UnansweredSearchView>>, IRequestHandler<DismissUnansweredSearch, Unit>
{
    public async Task<IReadOnlyList<UnansweredSearchView>> Handle(ListUnansweredSearches request, CancellationToken cancellationToken) =>
        (await db.UnansweredSearches.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(u => u.Count).ThenByDescending(u => u.LastAt).Take(100)
            .Select(u => new UnansweredSearchView(u.Id, u.Query, u.LastTyped, u.Count, u.LastAt)).ToList();

    public async Task<Unit> Handle(DismissUnansweredSearch request, CancellationToken cancellationToken)
    {
        var row = await db.UnansweredSearches.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken)
            ?? throw new SproHub.Shared.Errors.NotFoundException("Cette recherche sans réponse n'existe pas (ou plus) dans ce territoire.");
        db.UnansweredSearches.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/search", async Task<Ok<SearchResult>> (string? q, bool? record, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SearchGuide(q ?? "", record ?? false), ct)))
            .WithSummary("Chercher dans le guide (record=true : compter la recherche)");
        api.MapGet("/unanswered-searches", async Task<Ok<IReadOnlyList<UnansweredSearchView>>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListUnansweredSearches(), ct))).WithSummary("Recherches restées sans réponse");
        api.MapDelete("/unanswered-searches/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DismissUnansweredSearch(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Retirer une recherche sans réponse traitée");
    }
}

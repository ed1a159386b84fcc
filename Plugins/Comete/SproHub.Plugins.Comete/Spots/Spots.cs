using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Spots;

public sealed record SpotBroadcastView(Guid Id, Guid SeriesId, DateTimeOffset BroadcastAt, string? Note);

/// <summary>Records one broadcast of the 30-second spot announcing the series.</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record RecordSpotBroadcast(Guid SeriesId, DateTimeOffset BroadcastAt, string? Note) : IRequest<SpotBroadcastView>;

public sealed class RecordSpotBroadcastValidator : AbstractValidator<RecordSpotBroadcast>
{
    public RecordSpotBroadcastValidator()
    {
        RuleFor(r => r.SeriesId).NotEmpty().WithMessage("Choisissez la série d'émissions.");
        RuleFor(r => r.BroadcastAt).NotEmpty().WithMessage("Indiquez la date et l'heure de diffusion du spot.");
        RuleFor(r => r.Note).MaximumLength(300);
    }
}

[RequiresPermission(CometeModule.ManagePermission)]
public sealed record ListSpotBroadcasts : IRequest<IReadOnlyList<SpotBroadcastView>>;

internal sealed class SpotHandlers(CometeDbContext db, ShowEditor editor, ITerritoryContext territory, TimeProvider clock)
    : IRequestHandler<RecordSpotBroadcast, SpotBroadcastView>, IRequestHandler<ListSpotBroadcasts, IReadOnlyList<SpotBroadcastView>>
{
    public async Task<SpotBroadcastView> Handle(RecordSpotBroadcast request, CancellationToken cancellationToken)
    {
        if (!await db.Series.AnyAsync(s => s.Id == request.SeriesId, cancellationToken))
            throw new RuleViolationException("seriesId", "serie-connue", "Cette série d'émissions n'existe pas dans ce territoire.");
        if (request.BroadcastAt > clock.GetUtcNow().AddHours(1))
            throw new RuleViolationException("broadcastAt", "deja-diffuse", "On enregistre une diffusion passée : cette date est dans le futur.");
        var spot = new Series.SpotBroadcast { SeriesId = request.SeriesId, TerritoryId = territory.Current!.Slug, BroadcastAt = request.BroadcastAt, Note = request.Note?.Trim() };
        db.SpotBroadcasts.Add(spot);
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), CometeModule.Id, CometeModule.Indicators.SpotBroadcasts,
            spot.TerritoryId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.BroadcastAt, ParisTime.Zone).DateTime), 1, spot.Id.ToString()));
        editor.Audit("spot.broadcast", "spot", spot.Id, spot.TerritoryId, $"Spot diffusé le {TimeZoneInfo.ConvertTime(request.BroadcastAt, ParisTime.Zone):dd/MM/yyyy HH:mm}");
        await db.SaveChangesAsync(cancellationToken);
        return new SpotBroadcastView(spot.Id, spot.SeriesId, spot.BroadcastAt, spot.Note);
    }

    public async Task<IReadOnlyList<SpotBroadcastView>> Handle(ListSpotBroadcasts request, CancellationToken cancellationToken)
    {
        var spots = await db.SpotBroadcasts.AsNoTracking().ToListAsync(cancellationToken);
        return spots.OrderByDescending(s => s.BroadcastAt).Select(s => new SpotBroadcastView(s.Id, s.SeriesId, s.BroadcastAt, s.Note)).ToList();
    }
}

internal static class SpotEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/spots", async Task<Ok<IReadOnlyList<SpotBroadcastView>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListSpotBroadcasts(), ct)))
            .WithSummary("Diffusions du spot de 30 secondes");
        api.MapPost("/spots", async Task<Created<SpotBroadcastView>> (RecordSpotBroadcast request, IMediator m, CancellationToken ct) =>
        {
            var spot = await m.Send(request, ct);
            return TypedResults.Created($"spots/{spot.Id}", spot);
        }).WithSummary("Enregistrer une diffusion du spot");
    }
}

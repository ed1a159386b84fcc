using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Events;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Replays;

/// <summary>Sets the replay link of a show and until when it stays online.</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record SetReplay(Guid ShowId, string Url, DateOnly AvailableUntil, int Version) : IVersionedRequest, IRequest<ShowView>;

public sealed class SetReplayValidator : AbstractValidator<SetReplay>
{
    public SetReplayValidator()
    {
        RuleFor(r => r.Url).NotEmpty().WithMessage("Indiquez le lien de la rediffusion.").MaximumLength(2000)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithErrorCode("lien-web").WithMessage("Le lien de la rediffusion doit être une adresse web complète (https://…).");
    }
}

/// <summary>
/// A listener follows a replay through the platform: the view is counted (unless the browser is only
/// prefetching), then he is sent to the host.
/// </summary>
public sealed record FollowReplay(Guid ShowId, bool Count = true) : IRequest<string>;

internal sealed class ReplayHandlers(ShowEditor editor, CometeDbContext db, ITerritoryContext territory, TimeProvider clock)
    : IRequestHandler<SetReplay, ShowView>, IRequestHandler<FollowReplay, string>
{
    public async Task<ShowView> Handle(SetReplay request, CancellationToken cancellationToken)
    {
        var show = await editor.LoadAsync(request.ShowId, request.Version, cancellationToken);
        show.EnsureEditable();
        if (request.AvailableUntil < show.Date)
            throw new RuleViolationException("availableUntil", "apres-diffusion", "La fin de disponibilité de la rediffusion ne peut pas précéder la date de l'émission.");
        if (show.Replay is null) show.Replay = new Replay { ShowId = show.Id, Url = request.Url.Trim(), AvailableUntil = request.AvailableUntil };
        else
        {
            if (show.Replay.Url != request.Url.Trim()) { show.Replay.IsDead = false; show.Replay.LastProblem = null; show.Replay.LastCheckedAt = null; }
            show.Replay.Url = request.Url.Trim();
            show.Replay.AvailableUntil = request.AvailableUntil;
        }
        return await editor.SaveAsync(show, "show.replay", $"Rediffusion en ligne jusqu'au {request.AvailableUntil:dd/MM/yyyy}", cancellationToken);
    }

    public async Task<string> Handle(FollowReplay request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(clock);
        // The territory filter applies through the show: a replay of another territory is not found.
        var replay = await db.Shows.Where(s => s.Id == request.ShowId && s.State == ShowState.Broadcast).Select(s => s.Replay).FirstOrDefaultAsync(cancellationToken);
        if (replay is null || replay.AvailableUntil < today || replay.IsDead)
            throw new NotFoundException("Cette rediffusion n'est pas ou plus disponible.");
        if (!request.Count) return replay.Url;
        // The count and its indicator event in one transaction; the increment is atomic, so concurrent listeners all count.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Replays.Where(r => r.ShowId == request.ShowId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Views, r => r.Views + 1), cancellationToken);
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), CometeModule.Id,
            CometeModule.Indicators.ReplayViews, territory.Current!.Slug, today, 1, request.ShowId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replay.Url;
    }
}

using FluentValidation;
using MediatR;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Events;

namespace SproHub.Plugins.Comete.Shows;

/// <summary>Adds a guest: the coordinator, one of at most 3 professionals (employers, employees), or the professional branch.</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record AddGuest(Guid ShowId, string Name, GuestRole Role, string? Organisation, int Version) : IVersionedRequest, IRequest<ShowView>;

public sealed class AddGuestValidator : AbstractValidator<AddGuest>
{
    public AddGuestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Indiquez le nom de l'invité.").MaximumLength(200);
        RuleFor(r => r.Role).IsInEnum().WithMessage("Rôle inconnu : coordination, employeur, salarié ou branche professionnelle.");
        RuleFor(r => r.Organisation).MaximumLength(200);
    }
}

[RequiresPermission(CometeModule.ManagePermission)]
public sealed record RemoveGuest(Guid ShowId, Guid GuestId, int Version) : IVersionedRequest, IRequest<ShowView>;

public sealed record SegmentInput(SegmentKind Kind, string Title, int Minutes);

/// <summary>Replaces the running order: key figures first, then testimonies.</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record SetRunningOrder(Guid ShowId, IReadOnlyList<SegmentInput> Segments, int Version) : IVersionedRequest, IRequest<ShowView>;

public sealed class SetRunningOrderValidator : AbstractValidator<SetRunningOrder>
{
    public SetRunningOrderValidator()
    {
        RuleFor(r => r.Segments).NotNull();
        RuleForEach(r => r.Segments).ChildRules(segment =>
        {
            segment.RuleFor(s => s.Title).NotEmpty().WithMessage("Chaque séquence a un intitulé.").MaximumLength(300);
            segment.RuleFor(s => s.Kind).IsInEnum().WithMessage("Type de séquence inconnu.");
            segment.RuleFor(s => s.Minutes).InclusiveBetween(1, 60).WithMessage("La durée d'une séquence est comprise entre 1 et 60 minutes.");
        });
    }
}

public enum ShowTransition { Confirm, Broadcast, Cancel }

/// <summary>Planned → confirmed → broadcast; planned or confirmed → cancelled (its history stays).</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record ChangeShowState(Guid ShowId, ShowTransition Transition, int Version) : IVersionedRequest, IRequest<ShowView>;

internal sealed class EditShowHandler(ShowEditor editor, TimeProvider clock) :
    IRequestHandler<AddGuest, ShowView>, IRequestHandler<RemoveGuest, ShowView>,
    IRequestHandler<SetRunningOrder, ShowView>, IRequestHandler<ChangeShowState, ShowView>
{
    public async Task<ShowView> Handle(AddGuest request, CancellationToken cancellationToken)
    {
        var show = await editor.LoadAsync(request.ShowId, request.Version, cancellationToken);
        show.AddGuest(new Guest { ShowId = show.Id, Name = request.Name.Trim(), Role = request.Role, Organisation = request.Organisation?.Trim() });
        return await editor.SaveAsync(show, "show.guest-added", $"Invité ajouté : {request.Name.Trim()} ({Show.Label(request.Role)})", cancellationToken);
    }

    public async Task<ShowView> Handle(RemoveGuest request, CancellationToken cancellationToken)
    {
        var show = await editor.LoadAsync(request.ShowId, request.Version, cancellationToken);
        show.EnsureEditable();
        var guest = show.Guests.FirstOrDefault(g => g.Id == request.GuestId) ?? throw new NotFoundException("Invité introuvable.");
        if (show.State is ShowState.Confirmed or ShowState.Broadcast) EnsureRemainsConfirmable(show, guest);
        show.Guests.Remove(guest);
        editor.Db.Remove(guest);
        return await editor.SaveAsync(show, "show.guest-removed", $"Invité retiré : {guest.Name}", cancellationToken);
    }

    /// <summary>A confirmed show keeps the guests it was confirmed with: a replacement comes before the departure.</summary>
    private static void EnsureRemainsConfirmable(Show show, Guest leaving)
    {
        try { Show.EnsureGuestsComplete(show.Guests.Where(g => g != leaving).ToList()); }
        catch (RuleViolationException missing)
        {
            throw new ConflictException($"L'émission est confirmée et ne peut se passer de cet invité ({Show.Label(leaving.Role).ToLowerInvariant()}) : ajoutez un remplaçant avant de le retirer.", missing.Rule);
        }
    }

    public async Task<ShowView> Handle(SetRunningOrder request, CancellationToken cancellationToken)
    {
        var show = await editor.LoadAsync(request.ShowId, request.Version, cancellationToken);
        var previous = show.RunningOrder.ToList();
        show.SetRunningOrder(request.Segments.Select(s => new Segment { ShowId = show.Id, Kind = s.Kind, Title = s.Title.Trim(), Minutes = s.Minutes }).ToList());
        editor.Db.RemoveRange(previous);
        return await editor.SaveAsync(show, "show.running-order", $"Déroulé mis à jour ({request.Segments.Count} séquences)", cancellationToken);
    }

    public async Task<ShowView> Handle(ChangeShowState request, CancellationToken cancellationToken)
    {
        var show = await editor.LoadAsync(request.ShowId, request.Version, cancellationToken);
        switch (request.Transition)
        {
            case ShowTransition.Confirm:
                show.Confirm();
                return await editor.SaveAsync(show, "show.confirmed", "Émission confirmée", cancellationToken);
            case ShowTransition.Broadcast:
                show.MarkBroadcast();
                // Counted for the indicators through the outbox, in the same transaction as the state change.
                editor.Db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), CometeModule.Id,
                    CometeModule.Indicators.ShowsBroadcast, show.TerritoryId, show.Date, 1, show.Id.ToString()));
                return await editor.SaveAsync(show, "show.broadcast", "Émission diffusée", cancellationToken);
            case ShowTransition.Cancel:
                show.Cancel();
                return await editor.SaveAsync(show, "show.cancelled", "Émission annulée", cancellationToken);
            default:
                throw new RuleViolationException("transition", "transition-connue", "Changement d'état inconnu : confirmer, marquer diffusée ou annuler.");
        }
    }
}

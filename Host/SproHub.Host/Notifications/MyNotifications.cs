using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Modularity;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Host.Notifications;

public sealed record NotificationView(long Id, string ModuleId, string Kind, string? TerritoryId, string Subject, string Body, string? Link, DateTimeOffset CreatedAt, bool Read, bool EmailSent);

/// <summary>The signed-in person's in-app notifications, newest first.</summary>
public sealed record ListMyNotifications(bool UnreadOnly = false, int Take = 50) : IRequest<IReadOnlyList<NotificationView>>;

public sealed record MarkNotificationRead(long Id) : IRequest<NotificationView>;

public sealed record NotificationPreferenceView(string Kind, string Label, string ModuleName, bool Email);

/// <summary>Every kind of notification the active modules send, and whether this person receives its e-mail.</summary>
public sealed record GetMyNotificationPreferences : IRequest<IReadOnlyList<NotificationPreferenceView>>;

public sealed record PreferenceChoice(string Kind, bool Email);

public sealed record SetMyNotificationPreferences(IReadOnlyList<PreferenceChoice> Preferences) : IRequest<IReadOnlyList<NotificationPreferenceView>>;

internal sealed class SetMyNotificationPreferencesValidator : AbstractValidator<SetMyNotificationPreferences>
{
    public SetMyNotificationPreferencesValidator(ModuleRegistry registry)
    {
        RuleFor(r => r.Preferences).NotNull().WithMessage("Indiquez vos préférences.")
            .Must(p => p.Where(x => x is not null).Select(x => x.Kind).Distinct().Count() == p.Count(x => x is not null)).WithErrorCode("type-unique").WithMessage("Chaque type de notification n'apparaît qu'une fois.");
        RuleForEach(r => r.Preferences).NotNull().WithMessage("Une préférence est vide.").ChildRules(p =>
            p.RuleFor(c => c.Kind).Must(kind => registry.NotificationKinds().Any(k => k.Declaration.Kind == kind))
                .WithErrorCode("type-de-notification").WithMessage(c => $"« {c.Kind} » n'est pas un type de notification de la plateforme."));
    }
}

internal sealed class MyNotificationsHandlers(PlatformDbContext db, ICurrentUser user, ModuleRegistry registry, TimeProvider clock)
    : IRequestHandler<ListMyNotifications, IReadOnlyList<NotificationView>>, IRequestHandler<MarkNotificationRead, NotificationView>,
      IRequestHandler<GetMyNotificationPreferences, IReadOnlyList<NotificationPreferenceView>>, IRequestHandler<SetMyNotificationPreferences, IReadOnlyList<NotificationPreferenceView>>
{
    private string Email
    {
        get
        {
            if (!user.IsAuthenticated) throw new NotAuthenticatedException();
            return NotificationRequestedHandler.Normalise(user.Email ?? throw new ForbiddenException("Ce compte n'a pas d'adresse e-mail."));
        }
    }

    public async Task<IReadOnlyList<NotificationView>> Handle(ListMyNotifications request, CancellationToken cancellationToken)
    {
        var email = Email;
        var query = db.Notifications.AsNoTracking().Where(n => n.Email == email);
        if (request.UnreadOnly) query = query.Where(n => n.ReadAt == null);
        var rows = await query.OrderByDescending(n => n.Id).Take(Math.Clamp(request.Take, 1, 200)).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<NotificationView> Handle(MarkNotificationRead request, CancellationToken cancellationToken)
    {
        var email = Email;
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.Id == request.Id && n.Email == email, cancellationToken)
                  ?? throw new NotFoundException("Cette notification n'existe pas ou ne vous est pas adressée.");
        row.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return View(row);
    }

    public async Task<IReadOnlyList<NotificationPreferenceView>> Handle(GetMyNotificationPreferences request, CancellationToken cancellationToken)
    {
        var email = Email;
        var declined = await db.NotificationPreferences.AsNoTracking().Where(p => p.Email == email && !p.EmailEnabled).Select(p => p.Kind).ToListAsync(cancellationToken);
        return registry.NotificationKinds().Select(k => new NotificationPreferenceView(k.Declaration.Kind, k.Declaration.Label, k.ModuleName, !declined.Contains(k.Declaration.Kind))).ToList();
    }

    public async Task<IReadOnlyList<NotificationPreferenceView>> Handle(SetMyNotificationPreferences request, CancellationToken cancellationToken)
    {
        var email = Email;
        var stored = await db.NotificationPreferences.Where(p => p.Email == email).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var choice in request.Preferences)
        {
            if (!stored.TryGetValue(choice.Kind, out var row)) db.NotificationPreferences.Add(row = new NotificationPreference { Email = email, Kind = choice.Kind });
            row.EmailEnabled = choice.Email;
        }
        await db.SaveChangesAsync(cancellationToken);
        return await Handle(new GetMyNotificationPreferences(), cancellationToken);
    }

    private static NotificationView View(NotificationRecord n) =>
        new(n.Id, n.ModuleId, n.Kind, n.TerritoryId, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt is not null, n.EmailSentAt is not null);
}

public static class MyNotificationEndpoints
{
    public static void MapMyNotifications(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Mes notifications").RequireAuthorization();
        me.MapGet("/notifications", async (bool? unreadOnly, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMyNotifications(unreadOnly ?? false), ct))).WithSummary("Mes notifications, les plus récentes d'abord");
        me.MapPost("/notifications/{id:long}/read", async (long id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new MarkNotificationRead(id), ct))).WithSummary("Marquer une notification comme lue");
        me.MapGet("/notification-preferences", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetMyNotificationPreferences(), ct))).WithSummary("Les types de notifications et leur envoi par e-mail");
        me.MapPut("/notification-preferences", async (IReadOnlyList<PreferenceChoice> preferences, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetMyNotificationPreferences(preferences), ct))).WithSummary("Choisir les e-mails reçus, type par type");
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Modularity;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Host.Admin;

/// <param name="Folder">A plugin's folder in the plugins folder: it tells apart two candidates claiming one id.</param>
public sealed record ModuleView(string Id, string Name, string? Version, bool IsCore, string State, string? FailureReason, double LoadMilliseconds, IReadOnlyList<string> EnabledIn, string? Folder);

/// <summary>Every installed module with its state (every candidate of a claimed id), and for plugins the territories where it is enabled.</summary>
public sealed record ListModules : IRequest<IReadOnlyList<ModuleView>>;

internal sealed class ListModulesHandler(ModuleRegistry registry, PlatformDbContext db, ICurrentUser user) : IRequestHandler<ListModules, IReadOnlyList<ModuleView>>
{
    public async Task<IReadOnlyList<ModuleView>> Handle(ListModules request, CancellationToken cancellationToken)
    {
        RegionAdministration.Demand(user);
        var enabled = await db.ModuleEnablements.AsNoTracking().Where(e => e.Enabled).ToListAsync(cancellationToken);
        return registry.All.Select(m => new ModuleView(
            m.Id, m.DisplayName, m.Manifest?.Version.ToString(), m.IsCore,
            m.IsActive ? "chargé" : "en échec", m.FailureReason, Math.Round(m.LoadTime.TotalMilliseconds, 1),
            m.IsCore || !m.IsActive ? [] : enabled.Where(e => e.ModuleId == m.Id).Select(e => e.TerritoryId).Order().ToList(), m.Folder)).ToList();
    }
}

public sealed record EnablementView(string ModuleId, string TerritoryId, bool Enabled, DateTimeOffset ChangedAt, string? ChangedBy, int Version);

/// <summary>Enables or disables a plugin in one local SPRO. Disabling never deletes the plugin's data.</summary>
public sealed record SetModuleEnablement(string ModuleId, string TerritoryId, bool Enabled) : IRequest<EnablementView>;

internal sealed class SetModuleEnablementValidator : AbstractValidator<SetModuleEnablement>
{
    public SetModuleEnablementValidator(ModuleRegistry registry, ITerritoryDirectory territories)
    {
        RuleFor(r => r.ModuleId).Must(id => registry.IsPlugin(id)).WithErrorCode("plugin-installe")
            .WithMessage(r => $"« {r.ModuleId} » n'est pas un plugin installé et chargé ; seuls les plugins s'activent par territoire.");
        RuleFor(r => r.TerritoryId).MustAsync(async (slug, ct) => (await territories.FindAsync(slug, ct))?.Kind == TerritoryKind.LocalSpro)
            .WithErrorCode("spro-local").WithMessage(r => $"« {r.TerritoryId} » n'est pas l'un des 13 SPRO locaux.");
    }
}

internal sealed class SetModuleEnablementHandler(PlatformDbContext db, ICurrentUser user, IAuditLog audit, ModuleGate gate, TimeProvider clock)
    : IRequestHandler<SetModuleEnablement, EnablementView>
{
    public async Task<EnablementView> Handle(SetModuleEnablement request, CancellationToken cancellationToken)
    {
        RegionAdministration.Demand(user);
        var row = await db.ModuleEnablements.FindAsync([request.ModuleId, request.TerritoryId], cancellationToken);
        if (row is null)
        {
            row = new ModuleEnablement { ModuleId = request.ModuleId, TerritoryId = request.TerritoryId };
            db.ModuleEnablements.Add(row);
        }
        var changed = row.Enabled != request.Enabled || db.Entry(row).State == EntityState.Added;
        row.Enabled = request.Enabled;
        row.ChangedAt = clock.GetUtcNow();
        row.ChangedBy = user.DisplayName;
        if (changed)
        {
            // One transaction: the change and its audit entry.
            audit.Queue(db, new AuditEntry("platform", request.Enabled ? "plugin.active" : "plugin.desactive", "plugin", request.ModuleId, request.TerritoryId,
                request.Enabled ? "Plugin activé" : "Plugin désactivé (données conservées)"));
            await db.SaveChangesAsync(cancellationToken);
            gate.Invalidate();
        }
        return new EnablementView(row.ModuleId, row.TerritoryId, row.Enabled, row.ChangedAt, row.ChangedBy, row.Version);
    }
}

public sealed record AuditView(long Id, DateTimeOffset At, string? UserName, string ModuleId, string Action, string EntityType, string EntityId, string? TerritoryId, string? Details, string ActionLabel);

public sealed record ReadAuditLog(string? ModuleId = null, string? TerritoryId = null, int Take = 200) : IRequest<IReadOnlyList<AuditView>>;

internal sealed class ReadAuditLogHandler(PlatformDbContext db, ICurrentUser user, ModuleRegistry registry) : IRequestHandler<ReadAuditLog, IReadOnlyList<AuditView>>
{
    public async Task<IReadOnlyList<AuditView>> Handle(ReadAuditLog request, CancellationToken cancellationToken)
    {
        RegionAdministration.Demand(user);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(request.ModuleId)) query = query.Where(a => a.ModuleId == request.ModuleId);
        if (!string.IsNullOrEmpty(request.TerritoryId)) query = query.Where(a => a.TerritoryId == request.TerritoryId);
        var rows = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(request.Take, 1, 1000)).ToListAsync(cancellationToken);
        return rows.Select(a => new AuditView(a.Id, a.At, a.UserName, a.ModuleId, a.Action, a.EntityType, a.EntityId, a.TerritoryId, a.Details, AuditLabels.Of(registry, a.ModuleId, a.Action))).ToList();
    }
}

internal static class RegionAdministration
{
    public static void Demand(ICurrentUser user)
    {
        if (!user.IsAuthenticated) throw new NotAuthenticatedException();
        if (!user.IsRegionAdministrator) throw new ForbiddenException("Réservé aux administrateurs de la Région.");
    }
}

public static class AdminEndpoints
{
    public sealed record EnablementBody(bool Enabled);

    public static void MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization();
        admin.MapGet("/modules", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListModules(), ct)));
        admin.MapGet("/modules/{moduleId}", async (string moduleId, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetModuleHealth(moduleId), ct)));
        admin.MapPut("/modules/{moduleId}/territories/{territoryId}", async (string moduleId, string territoryId, EnablementBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetModuleEnablement(moduleId, territoryId, body.Enabled), ct)));
        admin.MapGet("/audit", async (string? module, string? territoire, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ReadAuditLog(module, territoire), ct)));
    }
}

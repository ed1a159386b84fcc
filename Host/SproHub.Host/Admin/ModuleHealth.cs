using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Host.Modularity;
using SproHub.Host.Platform;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Host.Admin;

public sealed record ModuleHealthView(
    string Id, string Name, string? Description, string? Version, bool IsCore, string State, string? FailureReason,
    string? ContractVersion, string PlatformContractVersion, double LoadMilliseconds, string? Source, string? Folder,
    IReadOnlyList<string> MigrationsApplied, IReadOnlyList<string> MigrationsPending,
    int ErrorsSinceStartUp, IReadOnlyList<ModuleError> RecentErrors,
    IReadOnlyList<TerritoryInfo> EnabledIn, IReadOnlyList<string> Permissions, IReadOnlyList<string> Indicators);

/// <summary>One module's health for the Région administrator, failed plugins included.</summary>
public sealed record GetModuleHealth(string ModuleId) : IRequest<ModuleHealthView>;

internal sealed class GetModuleHealthHandler(ModuleRegistry registry, ModuleErrors errors, MigrationLedger migrations, PlatformDbContext db,
    ITerritoryDirectory territories, ICurrentUser user) : IRequestHandler<GetModuleHealth, ModuleHealthView>
{
    public async Task<ModuleHealthView> Handle(GetModuleHealth request, CancellationToken cancellationToken)
    {
        RegionAdministration.Demand(user);
        var module = registry.Describe(request.ModuleId)
            ?? throw new NotFoundException($"Aucun module « {request.ModuleId} » n'est installé.");
        var (applied, pending) = module.IsActive ? await migrations.OfModuleAsync(module.Id, cancellationToken) : ([], []);
        var enabledIds = module.IsCore ? [] : await db.ModuleEnablements.AsNoTracking()
            .Where(e => e.ModuleId == module.Id && e.Enabled).Select(e => e.TerritoryId).ToListAsync(cancellationToken);
        var enabledIn = (await territories.ListAsync(cancellationToken)).Where(t => enabledIds.Contains(t.Slug)).ToList();
        var (errorCount, recent) = errors.Of(module.Id);
        var manifest = module.Manifest;
        return new ModuleHealthView(
            module.Id, module.DisplayName, manifest?.Description, manifest?.Version.ToString(), module.IsCore,
            module.IsActive ? "chargé" : "en échec", module.FailureReason,
            module.IsCore ? SproHub.Shared.Modularity.SharedContract.Version.ToString() : module.ContractVersion?.ToString(),
            SproHub.Shared.Modularity.SharedContract.Version.ToString(), Math.Round(module.LoadTime.TotalMilliseconds, 1), module.Source, module.Folder,
            applied, pending, errorCount, recent, enabledIn,
            manifest?.Permissions.Select(p => $"{p.Id} — {p.Label}").ToList() ?? [],
            manifest?.Indicators.Select(i => $"{i.Code} — {i.Label} ({i.Unit})").ToList() ?? []);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Spaces;

/// <summary>The person comes into their space: the first time opens the account (counted), each day counts them active.</summary>
[RequiresPermission(MaBoiteModule.SpacePermission)]
public sealed record EnterSpace : IRequest<SpaceSummary>;

/// <param name="Warning">The highest warning threshold passed (85, 90, 95), if any.</param>
public sealed record SpaceSummary(Guid Id, string DisplayName, string Email, PublicType PublicType, int? BirthYear, Guid? StructureId,
    long UsedBytes, long QuotaBytes, int UsedPercent, int? Warning, int Version)
{
    public static SpaceSummary Of(Space s) => new(s.Id, s.DisplayName, s.Email, s.PublicType, s.BirthYear, s.StructureId, s.UsedBytes, s.QuotaBytes, s.UsedPercent,
        Space.WarningPercents.Where(p => s.UsedBytes * 100 >= p * s.QuotaBytes).Cast<int?>().LastOrDefault(), s.Version);

    public string Used => Sizes.Format(UsedBytes);
    public string Quota => Sizes.Format(QuotaBytes);
}

internal sealed class EnterSpaceHandler(MaBoiteDbContext db, SpaceAccess access, TimeProvider clock) : IRequestHandler<EnterSpace, SpaceSummary>
{
    public async Task<SpaceSummary> Handle(EnterSpace request, CancellationToken cancellationToken)
    {
        var space = await access.MineAsync(cancellationToken);
        var today = ParisTime.Today(clock);
        if (space.OpenedAt is null || space.LastActiveOn != today) await RecordVisitAsync(space, today, cancellationToken);
        return SpaceSummary.Of(space);
    }

    private async Task RecordVisitAsync(Space space, DateOnly today, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional updates: two first pages at once count the opening (and the month's activity) once.
        var opened = space.OpenedAt is null && await db.Spaces.Where(s => s.Id == space.Id && s.OpenedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OpenedAt, now), cancellationToken) == 1;
        var firstThisMonth = space.LastActiveOn is not { } last || (last.Year, last.Month) != (today.Year, today.Month);
        var counted = await db.Spaces.Where(s => s.Id == space.Id && s.LastActiveOn == space.LastActiveOn)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActiveOn, today), cancellationToken) == 1;
        if (opened) db.AddIntegrationEvent(Indicator(MaBoiteModule.Indicators.AccountsOpened, space, today, now, $"{space.Id}:ouverture"));
        if (counted && firstThisMonth) db.AddIntegrationEvent(Indicator(MaBoiteModule.Indicators.ActiveUsers, space, today, now, $"{space.Id}:{today:yyyy-MM}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IndicatorValueRecorded Indicator(string code, Space space, DateOnly today, DateTimeOffset now, string source) =>
        new(Guid.NewGuid(), now, MaBoiteModule.Id, code, space.TerritoryId, today, 1, source);
}

using System.Diagnostics;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Events;
using SproHub.Shared.Security;

namespace SproHub.Indicators.Facts;

public sealed record Rebuilt(int Events, double Seconds);

/// <summary>
/// The Région rebuilds every fact from the events the modules kept, in one transaction: the same figures come back (the
/// coordinators' typed values and the approved versions are not facts and stay as they are).
/// </summary>
[RequiresPermission(IndicatorsModule.ApprovePermission)]
public sealed record RebuildFacts : IRequest<Rebuilt>;

internal sealed class RebuildFactsHandler(IndicatorsDbContext db, FactIngestor ingestor, IEventReplay replay, IAuditLog audit) : IRequestHandler<RebuildFacts, Rebuilt>
{
    public async Task<Rebuilt> Handle(RebuildFacts request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Meetings.ExecuteDeleteAsync(cancellationToken);
        await db.Counts.ExecuteDeleteAsync(cancellationToken);
        await db.Totals.ExecuteDeleteAsync(cancellationToken);
        await db.Budgets.ExecuteDeleteAsync(cancellationToken);
        var count = 0;
        await foreach (var batch in replay.ReadAsync(RecordFacts.Told, 1_000, cancellationToken))
        {
            await ingestor.IngestAsync(batch, cancellationToken);
            db.ChangeTracker.Clear(); // a long history never piles up in memory
            count += batch.Count;
        }
        audit.Queue(db, new AuditEntry(IndicatorsModule.Id, "faits.reconstruits", "indicateurs", "faits", null, $"{count} événements rejoués"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Rebuilt(count, watch.Elapsed.TotalSeconds);
    }
}

internal static class RebuildEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/facts/rebuild", async Task<Ok<Rebuilt>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new RebuildFacts(), ct)))
            .WithSummary("Région : reconstruire les faits des indicateurs en rejouant les événements conservés par les modules");
}

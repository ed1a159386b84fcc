using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform.Outbox;

/// <summary>
/// A batch of one module's outbox taken by one dispatcher with one statement, and given back with one transaction.
/// The claim's expiry doubles as its token: only the dispatcher that wrote it may mark or release those rows.
/// </summary>
internal sealed class OutboxClaim(DbContext db, long token, IReadOnlyList<OutboxMessage> messages)
{
    public IReadOnlyList<OutboxMessage> Messages => messages;

    /// <summary>
    /// Takes the next pending messages after <paramref name="after"/> for <paramref name="lease"/>. On PostgreSQL rows
    /// another dispatcher is claiming are skipped, not waited for; SQLite has one writer at a time, so a conditional
    /// update is already atomic. Types nobody listens to yet are left for the module that will (replaying the backlog then).
    /// </summary>
    public static async Task<OutboxClaim> TakeAsync(DbContext db, long after, int size, IReadOnlyCollection<string> unheard, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Random low ticks keep two dispatchers claiming in the same instant apart (a millisecond at most).
        var token = now.Add(lease).UtcTicks + Random.Shared.Next(1, 10_000);
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        var (id, type, locked) = (Column(nameof(OutboxMessage.Id)), Column(nameof(OutboxMessage.Type)), Column(nameof(OutboxMessage.LockedUntilTicks)));
        var table = $"\"{entity.GetTableName()}\"";
        var values = new List<object> { token, after, now.UtcTicks, size };
        var notHeard = unheard.Count == 0 ? "" : $" AND {type} NOT IN ({string.Join(", ", unheard.Select((t, i) => $"{{{values.Count + i}}}"))})";
        values.AddRange(unheard);
        var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE {{table}} SET {{locked}} = {0}
            WHERE {{id}} IN (SELECT {{id}} FROM {{table}}
                WHERE {{id}} > {1} AND {{Column(nameof(OutboxMessage.ProcessedAt))}} IS NULL AND {{Column(nameof(OutboxMessage.Attempts))}} < {{MaxAttempts}}
                  AND ({{locked}} IS NULL OR {{locked}} < {2}){{notHeard}}
                ORDER BY {{id}} LIMIT {3}{{skipLocked}})
            RETURNING *
            """;
        var claimed = await db.Set<OutboxMessage>().FromSqlRaw(sql, [.. values]).AsNoTracking().ToListAsync(cancellationToken);
        return new OutboxClaim(db, token, claimed.OrderBy(m => m.Id).ToList());
    }

    /// <summary>After this many failed deliveries a message is left aside, its last error kept for whoever looks.</summary>
    public const int MaxAttempts = 10;

    /// <summary>
    /// Marks what was delivered in one statement and counts each failure, in one transaction, and releases every claim at
    /// once: a message that failed is tried again at the next pass. Rows whose claim expired and went to another
    /// dispatcher meanwhile are left to it.
    /// </summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> delivered, IReadOnlyCollection<(long Id, string Error)> failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessage>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (delivered.Count > 0)
            await outbox.Where(m => delivered.Contains(m.Id) && m.LockedUntilTicks == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)now).SetProperty(m => m.LockedUntilTicks, (long?)null), cancellationToken);
        foreach (var (id, error) in failed)
            await outbox.Where(m => m.Id == id && m.LockedUntilTicks == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error).SetProperty(m => m.LockedUntilTicks, (long?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

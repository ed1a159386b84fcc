using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform;

/// <summary>
/// One host at a time prepares the database (migrations, reference data, demo data), whatever the number of hosts
/// starting together. The lock dies with its holder, so a crash never leaves it behind: a PostgreSQL session-level
/// advisory lock, or, for SQLite, an exclusive lock on a file beside the database (flock, released by the kernel).
/// The wait is bounded (<c>Database:PreparationLockSeconds</c>) and ends with an explicit error.
/// </summary>
public sealed class PreparationLock : IAsyncDisposable
{
    // Any constant of ours: "SPROHUB1" read as a number.
    private const long AdvisoryKey = 0x5350524F48554231;
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);

    private readonly NpgsqlConnection? _postgres;
    private readonly FileStream? _file;
    private int _released;

    private PreparationLock(NpgsqlConnection? postgres, FileStream? file) => (_postgres, _file) = (postgres, file);

    public static async Task<PreparationLock> AcquireAsync(DatabaseSettings settings, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var waited = false;
        while (true)
        {
            PreparationLock? acquired;
            try
            {
                acquired = settings.Provider == DatabaseProvider.Postgres
                    ? await TryPostgresAsync(settings.ConnectionString, cancellationToken)
                    : TryFile(LockFileOf(settings.ConnectionString));
            }
            catch (NpgsqlException ex) when (DateTime.UtcNow < deadline)
            {
                // A server still starting, or out of connections: tried again within the same bound.
                logger.LogWarning("Base PostgreSQL injoignable pour le verrou de préparation ({Error}) : nouvel essai", ex.Message);
                acquired = null;
            }
            if (acquired is not null)
            {
                if (waited) logger.LogInformation("Verrou de préparation de la base obtenu");
                return acquired;
            }
            if (!waited) logger.LogInformation("Un autre hôte prépare la base de données : attente de son verrou (au plus {Seconds} s)", timeout.TotalSeconds);
            waited = true;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"La base de données n'a pas pu être préparée : un autre hôte détient son verrou de préparation depuis plus de {timeout.TotalSeconds:0} s (Database:PreparationLockSeconds).");
            await Task.Delay(RetryEvery, cancellationToken);
        }
    }

    /// <summary>
    /// EF Core's own migration lock on SQLite is a row in <c>__EFMigrationsLock</c>, which a process killed while
    /// migrating leaves behind: every later start would wait for it forever. Holding the preparation lock, no other
    /// host of ours is migrating, so such a row is a dead process's and is removed.
    /// </summary>
    public async Task ClearStaleMigrationLockAsync(DatabaseSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.Sqlite) return; // PostgreSQL's lock is an advisory lock: it dies with its session
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (!await ExistsAsync(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'", cancellationToken)) return;
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\"";
        var since = await read.ExecuteScalarAsync(cancellationToken);
        if (since is null) return;
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
        await delete.ExecuteNonQueryAsync(cancellationToken);
        logger.LogWarning("Verrou de migration laissé par un processus arrêté (posé le {Since}) : supprimé, les migrations reprennent", since);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        // Ending the (unpooled) session releases its advisory lock: no unlock to send, none to fail if the connection dropped.
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_file is not null) await _file.DisposeAsync();
    }

    private static async Task<PreparationLock?> TryPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Not pooled: the lock belongs to this session, which must end (and release it) with the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryKey})", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is true) return new PreparationLock(connection, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private static PreparationLock? TryFile(string path)
    {
        try
        {
            // FileShare.None takes an exclusive flock on Unix: held by this process, dropped by the kernel when it dies.
            return new PreparationLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string LockFileOf(string sqliteConnectionString)
    {
        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        return database + ".preparation.lock";
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}

using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform;

/// <summary>
/// Which migrations each module has applied, read with one plain connection rather than through EF Core:
/// EF Core's first use costs about half a second, and neither start-up nor /health needs it when the
/// database is already up to date.
/// </summary>
public sealed class MigrationLedger(IConfiguration configuration, IEnumerable<ModuleDbContextDescriptor> contexts)
{
    private readonly DatabaseSettings _settings = DatabaseSettings.From(configuration);
    private readonly ConcurrentDictionary<Type, IReadOnlyList<string>> _known = new();

    public bool IsSqlite => _settings.Provider == DatabaseProvider.Sqlite;

    /// <summary>Pending migrations per module id; empty when everything is applied. Throws when the database is unreachable.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var tables = await HistoryTablesAsync(connection, cancellationToken);
        var pending = new Dictionary<string, int>();
        foreach (var descriptor in contexts)
        {
            var applied = await AppliedAsync(connection, tables, ModuleDbContextRegistration.HistoryTable(descriptor.ModuleId), cancellationToken);
            var missing = Known(descriptor.ContextType).Count(id => !applied.Contains(id));
            if (missing > 0) pending[descriptor.ModuleId] = missing;
        }
        return pending;
    }

    /// <summary>One module's migrations: those applied (from its history table) and those shipped but not applied.</summary>
    public async Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)> OfModuleAsync(string moduleId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var applied = await AppliedAsync(connection, await HistoryTablesAsync(connection, cancellationToken), ModuleDbContextRegistration.HistoryTable(moduleId), cancellationToken);
        var known = contexts.Where(c => c.ModuleId == moduleId).SelectMany(c => Known(c.ContextType)).ToList();
        return (applied.Order(StringComparer.Ordinal).ToList(), known.Where(id => !applied.Contains(id)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>SQLite in write-ahead-log mode (kept in the file once set): readers never wait for the writer.</summary>
    public async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        if (!IsSqlite) return;
        var path = new SqliteConnectionStringBuilder(_settings.ConnectionString).DataSource;
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsSqlite ? new SqliteConnection(_settings.ConnectionString) : new NpgsqlConnection(_settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// The history tables that exist, asked of the catalogue: selecting from a missing one is an error that the
    /// database logs (and PostgreSQL's log fills with) on every fresh start.
    /// </summary>
    private async Task<HashSet<string>> HistoryTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = IsSqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_\\_ef\\_migrations%' ESCAPE '\\'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE '\\_\\_ef\\_migrations%'";
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, HashSet<string> existing, string historyTable, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>();
        if (!existing.Contains(historyTable)) return applied; // nothing applied yet
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"MigrationId\" FROM \"{historyTable}\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
        return applied;
    }

    /// <summary>The migrations the module ships for the configured provider (its <c>Migrations/{Provider}</c> folder).</summary>
    private IReadOnlyList<string> Known(Type contextType) => _known.GetOrAdd(contextType, type =>
    {
        var folder = IsSqlite ? ".Migrations.Sqlite" : ".Migrations.Postgres";
        return type.Assembly.GetTypes()
            .Where(t => t.Namespace?.EndsWith(folder, StringComparison.Ordinal) == true && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == type)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToList();
    });
}

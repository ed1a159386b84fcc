using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SproHub.Host;
using SproHub.Host.Platform;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// Preparing the database (migrations, reference and demo data) survives a crash at any moment and any number of
/// hosts starting together; while it runs, health answers at once and nothing hangs.
/// </summary>
public sealed class DatabasePreparationTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_migration_lock_left_by_a_host_killed_while_migrating_is_cleared_and_said()
    {
        var installation = Guid.NewGuid().ToString("N");
        var factory = new SproHubFactory { Installation = installation, WaitForReadiness = false };
        if (factory.OnPostgres) return; // PostgreSQL's migration lock is an advisory lock: it dies with the session
        // What EF Core leaves in the file when the process dies between taking its lock and releasing it.
        Directory.CreateDirectory(factory.DataFolder);
        await using (var connection = new SqliteConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-07 05:35:52+00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        await ((IAsyncLifetime)factory).InitializeAsync();
        await factory.Service<DatabaseReadiness>().Ready.WaitAsync(Bounded);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Verrou de migration laissé par un processus arrêté"));
        await ((IAsyncLifetime)factory).DisposeAsync();
    }

    [Fact]
    public async Task While_another_host_prepares_health_answers_503_at_once_and_requests_do_not_hang()
    {
        var installation = Guid.NewGuid().ToString("N");
        var factory = new SproHubFactory { Installation = installation, WaitForReadiness = false, Overrides = new Dictionary<string, string?> { ["Platform:ReadinessWaitSeconds"] = "1" } };
        await using var held = await HoldPreparationLockAsync(factory);
        await ((IAsyncLifetime)factory).InitializeAsync();
        var client = factory.CreateClient();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"/health a attendu {watch.Elapsed}");
        var report = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("verrou de préparation", report.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var api = await client.GetAsync("/api/network/territories");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode); // after Platform:ReadinessWaitSeconds, not forever
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        await held.DisposeAsync(); // the other host is done
        await factory.Service<DatabaseReadiness>().Ready.WaitAsync(Bounded);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/network/territories")).StatusCode);
        await ((IAsyncLifetime)factory).DisposeAsync();
    }

    [Fact]
    public async Task Hosts_starting_together_on_an_empty_database_all_become_ready_without_a_failure_logged()
    {
        var installation = Guid.NewGuid().ToString("N");
        var hosts = Enumerable.Range(0, 3).Select(_ => new SproHubFactory { Installation = installation }).ToList();

        await Task.WhenAll(hosts.Select(h => ((IAsyncLifetime)h).InitializeAsync())).WaitAsync(Bounded);

        foreach (var host in hosts)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health")).StatusCode);
            // A fresh database has no history tables: reading them must not log a failure (nor anything else fail).
            Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
        }
        var territories = await hosts[0].CreateClient().GetFromJsonAsync<JsonElement>("/api/network/territories");
        Assert.Equal(territories.GetArrayLength(), territories.EnumerateArray().Select(t => t.GetProperty("slug").GetString()).Distinct().Count());
        foreach (var host in hosts) await ((IAsyncLifetime)host).DisposeAsync();
    }

    [Fact]
    public async Task A_host_that_cannot_bind_its_port_stops_before_touching_the_database()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var folder = Path.Combine(Path.GetTempPath(), "sprohub-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["Storage:DataPath"] = folder, ["DemoData:Enabled"] = "true", ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddSproHub();
        await using var app = builder.Build();
        app.UseSproHub();

        await Assert.ThrowsAnyAsync<IOException>(() => app.StartAsync());
        await Task.Delay(TimeSpan.FromSeconds(2)); // time enough for a preparation started in the background to show

        Assert.False(app.Services.GetRequiredService<DatabaseReadiness>().Ready.IsCompleted);
        Assert.False(File.Exists(Path.Combine(folder, "sprohub.db")) && HasTables(Path.Combine(folder, "sprohub.db")), "La base a été préparée par un hôte qui n'écoute pas.");
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static bool HasTables(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        var count = (long)command.ExecuteScalar()!;
        SqliteConnection.ClearAllPools();
        return count > 0;
    }

    /// <summary>What another host preparing the same database holds: the lock file on SQLite, the advisory lock on PostgreSQL.</summary>
    private static async Task<IAsyncDisposable> HoldPreparationLockAsync(SproHubFactory factory)
    {
        var settings = new SproHub.Shared.Data.DatabaseSettings(factory.OnPostgres ? SproHub.Shared.Data.DatabaseProvider.Postgres : SproHub.Shared.Data.DatabaseProvider.Sqlite, factory.ConnectionString);
        if (factory.OnPostgres)
        {
            // The factory makes its database when it starts: make it first, so that the lock is taken inside it.
            var server = new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Database = "postgres" }.ConnectionString;
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        else
        {
            Directory.CreateDirectory(factory.DataFolder);
        }
        return await PreparationLock.AcquireAsync(settings, TimeSpan.FromSeconds(5), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
    }
}

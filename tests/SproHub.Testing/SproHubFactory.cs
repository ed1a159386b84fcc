using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Respawn;
using Respawn.Graph;
using SproHub.Host.Platform;
using SproHub.Network.Accounts;
using Xunit;

namespace SproHub.Testing;

/// <summary>
/// The whole platform on a real database of its own: a SQLite file by default, a fresh PostgreSQL database
/// when <c>SPRO_TEST_POSTGRES</c> holds a server connection string (CI runs the suite both ways).
/// <see cref="ResetAsync"/> empties every table with Respawn and seeds the demo data again.
/// </summary>
public class SproHubFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string? _postgresServer = Environment.GetEnvironmentVariable("SPRO_TEST_POSTGRES");
    private Respawner? _respawner;

    /// <summary>Two factories given the same installation are two hosts of it: one data folder, one database.</summary>
    public string Installation { get; init; } = Guid.NewGuid().ToString("N");

    private string Folder => Path.Combine(Path.GetTempPath(), "sprohub-tests", Installation);
    private string DatabaseName => "sprohub_test_" + Installation[..Math.Min(12, Installation.Length)];

    /// <summary>Settings of this one host, over the fixture's (<see cref="Settings"/>).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether starting waits for the database's preparation (false: a test looks at the host while it prepares).</summary>
    public bool WaitForReadiness { get; init; } = true;

    /// <summary>What the platform logged (at Warning and above, as the tests configure it).</summary>
    public LogCollector Logs { get; } = new();

    public bool OnPostgres => !string.IsNullOrWhiteSpace(_postgresServer);

    /// <summary>The platform's clock: the real time, moved forward when a test needs a meeting to have taken place.</summary>
    public TestClock Clock { get; } = new();
    public string DataFolder => Folder;

    /// <summary>Extra settings a fixture needs (a plugins folder, a clock...).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public string ConnectionString => OnPostgres
        ? new NpgsqlConnectionStringBuilder(_postgresServer) { Database = DatabaseName }.ConnectionString
        : $"Data Source={Path.Combine(Folder, "sprohub.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = OnPostgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = ConnectionString,
            ["Storage:DataPath"] = Folder,
            ["DemoData:Enabled"] = "true",
            ["Outbox:Background"] = "false",
            ["Comete:ReplayCheckMinutes"] = "0",
            ["Governance:CadenceSweepHours"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every test client shares one address: sign-in throttling has its own tests.
            ["Security:SignInAttemptsPerMinute"] = "100000",
        };
        foreach (var (key, value) in Settings.Concat(Overrides)) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        // The demo accounts are created again after every reset: hashing their passwords at full strength
        // would dominate the suites' time, and no test is about the hash's cost.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.AddSingleton<TimeProvider>(Clock);
            // Every cached answer also carries this tag, so that a reset can drop them all (see ResetAsync).
            services.Configure<OutputCacheOptions>(o => o.AddBasePolicy(new TagEverything()));
        });
    }

    public async Task InitializeAsync()
    {
        if (OnPostgres)
        {
            await using var server = new NpgsqlConnection(_postgresServer);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", server);
            // Another host of the same installation created it (42P04), or is creating it (23505 on the catalogue).
            try { await create.ExecuteNonQueryAsync(); }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
        }
        StartServer(); // in memory, or on Kestrel when a fixture asked for it
        if (!WaitForReadiness) return;
        await Services.GetRequiredService<DatabaseReadiness>().Ready; // migrations and demo data
        if (!OnPostgres) TakeSnapshot();
    }

    /// <summary>
    /// On SQLite, the database and the file store as the preparation left them (migrated, demo data seeded), copied once:
    /// a reset copies them back instead of emptying every table and seeding again, about ten times as fast. PostgreSQL
    /// keeps Respawn and the seeding.
    /// </summary>
    private string? _snapshot;

    private string SnapshotFiles => Path.Combine(Folder, "snapshot-files");

    private void TakeSnapshot()
    {
        var snapshot = Path.Combine(Folder, "snapshot.db");
        // A second host of the same installation starts later, on data the tests may have changed: the first host's copy stands.
        if (File.Exists(snapshot))
        {
            _snapshot = snapshot;
            return;
        }
        using (var live = new SqliteConnection(ConnectionString))
        using (var copy = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            live.Open();
            live.BackupDatabase(copy);
        }
        CopyFolder(Path.Combine(Folder, "files"), SnapshotFiles);
        _snapshot = snapshot;
    }

    private async Task RestoreSnapshotAsync(string snapshot)
    {
        using (var copy = new SqliteConnection($"Data Source={snapshot};Pooling=False;Mode=ReadOnly"))
        await using (var live = await OpenAsync())
        {
            copy.Open();
            copy.BackupDatabase((SqliteConnection)live); // page by page, under the database's write lock: the host's connections see it at once
        }
        await ForgetWhatTheHostKeepsAsync();
        CopyFolder(SnapshotFiles, Path.Combine(Folder, "files"));
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>
    /// Every table emptied (migration histories kept), then reference and demo data seeded again; on SQLite, the same state
    /// copied back from the snapshot taken once the platform was first ready.
    /// </summary>
    public async Task ResetAsync()
    {
        _freshFor = null;
        if (_snapshot is { } snapshot)
        {
            await RestoreSnapshotAsync(snapshot);
            return;
        }
        await using var connection = await OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = OnPostgres ? DbAdapter.Postgres : DbAdapter.Sqlite,
            // The data protection keys are the platform's, not data: deleting them would void the cookies and
            // antiforgery tokens of browsers already on the page.
            TablesToIgnore = [.. (await MigrationHistoryTablesAsync(connection)).Select(t => new Table(t)), new Table("platform_data_protection_keys")],
            SchemasToInclude = OnPostgres ? ["public"] : [],
            WithReseed = true,
        });
        await _respawner.ResetAsync(connection);
        await ForgetWhatTheHostKeepsAsync();
        await DatabasePreparation.SeedAsync(Services);
    }

    private Type? _freshFor;

    /// <summary>
    /// For a class whose tests only read the demo data: the platform as seeded when the class starts, as its own platform
    /// was before they shared one. Resets once per class, not before each test (any other reset marks it used).
    /// </summary>
    public async Task ResetOnceForAsync(Type testClass)
    {
        if (_freshFor == testClass) return;
        await ResetAsync();
        _freshFor = testClass;
    }

    /// <summary>
    /// What the host holds outside the database, emptied with it: test classes share one platform per collection, so a
    /// class must not see what an earlier one left there. Not emptied, because no test can see it: the sliding sign-in
    /// window (100,000 a minute here), ma boîte's folder listings (keyed by a space's id, new at every seed), the
    /// errors counted per module (tests compare before and after), the data protection and sealing keys (kept on purpose).
    /// </summary>
    private async Task ForgetWhatTheHostKeepsAsync()
    {
        Clock.Offset = TimeSpan.Zero;
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
        // The file store: a test counting the files it holds counts only its own and the demo data's (seeded again).
        var files = Path.Combine(Folder, "files");
        if (Directory.Exists(files)) Directory.Delete(files, recursive: true);
        // Anonymous pages kept by the output cache (directory, COMETE's programme) and the territories, guide indexes and
        // bearer checks kept in the memory cache: Respawn empties tables behind EF's back, so no eviction was heard.
        await Service<IOutputCacheStore>().EvictByTagAsync(TagEverything.Tag, CancellationToken.None);
        if (Service<IMemoryCache>() is MemoryCache memory) memory.Clear();
        // Which plugin runs where, kept a few seconds: the seeding used to drop it, a snapshot copied back does not.
        Service<SproHub.Host.Modularity.ModuleGate>().Invalidate();
    }

    /// <summary>Tags every answer the output cache keeps, whatever its policy (a base policy never enables caching by itself).</summary>
    private sealed class TagEverything : IOutputCachePolicy
    {
        public const string Tag = "sprohub-tests-everything";

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>Where the platform writes its e-mails in tests (one .eml file each).</summary>
    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>The e-mails sent since the last reset, oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> SentMails() => Directory.Exists(MailFolder)
        ? Directory.GetFiles(MailFolder, "*.eml").Order().Select(f => MimeKit.MimeMessage.Load(f)).ToList()
        : [];

    /// <summary>Publishes what the modules' outboxes hold, as the background pass would (notifications, audit...).</summary>
    public Task<int> DispatchOutboxAsync() => Service<SproHub.Host.Platform.Outbox.OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = OnPostgres
            ? new NpgsqlConnection(ConnectionString)
            // Respawn deletes table by table: foreign keys would refuse the order.
            : new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { ForeignKeys = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<List<string>> MigrationHistoryTablesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = OnPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '\\_\\_ef\\_migrations%'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_\\_ef\\_migrations%' ESCAPE '\\'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>An API client signed in with a demo account's bearer token.</summary>
    public async Task<HttpClient> ClientAsAsync(string email, string password = DemoNetwork.Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/network/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client signed in through the login page (cookie), redirects not followed.</summary>
    public async Task<HttpClient> ClientAsCookieAsync(string email, string password = DemoNetwork.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SubmitFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Connexion refusée pour {email}");
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Work in a scope placed in a territory, as a request to <c>/t/{slug}/…</c> would be.</summary>
    public Task<T> InTerritoryAsync<T>(string slug, Func<IServiceProvider, Task<T>> work) => InScopeAsync(async services =>
    {
        var territory = await services.GetRequiredService<SproHub.Shared.Territories.ITerritoryDirectory>().FindAsync(slug)
            ?? throw new InvalidOperationException($"Territoire inconnu : {slug}");
        services.GetRequiredService<SproHub.Shared.Territories.ITerritoryContext>().Enter(territory);
        return await work(services);
    });

    private sealed record TokenResponse(string AccessToken);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (OnPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(_postgresServer);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The system clock plus an offset a test moves forward (days pass in a journey without waiting).</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    public void Advance(TimeSpan by) => Offset += by;
}

public static class DemoAccounts
{
    public const string RegionAdmin = "admin@region.demo";
    public const string RegionFinance = "finances@region.demo";
    /// <summary>An agent of Indre-et-Loire's carrier structure (the Mission Locale de Tours) who is not its coordinator.</summary>
    public const string IndreEtLoireCarrierAgent = "gestion@indre-et-loire.demo";
    public const string LoirEtCherCoordinator = "coordination@loir-et-cher.demo";
    public const string CherCoordinator = "coordination@cher.demo";
    public const string LoirEtCherMember = "membre@loir-et-cher.demo";
    public const string IndreEtLoireCoordinator = "coordination@indre-et-loire.demo";
    public const string IndreEtLoireMember = "membre@indre-et-loire.demo";

    /// <summary>The demo coordinator of a local SPRO that has one (Loir-et-Cher, Cher, Indre-et-Loire).</summary>
    public static string Coordinator(string territory) => $"coordination@{territory}.demo";

    /// <summary>The demo member of a structure of a local SPRO that has one (Loir-et-Cher, Indre-et-Loire).</summary>
    public static string Member(string territory) => $"membre@{territory}.demo";
}

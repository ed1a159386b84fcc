using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using SproHub.Testing;
using Xunit;

namespace Host.Tests;

/// <summary>
/// The production shape, as an operator runs it (docs/operations.md): two host processes started at the same moment on
/// an empty PostgreSQL database, behind nginx. Writes go through the proxy from several clients at once while one host
/// is killed with SIGKILL; no acknowledged write is lost, every integration event is counted once, a plugin enabled
/// through one host is served by the other, and the survivor keeps serving. Runs in the PostgreSQL pass (CI installs
/// nginx); on SQLite, one host is the rule.
/// </summary>
public sealed class SeveralHostsTests : IAsyncLifetime
{
    private const string Spots = "/api/territories/loir-et-cher/comete/spots";
    private readonly string? _server = Environment.GetEnvironmentVariable("SPRO_TEST_POSTGRES");
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sprohub-hosts", Guid.NewGuid().ToString("N"))).FullName;
    private readonly string _database = "sprohub_hosts_" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<Process> _processes = [];

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    [Fact]
    public async Task Two_hosts_behind_a_proxy_survive_the_loss_of_one_without_losing_a_write()
    {
        if (string.IsNullOrWhiteSpace(_server)) return;
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin).ExecuteNonQueryAsync();
        }
        int first = FreePort(), second = FreePort(), proxy = FreePort();
        var hosts = new[] { StartHost(first, "hote-1"), StartHost(second, "hote-2") }; // together, on the empty database
        StartNginx(proxy, first, second);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{proxy}"), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var port in new[] { first, second }) await WaitForAsync($"http://127.0.0.1:{port}/health/ready", TimeSpan.FromSeconds(180));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, DemoAccounts.LoirEtCherCoordinator));
        var series = (await client.GetFromJsonAsync<JsonElement>("/api/territories/loir-et-cher/comete/series"))[0].GetProperty("id").GetString();

        // A plugin enabled through the first host is served by the second within its refresh (5 s).
        using (var regionAdmin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{first}") })
        {
            regionAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(regionAdmin, DemoAccounts.RegionAdmin));
            (await regionAdmin.PutAsJsonAsync("/api/admin/modules/comete/territories/cher", new { enabled = true })).EnsureSuccessStatusCode();
        }
        using (var onSecond = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{second}") })
            await WaitForAsync(onSecond.BaseAddress + "api/territories/cher/comete/programme", TimeSpan.FromSeconds(8));

        var demo = await SpotIdsAsync(client); // the demo's spots, seeded with their figures rather than through events

        // Four clients write through the proxy; the first host dies with SIGKILL in the middle.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var afterKill = 0;
        var killed = false;
        async Task WriteAsync(int writer, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var at = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(-(writer * 1000 + i));
                try
                {
                    var response = await client.PostAsJsonAsync(Spots, new { seriesId = series, broadcastAt = at, note = $"client {writer}, écriture {i}" });
                    if (response.StatusCode != HttpStatusCode.Created) continue; // not acknowledged: the client would try again
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                    if (Volatile.Read(ref killed)) Interlocked.Increment(ref afterKill);
                }
                catch (HttpRequestException) { } // cut by the kill: not acknowledged either
            }
        }
        var writers = Enumerable.Range(0, 4).Select(c => Task.Run(() => WriteAsync(c, 40))).ToList();
        var writing = DateTime.UtcNow;
        while (acknowledged.Count < 40)
        {
            Assert.False(writers.All(w => w.IsCompleted) || DateTime.UtcNow - writing > TimeSpan.FromSeconds(60),
                $"Seulement {acknowledged.Count} écritures accusées avant la coupure.\n{Logs()}");
            await Task.Delay(20);
        }
        hosts[0].Kill(entireProcessTree: true);
        Volatile.Write(ref killed, true);
        await Task.WhenAll(writers);

        Assert.True(afterKill >= 20, $"Le survivant n'a accusé réception que de {afterKill} écritures après la perte du premier hôte.");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var stored = (await SpotIdsAsync(client)).Except(demo).ToHashSet();
        Assert.DoesNotContain(acknowledged, id => !stored.Contains(id)); // no acknowledged write lost

        // Every event of a stored write reaches the indicators once: the survivor delivers what the dead host had claimed.
        var counted = await CountedSpotsAsync(stored, TimeSpan.FromSeconds(120));
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        var waiting = await new NpgsqlCommand("""SELECT count(*) FROM comete_outbox WHERE "ProcessedAt" IS NULL""", db).ExecuteScalarAsync();
        Assert.True(stored.All(id => counted.GetValueOrDefault(id) == 1),
            $"{stored.Count(id => counted.GetValueOrDefault(id) == 1)} écritures sur {stored.Count} comptées une fois ; {waiting} événements en attente dans l'outbox de COMETE.\n" + Logs());
        var totals = (decimal)(await new NpgsqlCommand("""
            SELECT COALESCE(SUM("Total"), 0) FROM indicators_totals WHERE "Code" = 'comete.spot-broadcasts' AND "TerritoryId" = 'loir-et-cher'
            """, db).ExecuteScalarAsync())!;
        var facts = (decimal)(await new NpgsqlCommand("""
            SELECT COALESCE(SUM("Delta"), 0) FROM indicators_counts WHERE "Code" = 'comete.spot-broadcasts' AND "TerritoryId" = 'loir-et-cher'
            """, db).ExecuteScalarAsync())!;
        Assert.Equal(facts, totals);
    }

    /// <summary>How many times the indicators counted each stored spot, once the outbox is drained.</summary>
    private async Task<Dictionary<string, int>> CountedSpotsAsync(IReadOnlySet<string> stored, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var db = new NpgsqlConnection(ConnectionString);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT "SourceId", count(*) FROM indicators_counts WHERE "Code" = 'comete.spot-broadcasts' GROUP BY "SourceId"
                """, db);
            var counted = new Dictionary<string, int>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) counted[reader.GetString(0)] = (int)reader.GetInt64(1);
            if (stored.All(counted.ContainsKey) || DateTime.UtcNow > deadline) return counted;
            await Task.Delay(250);
        }
    }

    private Process StartHost(int port, string name)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var folder = Repository.PathOf($"Host/SproHub.Host/bin/{configuration}/net10.0");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(folder, "SproHub.Host.dll")])
        {
            WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = ConnectionString,
                ["Storage__DataPath"] = Path.Combine(_work, "data"), ["DemoData__Enabled"] = "true",
                ["Outbox__PollSeconds"] = "0.2", ["Outbox__LeaseSeconds"] = "10", ["Logging__LogLevel__Default"] = "Warning",
                ["Comete__ReplayCheckMinutes"] = "0", ["Governance__CadenceSweepHours"] = "0",
            },
        };
        var process = Process.Start(info)!;
        var log = new StreamWriter(Path.Combine(_work, name + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private void StartNginx(int port, params int[] upstreams)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx est nécessaire à ce test (.ci/run l'installe : apt-get install nginx-light).");
        var prefix = Directory.CreateDirectory(Path.Combine(_work, "nginx")).FullName;
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                upstream sprohub {
                    {{string.Join("\n", upstreams.Select(u => $"server 127.0.0.1:{u} max_fails=1 fail_timeout=30s;"))}}
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://sprohub;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_connect_timeout 2s;
                        proxy_next_upstream error timeout http_503;
                    }
                }
            }
            """);
        // Root runs nginx's workers as nobody, who may not write the temporary folders under /tmp/...: keep them root's.
        var user = Environment.UserName == "root" ? "user root; " : "";
        var process = Process.Start(new ProcessStartInfo(nginx, ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-g", user + "daemon off;"]) { UseShellExecute = false })!;
        _processes.Add(process);
    }

    private static async Task<HashSet<string>> SpotIdsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(Spots)).EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToHashSet();

    private string Logs() => string.Join("\n", Directory.GetFiles(_work, "*.log")
        .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join("\n", File.ReadLines(f).Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(40))}"));

    private static async Task<string> TokenAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/network/auth/token", new { email, password = SproHub.Network.Accounts.DemoNetwork.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private async Task WaitForAsync(string url, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{url} ne répond pas 200 après {within.TotalSeconds} s.\n" + Logs());
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); } catch (InvalidOperationException) { }
            process.Dispose();
        }
        if (!string.IsNullOrWhiteSpace(_server))
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}

using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace SproHub.Bench;

/// <summary>
/// The pages people use every day, signed in (a session cookie for pages, a bearer token for the API) and never cached,
/// at 1, 8 and 32 clients over today's data volumes; each profiled first (database commands and bytes allocated per request).
/// With a reference platform (another published folder), both run side by side on copies of the same data and are measured
/// alternately, so that a change is judged against its reference in the same run on the same busy machine.
/// </summary>
internal static partial class SignedInPages
{
    private const string Password = "Demo-SproHub-2026";
    private const string Coordinated = "loir-et-cher";
    private static readonly int[] Clients = [1, 8, 32];

    private sealed record Target(string What, string Account, bool Cookie, Func<int, string> Url);

    private static readonly Target[] Targets =
    [
        new("Page COMETE `/t/loir-et-cher/comete` (its coordinator)", $"coordination@{Coordinated}.demo", true, _ => $"/t/{Coordinated}/comete"),
        new("Page `/annuaire?…` (a member)", $"membre@{Coordinated}.demo", true, i => $"/annuaire?{PageQuery(LargeNetwork.Queries[i % LargeNetwork.Queries.Length])}"),
        new("API `/api/network/directory?…` (a member's token)", $"membre@{Coordinated}.demo", false, i => $"/api/network/directory?{LargeNetwork.Queries[i % LargeNetwork.Queries.Length]}"),
        new("Page `/t/loir-et-cher/reunions?annee=` (its coordinator)", $"coordination@{Coordinated}.demo", true, i => $"/t/{Coordinated}/reunions?annee={2016 + i % TenYearsOfMeetings.Years}"),
        new("API `…/governance/meetings` (10 years, the coordinator's token)", $"coordination@{Coordinated}.demo", false, _ => $"/api/territories/{Coordinated}/governance/meetings"),
        new("Page `/budgets?annee=` (the finance officer)", "finances@region.demo", true, i => $"/budgets?annee={TenYearsOfBudgets.FirstYear + i % TenYearsOfBudgets.Years}"),
        new("Page `/indicateurs?annee=` (a Région administrator)", "admin@region.demo", true, i => $"/indicateurs?annee={MillionEvents.FirstYear + i % MillionEvents.Years}"),
        new("Page `/t/loir-et-cher` (its coordinator)", $"coordination@{Coordinated}.demo", true, _ => $"/t/{Coordinated}"),
        new("Page `/t/orleans/ma-boite/fichiers` (the demo person's space)", "personne@orleans.demo", true, _ => "/t/orleans/ma-boite/fichiers"),
    ];

    /// <summary>The directory API's criteria under the page's parameter names.</summary>
    private static string PageQuery(string apiQuery) => apiQuery.Replace("territory=", "territoire=", StringComparison.Ordinal);

    public sealed record Profile(double Queries, double KilobytesAllocated);

    private sealed record Row(Target Target, string Build, int Clients, Load.Result Result);

    /// <summary>Seeds today's volumes into the prepared database in <paramref name="work"/>, then measures.</summary>
    public static async Task<string> RunAsync(string publish, string? reference, IReadOnlyDictionary<string, string> hostEnv, string work, string? seeded)
    {
        if (!string.IsNullOrEmpty(seeded)) CopyFolder(seeded, work);
        else
        {
            Console.WriteLine("Préparation : migrations, données de démonstration…");
            await using (await Server.StartAsync(Path.Combine(publish, "SproHub.Host.dll"), hostEnv)) { }
            var volumes = await BenchData.SeedAsync(work);
            Console.WriteLine($"Données : {volumes.Shows} émissions, {volumes.Meetings} réunions, {volumes.Budgets} conventions, un million d'événements.");
        }
        return await MeasureAsync(publish, reference, hostEnv, work);
    }

    /// <summary>Measures on the seeded database in <paramref name="work"/> (a copy of it for the reference).</summary>
    public static async Task<string> MeasureAsync(string publish, string? reference, IReadOnlyDictionary<string, string> hostEnv, string work)
    {
        var env = new Dictionary<string, string>(hostEnv)
        {
            ["DemoData__Enabled"] = "false",
            ["Comete__ProgrammeCacheSeconds"] = "0",
            ["Network__DirectoryCacheSeconds"] = "0",
            ["Security__SignInAttemptsPerMinute"] = "10000", // the bench signs in a dozen times
        };
        var builds = new List<(string Name, string Dll, Dictionary<string, string> Env)> { ("this", Path.Combine(publish, "SproHub.Host.dll"), env) };
        if (!string.IsNullOrEmpty(reference))
        {
            var copy = work + "-reference";
            CopyFolder(work, copy);
            builds.Insert(0, ("reference", Path.Combine(reference, "SproHub.Host.dll"), new Dictionary<string, string>(env) { ["Storage__DataPath"] = copy }));
        }

        // 1. Profile: database commands per request (EF Core's command log counted on a host that writes it), then bytes
        // allocated per request (the runtime's alloc-rate counter over 200 sequential requests, on a host that logs nothing).
        var profiles = new Dictionary<(string Build, string What), Profile>();
        foreach (var build in builds)
        {
            var commands = 0;
            // The outbox's polling is put off so that only the requests' own commands are counted.
            var logging = new Dictionary<string, string>(build.Env) { ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information", ["Outbox__PollSeconds"] = "3600" };
            var queries = new Dictionary<string, double>();
            await using (var server = await Server.StartAsync(build.Dll, logging, line => { if (line.Contains("Executed DbCommand", StringComparison.Ordinal)) Interlocked.Increment(ref commands); }))
            {
                var clients = await SignInAllAsync(server.Url);
                foreach (var target in Targets)
                {
                    var http = clients[(target.Account, target.Cookie)];
                    await Load.RunAsync(http, target.Url, 10, 1);
                    var before = await SettledAsync(() => Volatile.Read(ref commands));
                    await Load.RunAsync(http, target.Url, 40, 1);
                    queries[target.What] = (await SettledAsync(() => Volatile.Read(ref commands)) - before) / 40.0;
                }
                foreach (var client in clients.Values) client.Dispose();
            }
            await using (var server = await Server.StartAsync(build.Dll, build.Env))
            {
                var clients = await SignInAllAsync(server.Url);
                foreach (var target in Targets)
                {
                    var http = clients[(target.Account, target.Cookie)];
                    await Load.RunAsync(http, target.Url, 50, 1);
                    var bytes = await AllocatedDuringAsync(server.ProcessId, () => Load.RunAsync(http, target.Url, 200, 1));
                    profiles[(build.Name, target.What)] = new Profile(queries[target.What], bytes / 200 / 1024);
                    Console.WriteLine($"{target.What} [{build.Name}] : {queries[target.What]:0.#} commandes, {bytes / 200 / 1024:N0} Ko par requête");
                }
                foreach (var client in clients.Values) client.Dispose();
            }
        }

        if (Environment.GetEnvironmentVariable("SPRO_BENCH_PROFILE_ONLY") == "1") return Markdown([], profiles, builds.Count > 1);

        // 2. Load: every build's server up at once (idle when not measured), each target at 1, 8 and 32 clients, the builds alternated.
        var rows = new List<Row>();
        var servers = new List<(string Name, Server Server, Dictionary<(string, bool), HttpClient> Clients)>();
        try
        {
            foreach (var build in builds)
            {
                var server = await Server.StartAsync(build.Dll, build.Env);
                servers.Add((build.Name, server, await SignInAllAsync(server.Url)));
            }
            foreach (var target in Targets)
            {
                foreach (var (_, _, clients) in servers) await Load.RunAsync(clients[(target.Account, target.Cookie)], target.Url, 200, 4); // warm-up
                foreach (var count in Clients)
                foreach (var (name, _, clients) in servers)
                {
                    var result = await Load.RunAsync(clients[(target.Account, target.Cookie)], target.Url, count == 1 ? 200 : count == 8 ? 800 : 1000, count);
                    rows.Add(new Row(target, name, count, result));
                    Console.WriteLine($"{target.What} [{name}] {count} : p50 {result.P50:F1} ms, p95 {result.P95:F1} ms, {result.Errors} erreurs");
                }
            }
        }
        finally
        {
            foreach (var (_, server, clients) in servers)
            {
                foreach (var client in clients.Values) client.Dispose();
                await server.DisposeAsync();
            }
            try { if (builds.Count > 1) Directory.Delete(work + "-reference", recursive: true); } catch (IOException) { }
        }
        return Markdown(rows, profiles, builds.Count > 1);
    }

    private static string Markdown(List<Row> rows, Dictionary<(string Build, string What), Profile> profiles, bool withReference)
    {
        string Ok(bool pass) => pass ? "✅" : "❌";
        var md = new StringBuilder();
        md.AppendLine("## Signed-in pages under load, uncached (targets: p95 < 50 ms at 8 clients, < 100 ms at 32)");
        md.AppendLine();
        md.AppendLine("The data of the tables above (ten years of shows, meetings and budgets, 10,000 structures, a million events), the published");
        md.AppendLine("platform with its output caches off; each client signed in as the person who uses the page (a session cookie for pages, a");
        md.AppendLine("bearer token for the API), sending its next request when the last one answered; the load generator on the same cores.");
        if (withReference)
            md.AppendLine("`reference` is the platform before this work, `this` after it: both on copies of the same database, measured alternately in the same run.");
        md.AppendLine();
        md.AppendLine("| Page | Build | Commands / request | Allocated / request |");
        md.AppendLine("|---|---|---|---|");
        foreach (var ((build, what), p) in profiles.OrderBy(p => Array.FindIndex(Targets, t => t.What == p.Key.What)))
            md.AppendLine($"| {what} | {build} | {p.Queries.ToString("0.#", CultureInfo.InvariantCulture)} | {p.KilobytesAllocated:N0} KB |");
        md.AppendLine();
        if (rows.Count == 0) md.AppendLine("Latency not measured in this run (`SPRO_BENCH_PROFILE_ONLY`): `dotnet cake --target=Bench --only=load` measures it.");
        else
        {
            md.AppendLine("| Page | Build | Clients | Requests | p50 | p95 | p99 | Throughput | Errors | Target |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        }
        foreach (var (target, build, clients, r) in rows)
        {
            var goal = clients switch { 8 => $"< 50 ms {Ok(r.P95 < 50)}", 32 => $"< 100 ms {Ok(r.P95 < 100)}", _ => "" };
            md.AppendLine($"| {target.What} | {build} | {clients} | {r.Count} | {r.P50:F1} ms | {r.P95:F1} ms | {r.P99:F1} ms | {r.PerSecond:F0}/s | {r.Errors} | {goal} |");
        }
        md.AppendLine();
        md.AppendLine("Reading these figures (what the profile of 2026-12-07 found, before → after; compare the builds of one run, not runs with each other):");
        md.AppendLine();
        md.AppendLine("- No page ran more than seven database commands and the host adds none per request (roles are claims, the territories a cached");
        md.AppendLine("  list): round trips were not the cause. Reading more than the page shows was, and rendering it.");
        md.AppendLine("- Budgets side by side: a year's 3,000 lines, payments and spending entries were read and added up in memory (7 commands,");
        md.AppendLine("  2.2 MB allocated a request). Each request is now read with its four sums, added up by the database (4 commands, 0.9 MB; docs/adr/0015).");
        md.AppendLine("- A coordinator's territory page read its 770 structures whole and COMETE's full programme (32 shows with guests and running");
        md.AppendLine("  orders) to show six lines of it (7 commands, 1.8 MB): now the five listed columns, and a glimpse of COMETE in two queries of three columns (4, 1.1 MB). Its");
        md.AppendLine("  770-row table is what remains: it is the bench's network, fifty times the Région's.");
        md.AppendLine("- COMETE: 32 cards rendered as partials (a view lookup and a ViewData each) and running orders read but never shown: cards");
        md.AppendLine("  written inline, running orders left to the API (5 → 4 commands, 0.77 → 0.55 MB).");
        md.AppendLine("- Meetings: the list's summaries come from a projection of the kept counts (never agenda or minutes): the ten-year API went");
        md.AppendLine("  from 0.36 to 0.28 MB a request. The page's other queries (cadence, governance mode, overdue actions) are small.");
        md.AppendLine("- Directory: its cost is SQLite's `LIKE` scans over 10,000 rows, not allocations; the count (a second scan) now runs only");
        md.AppendLine("  when the page is full. A full-text index, or the directory in memory under a stamp as the reception guide does, is the next step.");
        md.AppendLine("- Indicators rollup and ma boîte were profiled, not changed: the rollup reads kept totals (6 small commands; where its 0.8 MB go");
        md.AppendLine("  was not broken down); ma boîte's files page is another change's (uploads) and already reads its folder under a stamp.");
        md.AppendLine("- Not tried: compiled queries (EF Core caches each query's compilation; the profile pointed at rows read and rendering) and");
        md.AppendLine("  totals kept on the budget requests (a migration per provider and every write path): the next levers if the quiet run misses a target.");
        md.AppendLine();
        md.AppendLine("Second pass (2026-12-08), on the two pages still over target. A sampled profile of the host under load (`dotnet-trace`, thread");
        md.AppendLine("time, counting the samples in native code too: SQLite runs there, and a CPU-only view hides it) rather than allocations:");
        md.AppendLine();
        md.AppendLine("- Directory page: 40 % of its time was `ListNetworks`, which groups the whole directory (10,000 structures) to count each");
        md.AppendLine("  network's structures, for a search form that shows only the networks' names. The form (and a structure's form) now asks");
        md.AppendLine("  `ListNetworkChoices`, one small query on the networks the Région added: 3.8 → 2.8 commands, 394 → 348 KB a request; the");
        md.AppendLine("  host's processor time a request, measured alternately on both builds, 9.7 → 4.8 ms (`q=tours`) and 6.5 → 3.3 ms (`type=Cio`).");
        md.AppendLine("  What is left is the API's own search (its `LIKE` scans), which meets its targets.");
        md.AppendLine("- COMETE page: the programme's handler is 70 % of the request (rendering 12 %, authentication and the antiforgery token of");
        md.AppendLine("  the layout's sign-out form about 7 %). In it, the guests read apart (a query binding every listed show's id, 40 parameters");
        md.AppendLine("  once padded, prepared each time) took 30 %, the list of years (distinct years of the past shows, ~520 rows read) 21 %, the");
        md.AppendLine("  two lists of shows most of the rest. Guests are now joined to the shows' queries: 4 → 3 commands, allocations unchanged");
        md.AppendLine("  (540 → 547 KB), processor time 4.3 → 4.0 ms a request in the quietest alternated pair: within this machine's noise.");
        md.AppendLine("- Looked at and not the cause (a few per cent of the samples each): the layout, tag helpers, localisation, date formatting, the");
        md.AppendLine("  output-cache middleware (a signed-in request is never looked up). The COMETE page renders no Markdown.");
        md.AppendLine("- Left for COMETE at 32 clients, which needs the page about twice as cheap: the years from an index holding the state");
        md.AppendLine("  (`TerritoryId, Date, State`: the same scan from the index alone took 0.14 ms, 0.29 with the rows; a migration per provider), then the");
        md.AppendLine("  page's programme in memory under a stamp, as the reception guide does (one small query instead of three; every write to a");
        md.AppendLine("  show, its guests or its replay, the replays' `ExecuteUpdate` included, must change the stamp in its transaction).");
        md.AppendLine("- The before → after figures of this pass come from runs alternating both builds on a machine busy with other builds (load");
        md.AppendLine("  average 25–36 on 2 cores): latencies moved as much on pages this pass does not touch, so only the directory page's are quoted");
        md.AppendLine("  (p50 at 1 client 89.5 → 24.9 ms, p95 at 8 clients 339 → 197 ms). The tables come from the last quiet run.");
        return md.ToString();
    }

    /// <summary>A client per account and kind: a session cookie from the sign-in form, or a bearer token.</summary>
    private static async Task<Dictionary<(string, bool), HttpClient>> SignInAllAsync(string url)
    {
        var clients = new Dictionary<(string, bool), HttpClient>();
        foreach (var key in Targets.Select(t => (t.Account, t.Cookie)).Distinct())
            clients[key] = key.Cookie ? await CookieAsync(url, key.Account) : await ReceptionGuide.SignInAsync(url, key.Account);
        return clients;
    }

    /// <summary>
    /// Signs in through the form as a browser does. In Production the platform's cookies are HTTPS-only: the loopback is a
    /// trusted proxy, so the requests say they came over HTTPS, and the cookies are kept by hand (the handler's own container
    /// keeps them for https only). Every answer's cookies are kept, as a browser does: the session cookie renewed after its
    /// minute's check of the account replaces the old one (sending the first one for ever would check the account each time).
    /// </summary>
    private static async Task<HttpClient> CookieAsync(string url, string email)
    {
        var keeper = new CookieKeeper(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false, AllowAutoRedirect = false });
        var http = new HttpClient(keeper) { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var form = await http.GetAsync("/compte/connexion");
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var answer = await http.PostAsync("/compte/connexion",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));
        if (answer.StatusCode != HttpStatusCode.Redirect || !keeper.Has("sprohub"))
            throw new InvalidOperationException($"Connexion de {email} refusée ({(int)answer.StatusCode}).");
        return http;
    }

    /// <summary>Sends the cookies last received and keeps those of every answer.</summary>
    private sealed class CookieKeeper(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _cookies = new();

        public bool Has(string name) => _cookies.ContainsKey(name);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!_cookies.IsEmpty) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';', 2)[0].Split('=', 2);
                if (pair.Length == 2) _cookies[pair[0]] = pair[1];
            }
            return response;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>
    /// Bytes the host allocated while <paramref name="work"/> ran, from the runtime's alloc-rate counter (one value a second,
    /// read through EventPipe): a second before and after is included, so the host's idle allocations add a little.
    /// </summary>
    private static async Task<double> AllocatedDuringAsync(int processId, Func<Task> work)
    {
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, (long)EventKeywords.None,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
        using var session = client.StartEventPipeSession([provider], requestRundown: false);
        var samples = new List<(DateTime At, double Bytes)>();
        var reading = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            source.Dynamic.All += e =>
            {
                if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer || outer["Payload"] is not IDictionary<string, object> payload) return;
                if ((string)payload["Name"] == "alloc-rate") lock (samples) samples.Add((DateTime.UtcNow, Convert.ToDouble(payload["Increment"], CultureInfo.InvariantCulture)));
            };
            source.Process();
        });
        await Task.Delay(1500);
        var from = DateTime.UtcNow;
        await work();
        await Task.Delay(1100);
        await session.StopAsync(CancellationToken.None);
        await reading;
        lock (samples) return samples.Where(s => s.At > from).Sum(s => s.Bytes);
    }

    /// <summary>The log is written asynchronously, later on a busy machine: a count is read once it has not moved for a second.</summary>
    private static async Task<int> SettledAsync(Func<int> count)
    {
        var last = count();
        while (true)
        {
            await Task.Delay(1000);
            var now = count();
            if (now == last) return now;
            last = now;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(folder.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}

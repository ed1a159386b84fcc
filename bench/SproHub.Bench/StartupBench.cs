using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SproHub.Bench;

/// <summary>
/// Start-up to the first 200 of <c>/health</c>, from outside (process launched to answer received): the bare app, then the
/// published platform with 0, 2 and 5 plugins (each a plugins folder of its own, <c>Plugins:Path</c>), alternated run by run
/// so that the machine's other work falls on all of them alike. Inside, the platform's own timeline (logged under
/// <c>SproHub.Startup</c> at the first 200) says where the time went.
/// </summary>
internal static partial class StartupBench
{
    public const int Runs = 7;
    private static readonly string[] Two = ["comete", "mode-emploi"];

    public sealed record Variant(string Name, int Plugins, List<double> Times, List<double> Cpu, Dictionary<string, List<double>> Phases)
    {
        public double Median => Median(Times);
    }

    public sealed record Result(Variant Bare, IReadOnlyList<Variant> Hub);

    public static async Task<Result> RunAsync(string publish, IReadOnlyDictionary<string, string> hostEnv, string bareApp, string work)
    {
        var published = Path.Combine(publish, "plugins");
        var all = Directory.GetDirectories(published).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        var variants = new List<(Variant Variant, string Folder)>();
        foreach (var (name, ids) in new[] { ("SPRO Hub, core only", Array.Empty<string>()), ("SPRO Hub, COMETE and mode d'emploi", Two), ("SPRO Hub, every plugin", all) })
        {
            var folder = Path.Combine(work, $"plugins-{ids.Length}");
            Directory.CreateDirectory(folder);
            foreach (var id in ids) Copy(Path.Combine(published, id), Path.Combine(folder, id));
            variants.Add((new Variant(name, ids.Length, [], [], []), folder));
        }
        var bare = new Variant("Bare ASP.NET Core app", 0, [], [], []);

        Console.WriteLine($"Démarrage : {Runs} tours (application nue, 0, {Two.Length} et {all.Length} plugins)…");
        for (var run = 0; run < Runs; run++)
        {
            await using (var server = await Server.StartAsync(bareApp, new Dictionary<string, string>()))
            {
                bare.Times.Add(server.StartupMs);
                bare.Cpu.Add(server.CpuMilliseconds());
            }
            foreach (var (variant, folder) in variants)
            {
                var env = new Dictionary<string, string>(hostEnv) { ["Plugins__Path"] = folder, ["Logging__LogLevel__SproHub.Startup"] = "Information" };
                var timeline = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                await using var server = await Server.StartAsync(Path.Combine(publish, "SproHub.Host.dll"), env,
                    line => { if (line.Contains("Premier 200 de /health", StringComparison.Ordinal)) timeline.TrySetResult(line); });
                variant.Times.Add(server.StartupMs);
                variant.Cpu.Add(server.CpuMilliseconds());
                // The console logger writes from its own thread: the line follows the answer by a few milliseconds.
                if (await Task.WhenAny(timeline.Task, Task.Delay(TimeSpan.FromSeconds(5))) == timeline.Task)
                    foreach (var (phase, ms) in Phases(timeline.Task.Result))
                    {
                        if (!variant.Phases.TryGetValue(phase, out var times)) variant.Phases[phase] = times = [];
                        times.Add(ms);
                    }
            }
        }
        return new Result(bare, variants.Select(v => v.Variant).ToList());
    }

    /// <summary>"Premier 200 de /health à 612 ms du lancement ; configuration : 40 ms ; …" → (phase, ms) pairs.</summary>
    public static IEnumerable<(string Phase, double Ms)> Phases(string line)
    {
        var at = line.IndexOf("Premier 200 de /health", StringComparison.Ordinal);
        var parts = line[at..].Split(" ; ");
        if (FirstAnswer().Match(parts[0]) is { Success: true } first) yield return ("premier 200 de /health, depuis le lancement", double.Parse(first.Groups[1].Value, CultureInfo.InvariantCulture));
        foreach (var part in parts.Skip(1))
        {
            var split = part.LastIndexOf(" : ", StringComparison.Ordinal);
            // "… : 12 ms", or a count: "méthodes compilées par le JIT : 1234 méthodes".
            if (split < 0 || !double.TryParse(part[(split + 3)..].Replace(" ms", "").Replace(" méthodes", ""), CultureInfo.InvariantCulture, out var ms)) continue;
            yield return (part[..split], ms);
        }
    }

    public static string Report(Result r)
    {
        string F(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture);
        string Ok(bool pass) => pass ? "✅" : "❌";
        var bare = r.Bare.Median;
        var core = r.Hub[0];
        var every = r.Hub[^1];
        var md = new StringBuilder();
        md.AppendLine("## Start-up to the first 200 of `/health` (targets: under 0.7 s and under 3× the bare app with every plugin, under 40 ms a plugin)");
        md.AppendLine();
        md.AppendLine($"The published platform (`dotnet SproHub.Host.dll`, ReadyToRun, Production, SQLite already migrated) launched by the bench and");
        md.AppendLine($"polled every 5 ms until `/health` answers 200, against a bare ASP.NET Core app answering `/health`; {Runs} rounds, each round");
        md.AppendLine("running the four one after the other (alternated), medians. Each platform row has a plugins folder of its own (`Plugins:Path`).");
        md.AppendLine("Processor time is the host's user and system time at that moment, all threads (a better guide than wall time when the");
        md.AppendLine("machine is busy with other work).");
        md.AppendLine();
        md.AppendLine("| App | Plugins | Median | Ratio to bare | Cost a plugin (vs core only) | Processor time | Runs (ms) |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        md.AppendLine($"| {r.Bare.Name} | | {F(bare)} ms | 1.00× | | {F(Median(r.Bare.Cpu))} ms | {string.Join(", ", r.Bare.Times.Select(F))} |");
        foreach (var v in r.Hub)
        {
            var perPlugin = v.Plugins == 0 ? "" : $"{F((v.Median - core.Median) / v.Plugins)} ms";
            md.AppendLine($"| {v.Name} | {v.Plugins} | {F(v.Median)} ms | {v.Median / bare:F2}× | {perPlugin} | {F(Median(v.Cpu))} ms | {string.Join(", ", v.Times.Select(F))} |");
        }
        md.AppendLine();
        var perPluginAll = every.Plugins == 0 ? 0 : (every.Median - core.Median) / every.Plugins;
        md.AppendLine($"Every plugin: {F(every.Median)} ms, {every.Median / bare:F2}× the bare app — under 0.7 s {Ok(every.Median < 700)}, under 3× {Ok(every.Median / bare < 3)}, " +
                      $"{F(perPluginAll)} ms a plugin {Ok(perPluginAll < 40)}.");
        md.AppendLine();
        md.AppendLine("Inside (medians of the platform's own timeline, `SproHub.Startup` at Information): each phase in order; \"dont\" lines");
        md.AppendLine("detail the phase above them; the database is prepared beside the server once it listens, and requests wait for it.");
        md.AppendLine();
        md.AppendLine($"| Phase | {string.Join(" | ", r.Hub.Select(v => $"{v.Plugins} plugins"))} |");
        md.AppendLine($"|---|{string.Concat(r.Hub.Select(_ => "---|"))}");
        // In the order of the run with every plugin (its plugins' lines under their phases), then any the others alone had.
        var phases = r.Hub.Reverse().SelectMany(v => v.Phases.Keys).Distinct().ToList();
        foreach (var phase in phases)
        {
            var unit = phase.StartsWith("méthodes", StringComparison.Ordinal) ? "" : " ms";
            md.AppendLine($"| {(phase.StartsWith("dont ", StringComparison.Ordinal) ? "&nbsp;&nbsp;" : "")}{phase} | {string.Join(" | ", r.Hub.Select(v => v.Phases.TryGetValue(phase, out var ms) ? $"{F(Median(ms))}{unit}" : ""))} |");
        }
        md.AppendLine();
        md.Append(WhatWasTried);
        return md.ToString();
    }

    /// <summary>The levers measured on the way (docs/adr/0014), before the figures above.</summary>
    private const string WhatWasTried = """
        What was measured and tried (2026-12-07, on this 2-core machine while two or three other builds and benchmarks ran: load
        average 15 to 35, so every figure of those steps is 3 to 5 times what a quiet machine gives; the ratios held. The table
        above was measured afterwards, the machine otherwise idle):

        - Before: the first 200 came after about 6.2 s under that load (median of 5, 5 plugins), the bare app's 0.6 s. A sampled
          trace (`dotnet-trace`) and the timeline put the time in: building every endpoint twice (about 60 %: the authorization
          middleware's policy cache enumerates every endpoint while the pipeline is built, then the router builds its own
          copy on the first request, and each build of a minimal-API route compiles expression trees through
          `RequestDelegateFactory`), EF Core's first use on the way to `/health` (the data-protection key ring through
          `PersistKeysToDbContext`, 0.5 s of that run), Razor Pages' page models (all built when the pages are mapped), the first
          plugin's loader (McMaster reads its runtimeconfig.json with reflection-based System.Text.Json, paid once), and the
          runtime and configuration.
        - Endpoints built once (each data source of the application wrapped so both readers share one build): 6.2 → 4.2 s, the
          first request to `/health` 1.7 → 0.3 s.
        - The data-protection keys read and written with a plain connection (same table, same migrations): their step of the
          database's preparation 0.51 → 0.12 s. EF Core is no longer on the way to `/health`: its models are built by the warm-up,
          a second after the database is ready.
        - Request delegates generated at compile time (`EnableRequestDelegateGenerator`, host, core modules, every plugin):
          the server's start 1.96 → 1.06 s, total 3.9 → 3.3 s (alternated, same run). What remains in that phase is System.Text.Json
          describing each route's request and answer types, by reflection.
        - Tried without a measurable gain under that load (5 alternated rounds, load average 40): the plugins' runtimeconfig.json
          removed (McMaster then skips reading it; the first plugin still paid 0.46–0.54 s, its loader's own start), and tiered
          PGO off (`DOTNET_TieredPGO=0`, 8.0 against 8.5 s, within the noise). Neither was kept.
        - Not done: EF Core compiled models — EF Core is off the path to the first answer (the warm-up builds the models in the
          background after it), so they would not move this figure and would add a regeneration step per provider. System.Text.Json
          source generation for every answer type of every module: a large change for a few tens of milliseconds.

        Second pass (2026-12-08, same machine, load average 20 to 40 from other builds and tests: wall times there are 5 to 8 times
        a quiet machine's and unusable; processor time and the JIT's counts are what compare. Before and after alternated in one
        run, 5 rounds, 5 plugins, medians; `docs/adr/0017`):

        - The timeline now ends with the methods the JIT compiled and its time (`JitInfo`, all threads; per phase at Debug). Before:
          about 4,200 methods with five plugins (2,900 with none), 2,300 of them in the server's start; the JIT's time was about
          half of the start-up's processor time.
        - Where they came from (`DOTNET_JitStdOutFile` and `DOTNET_JitDisasmSummary=1` list each method): every method of a
          plugin that ran at start-up, and 474 methods of the plugins' generated request delegates, although the plugins are
          published ReadyToRun. Crossgen references only what a publish carries: what the host provides (Shared, MediatR,
          EF Core, FluentValidation) was unknown to it, so each method touching those types was skipped. Now given to crossgen as
          references only (`build/Plugin.props`): 4,200 → 3,760 methods compiled at start-up, 474 → 10 in generated delegates,
          none in the plugins' own code; processor time 1,570 → 1,500 ms; the plugins' images grow (COMETE 0.6 → 1.2 MB).
        - The first request's path warmed while the database is prepared (one `/health/live` request through the pipeline in
          process, never counted as the first answer; `/health` still waits for the database) and `/health` written without
          reflection: the request to `/health` 915 → 540–620 ms under that load, processor time 1,500 → 1,430 ms.
        - Plugins loaded side by side: module discovery 816 → 632 ms, the same processor time (1,430 → 1,420 ms).
        - A plugin's cost, from the same runs and 3 alternated rounds with no plugin (2,650 methods and 1,050–1,060 ms of
          processor time, before and after alike): 310 → 222 methods compiled by the JIT a plugin, 102 → 74 ms of processor time a
          plugin under that load.
        - Tiered PGO off again (`DOTNET_TieredPGO=0`, 4 alternated rounds): the JIT's time 1,700 → 1,450 ms but the same
          processor time (1,210 against 1,205 ms); not kept, since it also gives up the profile-guided code of the steady state.
        - What remains JIT-compiled is mostly System.Text.Json's generic code over each value type and enum of the routes'
          request types (`EnumConverter<T>`, `JsonPropertyInfo<T>`: about 60 methods an enum, 1,700 methods in all), instantiated
          across the version bubble. Not done: a `JsonSerializerContext` per module instantiates the same generics (it would only
          spare the reflection-emitted accessors), and a composite image with the framework needs a self-contained publish and
          would not reach the plugins, which are compiled apart.

        """;

    private static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [GeneratedRegex(@"à (\d+) ms du lancement")]
    private static partial Regex FirstAnswer();
}

// SproHub build: dotnet tool restore, then dotnet cake --target=<Build|Test|Run|Publish|Bench>.
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./SproHub.slnx";
var artifacts = MakeAbsolute(Directory("./artifacts"));
var results = artifacts.Combine("test-results");
// Publish is ReadyToRun for this runtime: a third of the start-up is JIT otherwise (docs/benchmarks.md).
var runtime = Argument("runtime", "linux-x64");

Task("Clean").Does(() =>
{
    CleanDirectories("./**/bin/" + configuration);
    CleanDirectory(results);
});

Task("Build").Does(() =>
{
    // Building the solution also builds every plugin into ./plugins/<id> (the host's default plugins folder).
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(results);
    // Each run is one test project on one database. Two run side by side: a run keeps about one core busy (its tests
    // share one platform and reset its database in turn), and every run pays its own start; on two cores this halves the wait.
    var runs = new List<(FilePath Project, string Folder, string Postgres)>();
    // Every test project on the embedded SQLite database; the browser journeys included.
    // (SPRO_TEST_POSTGRES is cleared for them: CI exports it, and a child process would inherit it.)
    foreach (var project in GetFiles("./tests/*/*.Tests.csproj").Concat(GetFiles("./tests/EndToEnd/*.csproj")))
        runs.Add((project, "sqlite/" + project.GetFilenameWithoutExtension(), ""));
    // The same integration suites again on PostgreSQL when a server is given (CI starts one); each factory makes its own database.
    var postgres = EnvironmentVariable("SPRO_TEST_POSTGRES");
    if (!string.IsNullOrWhiteSpace(postgres))
    {
        // Every suite that goes through the database, each plugin's included; not the architecture rules nor the
        // developer's guide (it runs the platform as a newcomer would, on SQLite).
        foreach (var project in GetFiles("./tests/*/*.Tests.csproj").Where(p => !new[] { "Architecture.Tests", "PluginKit.Tests" }.Contains(p.GetFilenameWithoutExtension().ToString())))
            runs.Add((project, "postgres/" + project.GetFilenameWithoutExtension(), postgres));
    }
    else
    {
        Information("SPRO_TEST_POSTGRES absent : suites PostgreSQL non lancées.");
    }

    // The longest runs first (the developer's guide builds and publishes a plugin; the host's suite crawls every page and
    // starts several hosts; the journeys drive a browser), so that the last ones to start are short and both workers end
    // together. The table printed at the end says when this order should change.
    var longest = new[] { "PluginKit.Tests", "Host.Tests", "EndToEnd", "MaBoite.Tests" };
    // --test-only=Host.Tests,EndToEnd runs only those projects (on each database), e.g. to time one suite again.
    var only = Argument("test-only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    if (only.Length > 0) runs = runs.Where(r => only.Contains(r.Project.GetFilenameWithoutExtension().ToString())).ToList();
    var ordered = runs.OrderBy(r => Array.IndexOf(longest, r.Project.GetFilenameWithoutExtension().ToString()) is var i && i >= 0 ? i : longest.Length).ToList();
    var failures = 0;
    var workers = Argument("test-workers", Math.Min(2, Environment.ProcessorCount));
    var durations = new System.Collections.Concurrent.ConcurrentBag<(string Folder, TimeSpan Elapsed, bool Ok)>();
    var watchAll = System.Diagnostics.Stopwatch.StartNew();
    // One run at a time from the list, in its order (a plain list would be cut into one block per worker).
    System.Threading.Tasks.Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(ordered, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = workers }, run =>
    {
        // The built test assembly rather than its project: `dotnet test <project> --no-build` evaluates the project with MSBuild
        // first, seconds per run that the assembly alone does not cost (docs/benchmarks.md, test suite).
        var name = run.Project.GetFilenameWithoutExtension().ToString();
        var assembly = GetFiles($"{run.Project.GetDirectory().FullPath}/bin/{configuration}/*/{name}.dll").FirstOrDefault();
        var settings = new DotNetTestSettings
        {
            ResultsDirectory = results.Combine(run.Folder),
            Loggers = new[] { "trx", "console;verbosity=minimal" },
            EnvironmentVariables = new Dictionary<string, string> { ["SPRO_TEST_POSTGRES"] = run.Postgres },
            // Each user journey runs once in a browser (on SQLite); the PostgreSQL pass covers the endpoints and rules.
            Filter = run.Postgres == "" ? null : "FullyQualifiedName!~JourneyTests",
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ok = true;
        try { DotNetTest(assembly?.FullPath ?? throw new Exception($"{name}.dll introuvable dans bin/{configuration} : projet non construit ?"), settings); }
        catch (Exception ex) { ok = false; System.Threading.Interlocked.Increment(ref failures); Warning($"{run.Folder} : {ex.Message}"); }
        durations.Add((run.Folder, watch.Elapsed, ok));
    });
    watchAll.Stop();

    // Each run's time, the longest first, so that the next slow suite shows (and the order above can follow it).
    Information("");
    Information($"{"Suite",-42} {"Durée",8}");
    foreach (var (folder, elapsed, ok) in durations.OrderByDescending(d => d.Elapsed))
        Information($"{folder,-42} {elapsed,8:m\\:ss}{(ok ? "" : "  échec")}");
    Information($"{"Total (" + workers + " en parallèle)",-42} {watchAll.Elapsed,8:m\\:ss}");

    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles(results.FullPath + "/**/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        passed += int.Parse(counters.Attribute("passed").Value);
        failed += int.Parse(counters.Attribute("failed").Value) + int.Parse(counters.Attribute("error").Value) + int.Parse(counters.Attribute("timeout").Value) + int.Parse(counters.Attribute("aborted").Value);
        skipped += int.Parse(counters.Attribute("notExecuted").Value);
    }
    Information($"{passed} passed, {failed} failed, {skipped} skipped");
    if (failed > 0 || failures > 0 || passed == 0) throw new Exception($"Tests en échec ({failed} tests, {failures} projets).");
});

Task("Run").Does(() =>
{
    DotNetRun("./Host/SproHub.Host/SproHub.Host.csproj", new DotNetRunSettings { Configuration = "Debug" });
});

Task("Publish")
    .IsDependentOn("Build")
    .Does(() =>
{
    var output = artifacts.Combine("publish");
    CleanDirectory(output);
    DotNetPublishSettings Settings(DirectoryPath to) => new DotNetPublishSettings
    {
        Configuration = configuration, OutputDirectory = to, Runtime = runtime, SelfContained = false, PublishReadyToRun = true,
    };
    DotNetPublish("./Host/SproHub.Host/SproHub.Host.csproj", Settings(output));
    // Each plugin goes into publish/plugins/<id>, found there by the host (a plugins folder beside it).
    foreach (var plugin in GetFiles("./Plugins/*/*/*.csproj"))
    {
        var id = XDocument.Load(plugin.FullPath).Descendants("SproPluginId").First().Value;
        DotNetPublish(plugin.FullPath, Settings(output.Combine("plugins/" + id)));
    }
    Information($"Plateforme publiée dans {output} : dotnet SproHub.Host.dll");
});

Task("Bench")
    .IsDependentOn("Publish")
    .Does(() =>
{
    DotNetRun("./bench/SproHub.Bench/SproHub.Bench.csproj", new DotNetRunSettings
    {
        Configuration = "Release",
        ArgumentCustomization = args => args.Append("--").AppendQuoted(artifacts.Combine("publish").FullPath).AppendQuoted(MakeAbsolute(File("./docs/benchmarks.md")).FullPath)
            .AppendQuoted(MakeAbsolute(File($"./bench/BareApp/bin/{configuration}/net10.0/BareApp.dll")).FullPath)
            .Append(Argument("only", "")), // --only=startup (or ma-boite, outbox) measures that section alone

    });
});

RunTarget(target);

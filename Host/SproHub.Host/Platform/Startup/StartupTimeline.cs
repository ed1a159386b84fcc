using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace SproHub.Host.Platform.Startup;

/// <summary>
/// Where start-up time goes: each phase's duration, then the moment the first 200 of <c>/health</c> was sent, counted
/// from the process's own start (the runtime's included), logged once under <see cref="Category"/> at Information.
/// The benchmark reads that line from outside (docs/benchmarks.md, start-up); an operator reads it to see what a plugin costs.
/// </summary>
public sealed class StartupTimeline
{
    public const string Category = "SproHub.Startup";

    private readonly long _created = Stopwatch.GetTimestamp();
    private readonly double _runtimeMs = SinceProcessStart();
    private readonly ConcurrentQueue<(string Phase, double Ms)> _phases = new();
    // What the JIT did in each sequential phase (methods, milliseconds): logged at Debug beside the timeline.
    private readonly ConcurrentQueue<(string Phase, long Methods, double Ms)> _jit = new();
    private long _jitMethods;
    private long _jitTicks;
    private long _last;
    private int _reported;

    public StartupTimeline()
    {
        _last = _created;
        _phases.Enqueue(("exécution .NET jusqu'au programme", _runtimeMs));
    }

    /// <summary>Milliseconds since the process started (its start time has a 10 ms grain on Linux).</summary>
    public double Now => _runtimeMs + Stopwatch.GetElapsedTime(_created).TotalMilliseconds;

    public bool Reported => Volatile.Read(ref _reported) == 1;

    /// <summary>Ends a phase of the sequential start (configuration, modules, services, pipeline...).</summary>
    public void Phase(string name)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Exchange(ref _last, now);
        _phases.Enqueue((name, Stopwatch.GetElapsedTime(last, now).TotalMilliseconds));
        var methods = JitInfo.GetCompiledMethodCount();
        var ticks = JitInfo.GetCompilationTime().Ticks;
        _jit.Enqueue((name, methods - Interlocked.Exchange(ref _jitMethods, methods), TimeSpan.FromTicks(ticks - Interlocked.Exchange(ref _jitTicks, ticks)).TotalMilliseconds));
    }

    /// <summary>A phase measured apart (one plugin's loading, the database's preparation, which runs beside the server).</summary>
    public void Record(string name, double milliseconds) => _phases.Enqueue((name, milliseconds));

    /// <summary>Logs the timeline once: the first answer 200 to /health, and what came before it.</summary>
    public void Report(ILogger logger, double requestMs)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 1) return;
        var at = Now;
        // Methods compiled at run time (not precompiled by ReadyToRun, or generic over types of another assembly) and the
        // time spent on them, all threads: counts are free of the machine's noise, unlike durations.
        var parts = _phases.Select(p => $"{p.Phase} : {F(p.Ms)} ms")
            .Append($"requête /health : {F(requestMs)} ms")
            .Append($"méthodes compilées par le JIT : {JitInfo.GetCompiledMethodCount()} méthodes")
            .Append($"temps de JIT, tous fils : {F(JitInfo.GetCompilationTime().TotalMilliseconds)} ms");
        logger.LogInformation("Premier 200 de /health à {At} ms du lancement ; {Phases}", Math.Round(at), string.Join(" ; ", parts));
        logger.LogDebug("JIT par phase : {Phases}", string.Join(" ; ", _jit.Select(j => $"{j.Phase} : {j.Methods} méthodes, {F(j.Ms)} ms")));
    }

    private static string F(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture);

    private static double SinceProcessStart()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return Math.Max(0, (DateTime.Now - process.StartTime).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }
}

/// <summary>First in the pipeline until the first 200 of /health, then one test per request.</summary>
public sealed class StartupTimelineMiddleware(RequestDelegate next, StartupTimeline timeline, ILoggerFactory loggers)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (timeline.Reported)
        {
            await next(http);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status200OK && http.Request.Path.StartsWithSegments("/health"))
            timeline.Report(loggers.CreateLogger(StartupTimeline.Category), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

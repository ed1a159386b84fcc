using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace SproHub.Bench;

/// <summary>
/// Where a host's resident memory is, read from outside the process: its mappings (<c>/proc/&lt;pid&gt;/smaps</c>) grouped by
/// what backs them, and the GC's committed bytes and heap size from the runtime's counters (EventPipe).
/// </summary>
/// <param name="Assemblies">Resident pages of the mapped .dll files (ReadyToRun code and metadata).</param>
/// <param name="NativeLibraries">Resident pages of the mapped .so files (the runtime, the JIT, SQLite, ICU, OpenSSL...).</param>
/// <param name="Executable">The runtime's double-mapped executable memory (<c>/memfd:doublemapper</c>): JIT'd code, stubs, loader heaps.</param>
/// <param name="Anonymous">Anonymous memory (the GC's heap, native allocations, thread stacks).</param>
/// <param name="GcCommitted">Of the anonymous memory, what the GC has committed (counter <c>gc-committed</c>).</param>
/// <param name="GcHeap">Of that, what live and not yet collected objects fill (counter <c>gc-heap-size</c>).</param>
internal sealed partial record MemoryBreakdown(double Total, double Assemblies, double NativeLibraries, double Executable, double Anonymous, double GcCommitted, double GcHeap)
{
    /// <summary>Anonymous memory outside the GC's: malloc (SQLite's page caches, ICU, OpenSSL, the runtime's own), stacks.</summary>
    public double NativeHeap => Math.Max(0, Anonymous - GcCommitted);

    public static async Task<MemoryBreakdown> ReadAsync(int processId)
    {
        // The mappings first: the counters' session allocates a little in the host.
        double total = 0, assemblies = 0, native = 0, executable = 0, anonymous = 0;
        var kind = "";
        // SPRO_BENCH_SMAPS names a folder that keeps each mapping read, to look at them one by one.
        if (Environment.GetEnvironmentVariable("SPRO_BENCH_SMAPS") is { Length: > 0 } keep)
            File.Copy($"/proc/{processId}/smaps", Path.Combine(keep, $"smaps-{processId}-{DateTime.UtcNow:HHmmss}"), overwrite: true);
        foreach (var line in File.ReadLines($"/proc/{processId}/smaps"))
        {
            if (Mapping().Match(line) is { Success: true } mapping)
            {
                var name = mapping.Groups[1].Value.Trim();
                kind = name.EndsWith(".dll", StringComparison.Ordinal) ? "dll"
                    : name.Contains(".so", StringComparison.Ordinal) ? "so"
                    : name.Contains("doublemapper", StringComparison.Ordinal) ? "exec"
                    : name.Length == 0 || name == "[heap]" ? "anon" : "other";
                continue;
            }
            if (!line.StartsWith("Rss:", StringComparison.Ordinal)) continue;
            var mb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            total += mb;
            switch (kind)
            {
                case "dll": assemblies += mb; break;
                case "so": native += mb; break;
                case "exec": executable += mb; break;
                case "anon": anonymous += mb; break;
            }
        }
        var (committed, heap) = await GcCountersAsync(processId);
        return new MemoryBreakdown(total, assemblies, native, executable, anonymous, committed, heap);
    }

    /// <summary>The first values of <c>gc-committed</c> and <c>gc-heap-size</c> (MB) the runtime publishes.</summary>
    private static async Task<(double Committed, double Heap)> GcCountersAsync(int processId)
    {
        double committed = double.NaN, heap = double.NaN;
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, (long)EventKeywords.None,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
        using var session = client.StartEventPipeSession([provider], requestRundown: false);
        var reading = Task.Run(() =>
        {
            using var source = new EventPipeEventSource(session.EventStream);
            source.Dynamic.All += e =>
            {
                if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer || outer["Payload"] is not IDictionary<string, object> payload) return;
                var value = Convert.ToDouble(payload["Mean"], CultureInfo.InvariantCulture);
                switch ((string)payload["Name"])
                {
                    case "gc-committed": if (double.IsNaN(committed)) committed = value; break;
                    case "gc-heap-size": if (double.IsNaN(heap)) heap = value; break;
                }
            };
            source.Process();
        });
        for (var waited = 0; waited < 50 && (double.IsNaN(committed) || double.IsNaN(heap)); waited++) await Task.Delay(100);
        await session.StopAsync(CancellationToken.None);
        await reading;
        return (committed, heap);
    }

    public string Row(string when) =>
        $"| {when} | {Total:F0} MB | {GcCommitted:F0} MB ({GcHeap:F0} MB of objects) | {NativeHeap:F0} MB | {Assemblies:F0} MB | {NativeLibraries:F0} MB | {Executable:F0} MB |";

    public const string Header = "| When | RSS | GC heap, committed | Native heap and stacks | .dll images | .so libraries | JIT'd code and stubs |\n|---|---|---|---|---|---|---|";

    [GeneratedRegex(@"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$")]
    private static partial Regex Mapping();
}

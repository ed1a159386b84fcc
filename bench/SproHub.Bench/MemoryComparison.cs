using System.Text;

namespace SproHub.Bench;

/// <summary>
/// The memory section run for several variants of the host, alternated round by round on the same data, so that a change is
/// judged against its reference on the same busy machine: this build, a reference build (<c>SPRO_BENCH_REFERENCE</c>, another
/// published folder) and variants of environment (<c>SPRO_BENCH_MEMORY_VARIANTS="wks:DOTNET_gcServer=0;conserve:DOTNET_GCConserveMemory=5"</c>).
/// Printed only: the report keeps the single run of this build.
/// </summary>
internal static class MemoryComparison
{
    public sealed record Variant(string Name, string Dll, IReadOnlyDictionary<string, string> Environment);

    public static List<Variant> Variants(string publish, string? reference, string? variants)
    {
        var list = new List<Variant> { new("this", Path.Combine(publish, "SproHub.Host.dll"), new Dictionary<string, string>()) };
        if (!string.IsNullOrEmpty(reference)) list.Insert(0, new("reference", Path.Combine(reference, "SproHub.Host.dll"), new Dictionary<string, string>()));
        foreach (var variant in (variants ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, settings) = variant.IndexOf(':') is var colon and > 0 ? (variant[..colon], variant[(colon + 1)..]) : (variant, "");
            var env = settings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
            list.Add(new(name, Path.Combine(publish, "SproHub.Host.dll"), env));
        }
        return list;
    }

    public static async Task<string> RunAsync(IReadOnlyList<Variant> variants, IReadOnlyDictionary<string, string> hostEnv, int rounds)
    {
        var results = new List<(Variant Variant, int Round, ResidentMemory.Result Result)>();
        for (var round = 1; round <= rounds; round++)
            foreach (var variant in variants)
            {
                var env = new Dictionary<string, string>(hostEnv);
                foreach (var (key, value) in variant.Environment) env[key] = value;
                await using var server = await Server.StartAsync(variant.Dll, env);
                var result = await ResidentMemory.RunAsync(server);
                results.Add((variant, round, result));
                Console.WriteLine($"Tour {round}, {variant.Name} : {result.AfterStart:F0} → {result.AfterLoad:F0} MB (pic {result.Peak:F0}), {result.Seconds:F0} s, {result.Errors} erreurs ({string.Join(", ", result.Failing)})");
            }
        var md = new StringBuilder();
        md.AppendLine("| Variant | Round | After start | After the requests | Highest | Seconds | Errors | GC committed (objects) | Native heap | .dll | .so | JIT'd code |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (variant, round, r) in results.OrderBy(r => variants.ToList().IndexOf(r.Variant)))
        {
            var b = r.LoadBreakdown;
            md.AppendLine($"| {variant.Name} | {round} | {r.AfterStart:F0} | {r.AfterLoad:F0} | {r.Peak:F0} | {r.Seconds:F0} | {r.Errors} | {b.GcCommitted:F0} ({b.GcHeap:F0}) | {b.NativeHeap:F0} | {b.Assemblies:F0} | {b.NativeLibraries:F0} | {b.Executable:F0} |");
        }
        return md.ToString();
    }
}

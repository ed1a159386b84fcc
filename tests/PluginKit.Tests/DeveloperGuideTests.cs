using System.Diagnostics;
using System.Text;
using SproHub.Testing;
using Xunit;
using Xunit.Abstractions;

namespace PluginKit.Tests;

/// <summary>
/// docs/plugins.md followed to the letter on a fresh copy of the repository, as a developer outside the team
/// would: install the template, create a plugin, build and test it, try it, add a migration, publish the platform
/// and the plugin into its plugins folder, start it, enable the plugin in a territory and call its API.
/// </summary>
public sealed class DeveloperGuideTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "sprohub-guide-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _log = new();
    // How long each block took, printed whole at the end: the guide is the suite's longest run, and this says where.
    private readonly List<string> _timings = [];
    private Process? _server;

    [Fact]
    public async Task Every_command_of_the_plugin_guide_works_on_a_fresh_copy_and_ends_with_the_plugin_answering()
    {
        var watch = Stopwatch.StartNew();
        var clone = CopyRepository(Path.Combine(_work, "repo"));
        _timings.Add($"{watch.Elapsed.TotalSeconds,6:0.0} s  copie du dépôt");
        var blocks = GuideScript.Parse(await File.ReadAllTextAsync(Path.Combine(clone, "docs", "plugins.md")));
        Assert.Contains(blocks, b => b.Server is not null);

        var outputs = new List<string>();
        foreach (var block in blocks)
        {
            if (block.Server is null) outputs.Add(await RunAsync(block.Commands, clone));
            else await StartServerAsync(block, clone);
        }

        Assert.True(File.Exists(Path.Combine(clone, "plugins", "ateliers", "SproHub.Plugins.Ateliers.dll")), "le build dépose le plugin dans plugins/");
        Assert.True(Directory.EnumerateFiles(Path.Combine(clone, "Plugins", "Ateliers", "SproHub.Plugins.Ateliers", "Data", "Migrations", "Postgres"), "*_AddVenue.cs").Any());
        Assert.True(File.Exists(Path.Combine(clone, "artifacts", "platform", "plugins", "ateliers", "SproHub.Plugins.Ateliers.dll")));
        // The block that calls the API: the enablement, Cher's notes (just enabled, none), then Orléans' demo notes.
        var calls = Assert.Single(outputs, o => o.Contains("/api/admin/modules/ateliers/territories/cher"));
        var answers = calls.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith('{') || l.StartsWith('[')).ToList();
        Assert.Equal(3, answers.Count);
        Assert.Contains("\"enabled\":true", answers[0]);
        Assert.Equal("[]", answers[1]);
        Assert.Contains("Premier bilan", answers[2]);
    }

    private static string CopyRepository(string to)
    {
        var files = Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], Repository.Root).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files)
        {
            var source = Path.Combine(Repository.Root, file);
            if (!File.Exists(source)) continue; // deleted in the working tree, not yet committed
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        return to;
    }

    private async Task<string> RunAsync(string commands, string directory)
    {
        var watch = Stopwatch.StartNew();
        using var process = Start(commands, directory, out var captured);
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        process.WaitForExit(); // drains the output
        var text = captured.ToString();
        _timings.Add($"{watch.Elapsed.TotalSeconds,6:0.0} s  {Summary(commands)}");
        Assert.True(process.HasExited && process.ExitCode == 0, $"Échec de :\n{commands}\n---\n{Tail(text)}");
        return text;
    }

    private async Task StartServerAsync(GuideBlock block, string directory)
    {
        StopServer();
        var watch = Stopwatch.StartNew();
        _server = Start(block.Commands, directory, out var captured);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_server.HasExited, $"Le serveur s'est arrêté :\n{block.Commands}\n---\n{Tail(captured.ToString())}");
            try
            {
                if ((await http.GetAsync(new Uri(block.Server!, "/health"))).IsSuccessStatusCode)
                {
                    _timings.Add($"{watch.Elapsed.TotalSeconds,6:0.0} s  {Summary(block.Commands)} (jusqu'à /health)");
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        Assert.Fail($"Le serveur ne répond pas sur {block.Server} :\n{Tail(captured.ToString())}");
    }

    /// <summary>bash with errexit, in a clean environment: no PostgreSQL from CI, no MSBuild state from this test run, a home of its own for templates.</summary>
    private Process Start(string commands, string directory, out StringBuilder captured)
    {
        var info = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", commands])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        info.Environment.Remove("SPRO_TEST_POSTGRES");
        info.Environment["DOTNET_CLI_HOME"] = Directory.CreateDirectory(Path.Combine(_work, "home")).FullName;
        // NuGet takes DOTNET_CLI_HOME for the home of its package cache too: without this, every run restored the whole
        // platform from nuget.org into an empty cache. A developer following the guide has theirs warm; so does this copy.
        info.Environment["NUGET_PACKAGES"] = GlobalPackagesFolder;
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        var text = new StringBuilder();
        void Append(string? line) { if (line is null) return; lock (text) text.AppendLine(line); lock (_log) _log.AppendLine(line); }
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        Append($"$ {commands}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        captured = text;
        return process;
    }

    /// <summary>The package cache this test run uses (<c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).</summary>
    private static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Run(string file, string[] arguments, string directory)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    private static string Summary(string commands) => string.Join(" ; ", commands.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Length > 70 ? l[..70] + "…" : l));

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    private void StopServer()
    {
        if (_server is null) return;
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        _server.WaitForExit();
        _server.Dispose();
        _server = null;
    }

    public void Dispose()
    {
        StopServer();
        output.WriteLine("Durée de chaque bloc :\n" + string.Join("\n", _timings));
        output.WriteLine(Tail(_log.ToString()));
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

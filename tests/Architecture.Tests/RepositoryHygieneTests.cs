using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace Architecture.Tests;

/// <summary>
/// Runtime data never enters git: a committed key opens every record it sealed, anywhere the repository was cloned;
/// committed e-mails and stored files are somebody's data. Read from what git tracks, not from the disk.
/// </summary>
public sealed partial class RepositoryHygieneTests
{
    [Fact]
    public void The_repository_tracks_no_key_mail_database_or_stored_file()
    {
        var tracked = TrackedFiles();
        Assert.Contains("README.md", tracked); // the list is real: an empty one would prove nothing

        var runtime = tracked.Where(IsRuntimeData).ToList();

        Assert.True(runtime.Count == 0, "Données d'exécution suivies par git : " + string.Join(", ", runtime.Take(10)));
    }

    [Theory]
    [InlineData("Host/SproHub.Host/data/keys/cellule-handicap.key", true)]
    [InlineData("Host/SproHub.Host/data/mail/20261207-053552-52ae88a5.eml", true)]
    [InlineData("Host/SproHub.Host/data/files/fe/5e/fe5ec373f755475b8d63e26044ca61e5", true)]
    [InlineData("data/sprohub.db", true)]
    [InlineData("tests/Some.Tests/sprohub.db-wal", true)]
    [InlineData("certs/server.pfx", true)]
    [InlineData("Modules/Network/SproHub.Network/Data/NetworkDbContext.cs", false)]
    [InlineData("docs/operations.md", false)]
    public void Runtime_data_is_recognised_wherever_it_sits(string path, bool runtime) =>
        Assert.Equal(runtime, IsRuntimeData(path));

    [Fact]
    public void Git_ignores_every_data_folder()
    {
        // A host run from any folder writes its data/ there: git must not offer it for a commit.
        var ignored = Git("check-ignore", "--no-index", "Host/SproHub.Host/data/keys/x.key", "tests/Host.Tests/data/mail/a.eml", "data/sprohub.db");
        Assert.Equal(3, ignored.Count);
    }

    [Fact]
    public void No_source_folder_is_ignored_where_git_ignores_case()
    {
        // macOS and Windows: a rule for data/ would swallow a module's Data/ folder, and a new migration with it.
        var ignored = Git("-c", "core.ignorecase=true", "check-ignore", "--no-index",
            "Modules/Network/SproHub.Network/Data/Migrations/Sqlite/New.cs", "Host/SproHub.Host/Platform/Data/New.cs");
        Assert.Empty(ignored);
    }

    private static bool IsRuntimeData(string path) => RuntimeData().IsMatch(path);

    // A data/ folder (lowercase: the hosts' runtime folder, not a module's Data/ source folder), keys, certificates,
    // e-mails and SQLite files.
    [GeneratedRegex(@"(^|/)data/|\.(key|pem|pfx|p12|eml|db|db-wal|db-shm|sqlite|sqlite3)$")]
    private static partial Regex RuntimeData();

    private static IReadOnlyList<string> TrackedFiles() => Git("ls-files");

    private static IReadOnlyList<string> Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot() };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, ".git")) && !File.Exists(Path.Combine(folder.FullName, ".git"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Dépôt git introuvable au-dessus des tests.");
    }
}

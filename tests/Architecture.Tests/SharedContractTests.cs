using PublicApiGenerator;
using SproHub.Shared.Modularity;
using SproHub.Testing;
using Xunit;

namespace Architecture.Tests;

/// <summary>
/// The Shared contract follows semantic versioning, checked against its approved public API
/// (<c>Shared/SproHub.Shared/PublicApi.approved.txt</c>): anything removed or changed needs a new major
/// version, anything added a new minor. Approving a change: <c>SPRO_APPROVE_PUBLIC_API=1 dotnet test tests/Architecture.Tests</c>.
/// </summary>
public sealed class SharedContractTests
{
    private const string Header = "// Contrat Shared ";
    private static readonly string ApprovedPath = Repository.PathOf("Shared/SproHub.Shared/PublicApi.approved.txt");

    [Fact]
    public void A_change_of_the_public_API_bumps_the_contract_version_as_semantic_versioning_requires()
    {
        var current = Lines(ApiGenerator.GeneratePublicApi(typeof(SharedContract).Assembly));
        var approvedText = File.ReadAllLines(ApprovedPath);
        var approvedVersion = Version.Parse(approvedText[0][Header.Length..]);
        var approved = approvedText.Skip(1).ToList();

        var removed = approved.Except(current).ToList();
        var added = current.Except(approved).ToList();
        // An empty file is the first approval: nothing to compare with.
        var required = approved.Count == 0 ? approvedVersion : Required(approvedVersion, removed.Count > 0, added.Count > 0);
        Assert.True(SharedContract.Version >= required,
            $"Le contrat Shared a changé depuis la version {approvedVersion} approuvée ; il faut au moins la version {required} " +
            $"(SproSharedContractVersion dans Directory.Build.props).\nRetiré ou modifié :\n{string.Join('\n', removed)}\nAjouté :\n{string.Join('\n', added)}");

        if (removed.Count == 0 && added.Count == 0 && approvedVersion == SharedContract.Version) return;
        if (Environment.GetEnvironmentVariable("SPRO_APPROVE_PUBLIC_API") == "1")
        {
            File.WriteAllLines(ApprovedPath, [Header + SharedContract.Version, .. current]);
            return;
        }
        Assert.Fail($"L'API publique du contrat Shared {SharedContract.Version} n'est pas celle approuvée ({approvedVersion}). " +
            "Si le changement est voulu : SPRO_APPROVE_PUBLIC_API=1 dotnet test tests/Architecture.Tests, puis relisez le diff.");
    }

    [Theory]
    [InlineData("1.2.3", true, false, "2.0.0")]
    [InlineData("1.2.3", true, true, "2.0.0")]
    [InlineData("1.2.3", false, true, "1.3.0")]
    [InlineData("1.2.3", false, false, "1.2.3")]
    public void The_version_a_change_requires(string from, bool removed, bool added, string expected) =>
        Assert.Equal(Version.Parse(expected), Required(Version.Parse(from), removed, added));

    [Theory]
    [InlineData("2.0.0", "2.0.0", true)]
    [InlineData("2.1.0", "2.0.0", true)]
    [InlineData("2.0.0", "2.1.0", false)]
    [InlineData("2.0.0", "1.9.0", false)]
    [InlineData("2.0.0", "3.0.0", false)]
    public void A_platform_accepts_plugins_of_its_major_built_against_no_newer_minor(string platform, string plugin, bool accepted)
    {
        var p = Version.Parse(platform);
        var built = Version.Parse(plugin);
        Assert.Equal(accepted, built.Major == p.Major && built.Minor <= p.Minor);
        if (p == SharedContract.Version) Assert.Equal(accepted, SharedContract.IsCompatible(built));
    }

    private static Version Required(Version approved, bool removed, bool added) =>
        removed ? new Version(approved.Major + 1, 0, 0) : added ? new Version(approved.Major, approved.Minor + 1, 0) : approved;

    private static List<string> Lines(string api) =>
        api.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
}

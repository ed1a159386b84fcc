using SproHub.Testing;
using Xunit;

namespace MaBoite.Tests;

/// <summary>
/// One platform for every test class of this project that needs no special host: started once (migrations and demo
/// data), emptied and seeded again by <see cref="SproHubFactory.ResetAsync"/> before each test (docs/adr/0013).
/// Its classes run one after another; other collections (hosts configured otherwise) run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : ICollectionFixture<SproHubFactory>
{
    public const string Name = "Shared platform";
}

/// <summary>One platform on Kestrel and one chromium for every browser journey of this project (docs/adr/0013).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Shared browser";
}

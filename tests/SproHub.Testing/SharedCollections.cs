using Xunit;

namespace SproHub.Testing;

/// <summary>
/// One platform for every test class of a project that needs no special host: started once (migrations and demo data),
/// emptied and seeded again by <see cref="SproHubFactory.ResetAsync"/> before each test (docs/adr/0013). Its classes run
/// one after another; other collections (hosts configured otherwise) run beside them. xunit finds a collection's
/// definition only in the test assembly itself, so each project declares <c>SharedPlatform</c> deriving from this.
/// </summary>
public abstract class SharedPlatformDefinition : ICollectionFixture<SproHubFactory>
{
    public const string Name = "Shared platform";
}

/// <summary>One platform on Kestrel and one chromium for every browser journey of a project (docs/adr/0013).</summary>
public abstract class SharedBrowserDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Shared browser";
}

using SproHub.Testing;
using Xunit;

namespace EndToEnd;

/// <summary>One platform on Kestrel and one chromium for every browser journey of this project (docs/adr/0013).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Shared browser";
}

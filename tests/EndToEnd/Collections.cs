using SproHub.Testing;
using Xunit;

namespace EndToEnd;

/// <summary>This project's shared browser (<see cref="SharedBrowserDefinition"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : SharedBrowserDefinition;

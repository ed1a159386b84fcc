using SproHub.Testing;
using Xunit;

namespace MaBoite.Tests;

/// <summary>This project's shared platform (<see cref="SharedPlatformDefinition"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : SharedPlatformDefinition;

/// <summary>This project's shared browser (<see cref="SharedBrowserDefinition"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : SharedBrowserDefinition;

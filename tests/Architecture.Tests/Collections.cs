using SproHub.Testing;
using Xunit;

namespace Architecture.Tests;

/// <summary>This project's shared platform (<see cref="SharedPlatformDefinition"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : SharedPlatformDefinition;

using SproHub.Testing;
using Xunit;

namespace Governance.Tests;

/// <summary>This project's shared platform (<see cref="SharedPlatformDefinition"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : SharedPlatformDefinition;

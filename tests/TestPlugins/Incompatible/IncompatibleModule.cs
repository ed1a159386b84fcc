using SproHub.Shared.Modularity;

namespace TestPlugins.Incompatible;

/// <summary>Built against the next major version of the Shared contract (see FutureShared).</summary>
public sealed class IncompatibleModule : IModule;

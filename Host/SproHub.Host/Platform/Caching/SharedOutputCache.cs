using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SproHub.Host.Platform.Caching;

/// <summary>
/// Each host keeps its own output cache (COMETE's programme, the directory); a module that changes what a cached page
/// shows evicts its tag. This store passes every eviction on to the other hosts (<see cref="CacheInvalidationBus"/>),
/// so that an anonymous reader of any host sees a change at once, not when the copy expires. Modules need not know.
/// </summary>
public sealed class SharedOutputCacheStore(IOutputCacheStore local, CacheInvalidationBus bus) : IOutputCacheStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await local.EvictByTagAsync(tag, cancellationToken);
        await bus.PublishAsync(tag);
    }

    /// <summary>What another host asked for: dropped here, not passed on again.</summary>
    public ValueTask EvictLocallyAsync(string tag, CancellationToken cancellationToken) => local.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => local.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        local.SetAsync(key, value, tags, validFor, cancellationToken);
}

public static class SharedOutputCacheRegistration
{
    /// <summary>Wraps the output cache store registered by <c>AddOutputCache</c> (call after it).</summary>
    public static void AddSharedOutputCache(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<CacheInvalidationBus>();
        services.AddHostedService(p => p.GetRequiredService<CacheInvalidationBus>());
        services.AddSingleton<IOutputCacheStore>(p => new SharedOutputCacheStore(Create(p, registered), p.GetRequiredService<CacheInvalidationBus>()));
    }

    private static IOutputCacheStore Create(IServiceProvider services, ServiceDescriptor descriptor) => (IOutputCacheStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

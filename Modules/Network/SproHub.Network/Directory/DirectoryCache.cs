using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Network.Data;
using SproHub.Network.Structures;

namespace SproHub.Network.Directory;

/// <summary>
/// The public directory's anonymous answers are kept a short while (<c>Network:DirectoryCacheSeconds</c>, 30 by
/// default) and dropped as soon as a structure or a reception point is saved: one interceptor on the module's context,
/// so that no handler can forget it. The host passes the eviction on to the other hosts (PostgreSQL NOTIFY, ADR 0003).
/// </summary>
internal sealed class DirectoryCache(IOutputCacheStore store) : SaveChangesInterceptor
{
    public const string Policy = "network-directory";
    private bool _directoryChanged;

    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("Network:DirectoryCacheSeconds", 30);
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .Expire(TimeSpan.FromSeconds(Math.Max(seconds, 0))).SetVaryByQuery("*").Tag(Policy).With(_ => seconds > 0)));
        services.AddScoped<DirectoryCache>();
        services.ConfigureDbContext<NetworkDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DirectoryCache>()));
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _directoryChanged |= eventData.Context!.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Structure or ReceptionPoint or OpeningSlot or Networks.MemberNetwork);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_directoryChanged)
        {
            _directoryChanged = false;
            await store.EvictByTagAsync(Policy, cancellationToken);
        }
        return result;
    }
}

using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform.Caching;

/// <summary>
/// Cache evictions between hosts through PostgreSQL's LISTEN/NOTIFY: no server beyond the database hosts already
/// share. On SQLite there is one host, and nothing to tell. A host that lost its listening connection reconnects;
/// what it missed meanwhile expires with its copies (30 s by default).
/// </summary>
public sealed class CacheInvalidationBus(IConfiguration configuration, IServiceProvider services, ILogger<CacheInvalidationBus> logger) : BackgroundService
{
    private const string Channel = "sprohub_cache";
    private readonly DatabaseSettings _settings = DatabaseSettings.From(configuration);
    // Its own evictions come back to the host that sent them: recognised by this id, and not done twice.
    private readonly string _host = Guid.NewGuid().ToString("N");

    private bool Shared => _settings.Provider == DatabaseProvider.Postgres;

    /// <remarks>Not cancelled with the request: the change is saved, the other hosts must hear of it.</remarks>
    public async Task PublishAsync(string tag)
    {
        if (!Shared) return;
        var cancellationToken = CancellationToken.None;
        try
        {
            await using var connection = new NpgsqlConnection(_settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", $"{_host} {tag}");
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The change is saved; other hosts show it when their copy expires.
            logger.LogWarning(ex, "Invalidation du cache « {Tag} » non transmise aux autres hôtes", tag);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Shared) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Not pooled: this session lives as long as the host, listening.
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_settings.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Écoute des invalidations de cache interrompue : reprise dans 2 s");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private void OnNotification(string payload)
    {
        var (host, tag) = (payload.Split(' ', 2)[0], payload.Split(' ', 2).ElementAtOrDefault(1));
        if (host == _host || string.IsNullOrEmpty(tag)) return;
        var store = (SharedOutputCacheStore)services.GetRequiredService<IOutputCacheStore>();
        _ = store.EvictLocallyAsync(tag, CancellationToken.None).AsTask();
    }
}

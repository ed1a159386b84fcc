using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.MaBoite;
using SproHub.Testing;

namespace MaBoite.Tests;

/// <summary>A body sent in chunks without a declared length, optionally failing midway (a phone losing its network).</summary>
internal sealed class PushStreamContent(byte[] content, int? failAfter = null) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var sent = 0; sent < content.Length; sent += 8_192)
        {
            if (failAfter is { } limit && sent >= limit) throw new IOException("réseau perdu");
            await stream.WriteAsync(content.AsMemory(sent, Math.Min(8_192, content.Length - sent)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

internal static class Jobs
{
    public static async Task<int> PurgeAsync(SproHubFactory factory) =>
        (await MaBoiteJobs.PurgeTrashesAsync(factory.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None)).Sum();
}

using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using SproHub.Host.Platform.Files;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;
using Xunit;

namespace MaBoite.Tests;

/// <summary>
/// The file store read from a pipe, as ma boîte's uploads reach it: the bytes as they come in pieces, one pass, refused as soon
/// as they pass the limit, and nothing left behind when the sender stops halfway.
/// </summary>
public sealed class StreamingStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sprohub-store").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private LocalDiskFileStore Store(int earlySyncMegabytes = 64) => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataPath"] = _folder,
        ["Storage:EarlySyncMegabytes"] = earlySyncMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).Build());

    private string[] Files() => Directory.Exists(Path.Combine(_folder, "files")) ? Directory.GetFiles(Path.Combine(_folder, "files"), "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task A_file_arriving_in_pieces_is_typed_hashed_and_written_as_sent_with_syncs_along_the_way()
    {
        var content = Citizens.Pdf(5 * 1024 * 1024 + 123);
        var pipe = new Pipe();
        var sending = Task.Run(async () =>
        {
            // The head split across reads, then uneven pieces.
            await pipe.Writer.WriteAsync(content.AsMemory(0, 3));
            for (var sent = 3; sent < content.Length; sent += 70_001)
                await pipe.Writer.WriteAsync(content.AsMemory(sent, Math.Min(70_001, content.Length - sent)));
            await pipe.Writer.CompleteAsync();
        });

        var stored = await Store(earlySyncMegabytes: 1).SaveAsync(pipe.Reader, "cv.pdf", 10 * 1024 * 1024, [FileContentTypes.Pdf], "file");
        await sending;

        Assert.Equal((FileContentTypes.Pdf, (long)content.Length), (stored.ContentType, stored.Size));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), stored.Sha256);
        await using var back = await Store().OpenAsync(stored.Id);
        using var copy = new MemoryStream();
        await back!.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task A_body_larger_than_the_room_is_refused_before_it_is_all_read_and_nothing_is_kept()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 256 * 1024, resumeWriterThreshold: 128 * 1024));
        long offered = 0;
        var chunk = Citizens.Pdf(64 * 1024);
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < 1_000; i++) // 64 MB offered
            {
                var flushed = await pipe.Writer.WriteAsync(chunk);
                if (flushed.IsCompleted) return; // the store stopped reading
                Interlocked.Add(ref offered, chunk.Length);
            }
            await pipe.Writer.CompleteAsync();
        });

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Store().SaveAsync(pipe.Reader, "gros.pdf", 1024 * 1024, [FileContentTypes.Pdf], "file"));
        Assert.Equal("taille-maximale", refused.Rule);
        Assert.Empty(Files());
        await pipe.Reader.CompleteAsync(); // what Kestrel does with the rest of a refused body
        await sending;
        Assert.True(Interlocked.Read(ref offered) < 4 * 1024 * 1024, $"{offered} octets lus pour une limite d'un Mo");
    }

    [Fact]
    public async Task A_sender_failing_halfway_leaves_no_file_even_while_a_sync_runs()
    {
        var pipe = new Pipe();
        var content = Citizens.Pdf(3 * 1024 * 1024);
        var sending = Task.Run(async () =>
        {
            await pipe.Writer.WriteAsync(content);
            await pipe.Writer.CompleteAsync(new IOException("réseau perdu"));
        });

        await Assert.ThrowsAsync<IOException>(() => Store(earlySyncMegabytes: 1).SaveAsync(pipe.Reader, "coupe.pdf", 10 * 1024 * 1024, [FileContentTypes.Pdf], "file"));
        await sending;
        Assert.Empty(Files());
    }

    [Fact]
    public async Task A_stream_goes_through_the_same_pass()
    {
        var content = Citizens.Pdf(200_000);
        var stored = await Store().SaveAsync(new MemoryStream(content), "lettre.pdf", 1024 * 1024, [FileContentTypes.Pdf], "file");
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), stored.Sha256);
        Assert.Single(Files());
    }
}

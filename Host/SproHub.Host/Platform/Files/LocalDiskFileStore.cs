using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;

namespace SproHub.Host.Platform.Files;

/// <summary>
/// Files on the local disk under <c>{Storage:DataPath}/files</c>, one per opaque id (two levels of folders). Several
/// hosts side by side share that folder (a mounted volume). An upload is written to a temporary file and moved into
/// place only once complete and accepted, so nothing partial is ever visible.
/// </summary>
public sealed class LocalDiskFileStore(IConfiguration configuration) : IFileStore
{
    /// <summary>The bytes that decide a file's type (<see cref="FileContentTypes"/>).</summary>
    private const int HeadLength = 16;

    private readonly string _root = Path.GetFullPath(Path.Combine(configuration["Storage:DataPath"] is { Length: > 0 } data ? data : "data", "files"));

    /// <summary>
    /// Written bytes handed to the disk in the background every so often (<c>Storage:EarlySyncMegabytes</c>, 0 for never), so
    /// that the sync before the answer waits only for the tail instead of the whole file's write-back.
    /// </summary>
    private readonly long _earlySyncEvery = Math.Max(0, configuration.GetValue("Storage:EarlySyncMegabytes", 64)) * 1024L * 1024;

    /// <summary>A stream (a form's file section, a generated document) goes through the same single pass as a pipe.</summary>
    public async Task<StoredFile> SaveAsync(Stream content, string fileName, long maxBytes, IReadOnlyCollection<string> allowedContentTypes, string field, CancellationToken cancellationToken = default)
    {
        var reader = PipeReader.Create(content, new StreamPipeReaderOptions(bufferSize: 81920, minimumReadSize: 16384, leaveOpen: true));
        try
        {
            return await SaveAsync(reader, fileName, maxBytes, allowedContentTypes, field, cancellationToken);
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>
    /// One pass over the pipe's own buffers: the type from the first bytes, then each buffer hashed and written (one vectored
    /// write of its segments) where it lies, without a copy; refused as soon as the size passes <paramref name="maxBytes"/>,
    /// before those bytes are written.
    /// </summary>
    public async Task<StoredFile> SaveAsync(PipeReader content, string fileName, long maxBytes, IReadOnlyCollection<string> allowedContentTypes, string field, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var target = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".upload";
        Task earlySync = Task.CompletedTask;
        try
        {
            long size = 0, handedToDisk = 0;
            string? contentType = null;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var file = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                try
                {
                    var segments = new List<ReadOnlyMemory<byte>>(64);
                    while (true)
                    {
                        var read = await content.ReadAsync(cancellationToken);
                        var buffer = read.Buffer;
                        if (contentType is null)
                        {
                            if (buffer.Length < HeadLength && !read.IsCompleted)
                            {
                                content.AdvanceTo(buffer.Start, buffer.End); // the head is not all here yet
                                continue;
                            }
                            if (buffer.Length > 0) contentType = Accept(buffer, allowedContentTypes, field);
                        }
                        if (size + buffer.Length > maxBytes)
                            throw new RuleViolationException(field, "taille-maximale", $"Le fichier dépasse la taille maximale de {maxBytes / (1024 * 1024.0):0.#} Mo.");
                        if (!buffer.IsEmpty)
                        {
                            segments.Clear();
                            foreach (var segment in buffer)
                            {
                                hash.AppendData(segment.Span);
                                segments.Add(segment);
                            }
                            RandomAccess.Write(file, segments, size); // into the page cache: short enough to stay on this thread
                            size += buffer.Length;
                        }
                        content.AdvanceTo(buffer.End);
                        if (_earlySyncEvery > 0 && size - handedToDisk >= _earlySyncEvery && earlySync.IsCompleted)
                        {
                            handedToDisk = size;
                            earlySync = Task.Run(() => RandomAccess.FlushToDisk(file), CancellationToken.None);
                        }
                        if (read.IsCanceled) throw new OperationCanceledException("Lecture du fichier interrompue.");
                        if (read.IsCompleted) break;
                    }
                    if (size == 0) throw new RuleViolationException(field, "fichier-vide", "Le fichier est vide.");
                    // On the disk before anyone is told it is stored: a crash after the answer must not lose an accepted file.
                    await earlySync;
                    RandomAccess.FlushToDisk(file);
                }
                finally
                {
                    await Quietly(earlySync); // never close the handle under a sync still running
                }
            }
            File.Move(temporary, target);
            return new StoredFile(id, SafeName(fileName), contentType!, size, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static async Task Quietly(Task task)
    {
        try { await task; }
        catch (IOException) { } // the upload is failing anyway; its own error is the one to report
    }

    private static string Accept(ReadOnlySequence<byte> buffer, IReadOnlyCollection<string> allowed, string field)
    {
        Span<byte> head = stackalloc byte[HeadLength];
        var length = (int)Math.Min(HeadLength, buffer.Length);
        buffer.Slice(0, length).CopyTo(head);
        return FileContentTypes.Detect(head[..length]) is { } detected && allowed.Contains(detected) ? detected
            : throw new RuleViolationException(field, "type-de-fichier", $"Ce fichier n'est pas d'un type accepté ({Describe(allowed)}) : son contenu en décide, pas son nom.");
    }

    public Task<Stream?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    private string PathOf(Guid id)
    {
        var name = id.ToString("N"); // only hex digits: no path can escape the store
        return Path.Combine(_root, name[..2], name[2..4], name);
    }

    /// <summary>What remains of a person's file name once anything that could act as a path or a control is removed.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var cleaned = new string(name.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c) && c is not ('"' or '<' or '>')).ToArray()).Trim().TrimStart('.');
        return cleaned.Length == 0 ? "document" : cleaned.Length > 120 ? cleaned[^120..] : cleaned;
    }

    private static string Describe(IReadOnlyCollection<string> types) => string.Join(", ", types.Select(t => t switch
    {
        FileContentTypes.Pdf => "PDF", FileContentTypes.Png => "PNG", FileContentTypes.Jpeg => "JPEG", FileContentTypes.Gif => "GIF",
        FileContentTypes.Webp => "WebP", FileContentTypes.Heic => "HEIC", FileContentTypes.Zip => "document Word, Excel ou OpenDocument",
        FileContentTypes.Text => "texte", FileContentTypes.WebVtt => "sous-titres WebVTT", FileContentTypes.Mp4 => "vidéo MP4",
        FileContentTypes.QuickTime => "vidéo QuickTime (MOV)", FileContentTypes.Webm => "vidéo WebM", _ => t,
    }));
}

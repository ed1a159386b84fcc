using System.Security.Cryptography;
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
    private readonly string _root = Path.GetFullPath(Path.Combine(configuration["Storage:DataPath"] is { Length: > 0 } data ? data : "data", "files"));

    public async Task<StoredFile> SaveAsync(Stream content, string fileName, long maxBytes, IReadOnlyCollection<string> allowedContentTypes, string field, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var target = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".upload";
        try
        {
            long size = 0;
            string? contentType = null;
            var head = new byte[16]; // the first bytes decide the type, whatever sizes the stream reads in
            var headLength = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (contentType is null && headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                        if (headLength == head.Length) contentType = Accept(head, headLength, allowedContentTypes, field);
                    }
                    size += read;
                    if (size > maxBytes)
                        throw new RuleViolationException(field, "taille-maximale", $"Le fichier dépasse la taille maximale de {maxBytes / (1024 * 1024.0):0.#} Mo.");
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                // On the disk before anyone is told it is stored: a crash after the answer must not lose an accepted file.
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
            }
            if (size == 0) throw new RuleViolationException(field, "fichier-vide", "Le fichier est vide.");
            contentType ??= Accept(head, headLength, allowedContentTypes, field);
            File.Move(temporary, target);
            return new StoredFile(id, SafeName(fileName), contentType!, size, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string Accept(byte[] head, int length, IReadOnlyCollection<string> allowed, string field) =>
        FileContentTypes.Detect(head.AsSpan(0, length)) is { } detected && allowed.Contains(detected) ? detected
        : throw new RuleViolationException(field, "type-de-fichier", $"Ce fichier n'est pas d'un type accepté ({Describe(allowed)}) : son contenu en décide, pas son nom.");

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

namespace SproHub.Shared.Files;

/// <summary>
/// The platform's file store: contents addressed by opaque ids, never by a name a person typed. The caller keeps
/// the returned metadata in its own tables and decides who may read the file.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Streams the content to the store (never whole in memory), refusing it when it exceeds <paramref name="maxBytes"/>
    /// or when its content (not its name) is none of <paramref name="allowedContentTypes"/>. A refused or interrupted
    /// upload leaves nothing behind. Refusals are <see cref="Errors.RuleViolationException"/> on <paramref name="field"/>.
    /// </summary>
    Task<StoredFile> SaveAsync(Stream content, string fileName, long maxBytes, IReadOnlyCollection<string> allowedContentTypes, string field, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when no such file is stored.</summary>
    Task<Stream?> OpenAsync(Guid id, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <param name="FileName">Sanitised: safe to show and to offer as a download name.</param>
/// <param name="ContentType">Detected from the content.</param>
/// <param name="Sha256">Hex checksum of the stored bytes.</param>
public sealed record StoredFile(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>The content types the store recognises from a file's first bytes.</summary>
public static class FileContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    /// <summary>A scanned signed document: a PDF or a photo of it.</summary>
    public static readonly IReadOnlyCollection<string> ScannedDocument = [Pdf, Png, Jpeg];

    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? Pdf
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : null;
}

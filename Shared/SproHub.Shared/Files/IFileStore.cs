using System.IO.Pipelines;

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

    /// <summary>
    /// The same from a pipe (an HTTP request's <c>BodyReader</c>): the store may hash and write the pipe's own buffers instead of
    /// copying them into its own. The reader is read to its end but not completed. Stores that do not care read it as a stream.
    /// </summary>
    Task<StoredFile> SaveAsync(PipeReader content, string fileName, long maxBytes, IReadOnlyCollection<string> allowedContentTypes, string field, CancellationToken cancellationToken = default) =>
        SaveAsync(content.AsStream(leaveOpen: true), fileName, maxBytes, allowedContentTypes, field, cancellationToken);

    /// <summary>The content, or null when no such file is stored.</summary>
    Task<Stream?> OpenAsync(Guid id, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <param name="FileName">Sanitised: safe to show and to offer as a download name.</param>
/// <param name="ContentType">Detected from the content.</param>
/// <param name="Sha256">Hex checksum of the stored bytes.</param>
public sealed record StoredFile(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>The content types the store recognises from a file's first bytes (16 are read).</summary>
public static class FileContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string Webp = "image/webp";
    /// <summary>Photos of recent phones.</summary>
    public const string Heic = "image/heic";
    /// <summary>A zip container: office documents (docx, xlsx, pptx, odt, ods) are such; the caller may refine it by the name.</summary>
    public const string Zip = "application/zip";
    /// <summary>UTF-8 text without control characters (notes); served as plain text, never interpreted.</summary>
    public const string Text = "text/plain";
    /// <summary>Subtitles (WebVTT: text that starts with « WEBVTT »), what a browser's video player reads.</summary>
    public const string WebVtt = "text/vtt";
    /// <summary>An ISO media file that is not a HEIF photo: MP4 and M4V videos from cameras, phones and editors.</summary>
    public const string Mp4 = "video/mp4";
    /// <summary>A QuickTime movie (iPhone and Mac exports).</summary>
    public const string QuickTime = "video/quicktime";
    /// <summary>A Matroska container: WebM (and MKV) videos.</summary>
    public const string Webm = "video/webm";

    /// <summary>The videos a browser plays from a file (a clip, a recording).</summary>
    public static readonly IReadOnlyCollection<string> Video = [Mp4, QuickTime, Webm];

    /// <summary>A scanned signed document: a PDF or a photo of it.</summary>
    public static readonly IReadOnlyCollection<string> ScannedDocument = [Pdf, Png, Jpeg];

    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? Pdf
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? Gif
        : head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? Webp
        : head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && IsHeifBrand(head[8..12]) ? Heic
        : head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) ? (head[8..12].SequenceEqual("qt  "u8) ? QuickTime : Mp4)
        : head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) ? Webm
        : head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) ? Zip
        : (head.StartsWith("WEBVTT"u8) || head.StartsWith("\uFEFFWEBVTT"u8)) && IsText(head) ? WebVtt
        : IsText(head) ? Text
        : null;

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);

    /// <summary>UTF-8 (a character cut at the end of the head is fine) with no control character but tab and line ends.</summary>
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty) return false;
        foreach (var b in head)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D) || b == 0x7F) return false;
        var status = System.Text.Unicode.Utf8.ToUtf16(head, new char[head.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
        return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
    }
}

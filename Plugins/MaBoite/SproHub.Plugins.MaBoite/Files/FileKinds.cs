using SproHub.Shared.Files;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>What a space accepts: documents and photos of a guidance path, judged by their content.</summary>
public static class FileKinds
{
    public static readonly IReadOnlyCollection<string> Accepted =
        [FileContentTypes.Pdf, FileContentTypes.Png, FileContentTypes.Jpeg, FileContentTypes.Gif, FileContentTypes.Webp, FileContentTypes.Heic, FileContentTypes.Zip, FileContentTypes.Text, FileContentTypes.WebVtt];

    private static readonly Dictionary<string, string> OfficeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    /// <summary>The type served: the content's, refined by the name only within a zip container (an office document).</summary>
    public static string Served(string detected, string name) =>
        detected == FileContentTypes.Zip && OfficeTypes.TryGetValue(Path.GetExtension(name), out var office) ? office : detected;

    public static bool CanPreview(string contentType) =>
        contentType is FileContentTypes.Pdf or FileContentTypes.Png or FileContentTypes.Jpeg or FileContentTypes.Gif or FileContentTypes.Webp;

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    public static string Label(string contentType) => contentType switch
    {
        FileContentTypes.Pdf => "PDF",
        FileContentTypes.Text or FileContentTypes.WebVtt => "Texte",
        FileContentTypes.Zip => "Archive",
        _ when IsImage(contentType) => "Image",
        _ when contentType.Contains("wordprocessing") || contentType.EndsWith(".text", StringComparison.Ordinal) => "Document texte",
        _ when contentType.Contains("sheet") => "Tableur",
        _ when contentType.Contains("presentation") => "Présentation",
        _ => "Fichier",
    };
}

using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;

namespace SproHub.Plugins.ClipContests.Clips;

public enum ClipFileKind { Video, Poster, Subtitles }

/// <summary>
/// A team's clip: the video (a file in the platform's store, or a link to a video host), its poster, a short
/// description and, encouraged, subtitles. Published by the coordination once every filming permission is there.
/// </summary>
public sealed class Clip : IVersioned
{
    public const int DescriptionMaxLength = 600;
    public const int LinkMaxLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid TeamId { get; private set; }
    public Guid EditionId { get; private set; }
    public string TerritoryId { get; private set; } = "";
    public string? Description { get; set; }
    public string? VideoLink { get; set; }
    public AttachedFile? Video { get; set; }
    public AttachedFile? Poster { get; set; }
    public AttachedFile? Subtitles { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Version { get; set; }

    public static Clip For(Guid teamId, Guid editionId, string territoryId) => new() { TeamId = teamId, EditionId = editionId, TerritoryId = territoryId };

    public bool HasVideo => Video is not null || VideoLink is not null;
    public bool IsComplete => HasVideo && Poster is not null && !string.IsNullOrWhiteSpace(Description);

    /// <summary>What is still missing before the clip counts as submitted, in French.</summary>
    public IReadOnlyList<string> Missing() =>
    [
        .. HasVideo ? [] : new[] { "la vidéo (un fichier ou un lien)" },
        .. Poster is null ? ["l'affiche"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(Description) ? ["la description"] : Array.Empty<string>(),
    ];

    public AttachedFile? File(ClipFileKind kind) => kind switch { ClipFileKind.Video => Video, ClipFileKind.Poster => Poster, _ => Subtitles };

    public void Attach(ClipFileKind kind, AttachedFile file)
    {
        switch (kind)
        {
            case ClipFileKind.Video: Video = file; VideoLink = null; break;
            case ClipFileKind.Poster: Poster = file; break;
            default: Subtitles = file; break;
        }
    }

    public static (long MaxBytes, IReadOnlyCollection<string> Types, string Field) Accepts(ClipFileKind kind) => kind switch
    {
        ClipFileKind.Video => (2L * 1024 * 1024 * 1024, FileContentTypes.Video, "video"),
        ClipFileKind.Poster => (10 * 1024 * 1024, [FileContentTypes.Png, FileContentTypes.Jpeg, FileContentTypes.Webp], "poster"),
        _ => (1024 * 1024, [FileContentTypes.WebVtt], "subtitles"),
    };

    /// <summary>The rule « lien-video »: a web address in https, the clip's page on a video host.</summary>
    public static string? CheckLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || link.Trim().Length > LinkMaxLength)
            throw new RuleViolationException("videoLink", "lien-video", "Donnez l'adresse complète de la vidéo chez son hébergeur, en https:// (500 caractères au plus).");
        return uri.ToString();
    }
}

/// <summary>A person seeing a published clip on a day: counted once however often they come back that day.</summary>
public sealed class ClipView
{
    public Guid ClipId { get; set; }
    /// <summary>SHA-256 of the account's id or of the browser's random visitor cookie: nobody is recognisable from it.</summary>
    public string Visitor { get; set; } = "";
    public DateOnly Day { get; set; }
}

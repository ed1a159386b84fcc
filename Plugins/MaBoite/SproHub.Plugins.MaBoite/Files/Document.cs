using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.MaBoite.Files;

/// <summary>
/// A file a person keeps: its name and place are theirs to change; its bytes live in the platform's file store under
/// <see cref="StoreId"/>, which nobody types or sees. In the trash from <see cref="TrashedAt"/>, gone 30 days later.
/// </summary>
public sealed class Document : IVersioned
{
    public const int NameMaxLength = 120;

    public Guid Id { get; set; }
    public required string TerritoryId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid? FolderId { get; set; }

    /// <summary>Setting the name sets its <see cref="NameKey"/>, by which the database sorts a folder.</summary>
    public required string Name
    {
        get;
        set
        {
            field = value;
            NameKey = Names.SortKey(value);
        }
    }

    /// <summary>The name in lower case without accents: a folder is listed in this order straight from its index.</summary>
    public string NameKey { get; private set; } = "";
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public Guid StoreId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? TrashedAt { get; set; }
    /// <summary>Put in the trash with this folder (restored with it), rather than on its own.</summary>
    public Guid? TrashedWithFolderId { get; set; }
    public int Version { get; set; }

    /// <summary>Images and PDFs open in the browser; anything else downloads.</summary>
    public bool CanPreview => FileKinds.CanPreview(ContentType);
}

/// <summary>A folder of a person's space; folders nest.</summary>
public sealed class Folder : IVersioned
{
    public const int NameMaxLength = 80;

    public Guid Id { get; set; }
    public required string TerritoryId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid? ParentId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? TrashedAt { get; set; }
    public Guid? TrashedWithFolderId { get; set; }
    public int Version { get; set; }
}

/// <summary>The rules names follow: shown everywhere, typed by the person, never used as a path.</summary>
public static class Names
{
    public const int TrashDays = 30;

    /// <summary>The name as kept: trimmed, without what could act as a path or a control character; refused when nothing remains.</summary>
    public static string SortKey(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .Normalize(System.Text.NormalizationForm.FormC);
    }

    public static string Clean(string? name, int maxLength, string field)
    {
        var cleaned = new string((name ?? "").Where(c => !char.IsControl(c) && c is not ('/' or '\\' or '"' or '<' or '>' or ':' or '*' or '?' or '|')).ToArray()).Trim().Trim('.').Trim();
        if (cleaned.Length == 0) throw new RuleViolationException(field, "nom-obligatoire", "Donnez un nom (les caractères / \\ : * ? \" < > | ne sont pas permis).");
        if (cleaned.Length > maxLength) throw new RuleViolationException(field, "nom-trop-long", $"Le nom compte au plus {maxLength} caractères.");
        return cleaned;
    }
}

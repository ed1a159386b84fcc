using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.MaBoite.Publications;

/// <summary>News of the SPRO group, a resource (a guide, a link, a document) published by a structure, or an event (a forum, an open day).</summary>
public enum PublicationKind { Actualite, Ressource, Evenement }

/// <summary>
/// What agents publish for the people of ma boîte SPRO, written in Markdown (shown as sanitised HTML) and aimed at
/// types of public, an age range and the people a structure accompanies; no target means everyone.
/// </summary>
public sealed class Publication : IVersioned
{
    public const int TitleMaxLength = 160;
    public const int TextMaxLength = 20_000;

    public Guid Id { get; set; }
    public required string TerritoryId { get; set; }
    public PublicationKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Markdown { get; set; }
    public string? Link { get; set; }
    /// <summary>For an event: its day and where it takes place in the territory.</summary>
    public DateOnly? EventOn { get; set; }
    public string? Place { get; set; }
    /// <summary>A document the structure publishes with it (a guide, a form), in the platform's file store.</summary>
    public Guid? AttachmentStoreId { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public long AttachmentSize { get; set; }
    /// <summary>Comma-separated <see cref="PublicType"/> names; empty for every public.</summary>
    public string PublicTypes { get; set; } = "";
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    public Guid? StructureId { get; set; }
    public required string PublishedBy { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<PublicType> Publics =>
        PublicTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PublicType>).ToList();

    /// <summary>Whether the person is among those it is aimed at, in this year.</summary>
    public bool Targets(Space space, int year) =>
        (PublicTypes.Length == 0 || Publics.Contains(space.PublicType))
        && (StructureId is null || space.StructureId == StructureId)
        && (AgeMin is null && AgeMax is null
            || space.BirthYear is { } born && year - born >= (AgeMin ?? 0) && year - born <= (AgeMax ?? 200));

    public static void CheckAges(int? min, int? max)
    {
        if (min is < 10 or > 99) throw new RuleViolationException("ageMin", "age-plausible", "L'âge minimum va de 10 à 99 ans.");
        if (max is < 10 or > 99) throw new RuleViolationException("ageMax", "age-plausible", "L'âge maximum va de 10 à 99 ans.");
        if (min > max) throw new RuleViolationException("ageMax", "age-ordonne", "L'âge maximum est au moins l'âge minimum.");
    }

    public static void CheckLink(string? link)
    {
        if (link is null) return;
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new RuleViolationException("link", "lien-web", "Le lien est une adresse web complète (https://…).");
    }

    /// <summary>A published document stays small: a guide or a form, not a video.</summary>
    public const long AttachmentMaxBytes = 20L * 1024 * 1024;

    public static string KindLabel(PublicationKind kind) => kind switch
    {
        PublicationKind.Actualite => "Actualité",
        PublicationKind.Evenement => "Événement",
        _ => "Ressource",
    };

    /// <summary>An event says when and where, and is still to come.</summary>
    public static void CheckEvent(PublicationKind kind, DateOnly? on, string? place, DateOnly today)
    {
        if (kind != PublicationKind.Evenement) return;
        if (on is not { } day) throw new RuleViolationException("eventOn", "date-evenement", "Donnez la date de l'événement.");
        if (day < today) throw new RuleViolationException("eventOn", "evenement-a-venir", "L'événement est passé : publiez un événement à venir.");
        if (string.IsNullOrWhiteSpace(place)) throw new RuleViolationException("place", "lieu-evenement", "Dites où a lieu l'événement.");
    }
}

/// <summary>A person opened a publication (once counted per person).</summary>
public sealed class PublicationView
{
    public long Id { get; set; }
    public required string TerritoryId { get; set; }
    public Guid PublicationId { get; set; }
    public Guid SpaceId { get; set; }
    public DateTimeOffset FirstViewedAt { get; set; }
}

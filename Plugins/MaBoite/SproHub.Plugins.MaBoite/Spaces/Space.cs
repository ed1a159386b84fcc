using SproHub.Shared.Data;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.MaBoite.Spaces;

/// <summary>Who the person is for the SPRO: news and resources are aimed at it, statistics count by it.</summary>
public enum PublicType { Collegien, Lyceen, Etudiant, JeuneEnRecherche, DemandeurEmploi, Salarie, Autre }

/// <summary>
/// One person's space: their profile for the SPRO and the storage they use. <see cref="UsedBytes"/> is the exact sum of
/// the files they store (the trash included, until it is emptied), changed only by one atomic statement per file.
/// </summary>
public sealed class Space : IVersioned
{
    /// <summary>1 Go: what the Région offers each person.</summary>
    public const long DefaultQuotaBytes = 1L << 30;
    /// <summary>The person is told when their space passes each of these shares of the quota.</summary>
    public static readonly int[] WarningPercents = [85, 90, 95];

    public Guid Id { get; set; }
    public required string TerritoryId { get; set; }
    /// <summary>The core's account; the space is reached only through it.</summary>
    public required string OwnerUserId { get; set; }
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    public PublicType PublicType { get; set; }
    public int? BirthYear { get; set; }
    /// <summary>The SPRO structure that accompanies the person, if they said.</summary>
    public Guid? StructureId { get; set; }
    public long QuotaBytes { get; set; } = DefaultQuotaBytes;
    public long UsedBytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The first time the person entered their space (after confirming their address): the account is then opened.</summary>
    public DateTimeOffset? OpenedAt { get; set; }
    /// <summary>The last day the person came: active users are counted per month from it.</summary>
    public DateOnly? LastActiveOn { get; set; }
    /// <summary>Invited by an agent of this structure, if so.</summary>
    public string? InvitedBy { get; set; }
    public int Version { get; set; }
    /// <summary>Replaced with every change to the space's files or folders (<see cref="Data.MaBoiteDbContext"/>): a folder's listing kept in memory is good while it stays.</summary>
    public long ContentStamp { get; set; }

    public long RemainingBytes => Math.Max(0, QuotaBytes - UsedBytes);
    public int UsedPercent => Percent(UsedBytes, QuotaBytes);

    public static int Percent(long used, long quota) => quota <= 0 ? 100 : (int)Math.Min(100, used * 100 / quota);

    /// <summary>The warning thresholds an upload from <paramref name="before"/> to <paramref name="after"/> bytes passes.</summary>
    public static IReadOnlyList<int> ThresholdsPassed(long before, long after, long quota) =>
        WarningPercents.Where(p => before * 100 < p * quota && after * 100 >= p * quota).ToList();

    /// <summary>Refuses a file that would not fit in what remains, before anything is stored.</summary>
    public static void CheckFits(long size, long remaining, string field = "file")
    {
        if (size > remaining)
            throw new RuleViolationException(field, "quota", $"Ce fichier ({Sizes.Format(size)}) dépasse la place qui reste dans votre espace ({Sizes.Format(remaining)} sur 1 Go) : "
                + "videz la corbeille ou supprimez des fichiers.");
    }

    public static string AgeBand(int? birthYear, int year) => birthYear is not { } born ? "Non renseigné" : (year - born) switch
    {
        < 16 => "Moins de 16 ans",
        <= 18 => "16 à 18 ans",
        <= 25 => "19 à 25 ans",
        <= 30 => "26 à 30 ans",
        _ => "Plus de 30 ans",
    };

    public static string PublicTypeLabel(PublicType type) => type switch
    {
        PublicType.Collegien => "Collégien ou collégienne",
        PublicType.Lyceen => "Lycéen ou lycéenne",
        PublicType.Etudiant => "Étudiant ou étudiante",
        PublicType.JeuneEnRecherche => "Jeune en recherche d'une formation ou d'un emploi",
        PublicType.DemandeurEmploi => "Demandeur ou demandeuse d'emploi",
        PublicType.Salarie => "Salarié ou salariée",
        _ => "Autre",
    };
}

/// <summary>Sizes as people read them, in French (« 1,5 Mo »).</summary>
public static class Sizes
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} o",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", French) + " ko",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", French) + " Mo",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", French) + " Go",
    };
}

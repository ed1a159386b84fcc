using SproHub.Shared.Data;

namespace SproHub.Network.Structures;

/// <summary>The member networks of the SPRO (types of structure).</summary>
public enum StructureType
{
    MissionLocale, Cio, PoleEmploi, CapEmploi, Bij, Pij, ChambreDeMetiers, Cci, Fongecif, Uniformation, Unifaf, Apec, MaisonDeLEmploi, PointA, PrcVae, Autre,
}

/// <summary>Who a structure receives; a structure often serves several.</summary>
[Flags]
public enum PublicServed
{
    None = 0, Scolaires = 1, Jeunes = 2, DemandeursEmploi = 4, Salaries = 8, Cadres = 16, PersonnesHandicapees = 32, ToutPublic = 64,
}

/// <summary>A member structure of a local SPRO.</summary>
[CrossTerritory("The public directory (/annuaire, its exports) and IStructureDirectory list every territory's structures; " +
    "a coordinator's pages pick their territory's explicitly.")]
public sealed class Structure : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public StructureType Type { get; set; }
    /// <summary>With <see cref="StructureType.Autre"/>: the network the Région added that it belongs to (its label).</summary>
    public string? OtherNetwork { get; set; }
    public required string Town { get; set; }
    public required string TerritoryId { get; set; }
    public string? Address { get; set; }
    public PublicServed Public { get; set; }
    /// <summary>Serves its whole department (every local SPRO of it invites it to its local committees).</summary>
    public bool DepartmentWide { get; set; }
    /// <summary>Name, town and type without accents or case, for the directory's search; kept by <see cref="Index"/>.</summary>
    public string SearchText { get; private set; } = "";
    public int Version { get; set; }

    /// <param name="receptionPoints">The names and towns of its reception points: a search for "Loches" finds the antenna's structure.</param>
    public void Index(IEnumerable<string>? receptionPoints = null)
    {
        var text = DirectoryText.Normalize($"{Name} {Town} {NetworkLabel} {string.Join(' ', receptionPoints ?? [])}");
        SearchText = text.Length <= 400 ? text : text[..400];
    }

    /// <summary>The member network in French: a built-in type, or the network the Région added.</summary>
    public string NetworkLabel => NetworkLabelOf(Type, OtherNetwork);

    public static string NetworkLabelOf(StructureType type, string? otherNetwork) =>
        type == StructureType.Autre && !string.IsNullOrEmpty(otherNetwork) ? otherNetwork : TypeLabel(type);

    public static IEnumerable<PublicServed> Publics => Enum.GetValues<PublicServed>().Where(p => p != PublicServed.None);

    public IEnumerable<PublicServed> PublicList => Publics.Where(p => Public.HasFlag(p));

    public static string PublicLabel(PublicServed served) => served switch
    {
        PublicServed.Scolaires => "Élèves et étudiants",
        PublicServed.Jeunes => "Jeunes de 16 à 25 ans sortis de l'école",
        PublicServed.DemandeursEmploi => "Demandeurs d'emploi",
        PublicServed.Salaries => "Salariés",
        PublicServed.Cadres => "Cadres",
        PublicServed.PersonnesHandicapees => "Personnes handicapées",
        _ => "Tout public",
    };

    public static string TypeLabel(StructureType type) => type switch
    {
        StructureType.MissionLocale => "Mission Locale",
        StructureType.Cio => "CIO",
        StructureType.PoleEmploi => "France Travail", // formerly Pôle emploi (2024); the stored name stays
        StructureType.CapEmploi => "Cap emploi",
        StructureType.Bij => "BIJ",
        StructureType.Pij => "PIJ",
        StructureType.ChambreDeMetiers => "Chambre de métiers et de l'artisanat (CAD)",
        StructureType.Cci => "CCI",
        StructureType.Fongecif => "Fongecif",
        StructureType.Uniformation => "Uniformation",
        StructureType.Unifaf => "Unifaf",
        StructureType.Apec => "Apec",
        StructureType.MaisonDeLEmploi => "Maison de l'emploi",
        StructureType.PointA => "Point A",
        StructureType.PrcVae => "PRC-VAE",
        _ => "Autre",
    };
}

public static class StructureIndexing
{
    /// <summary>
    /// Indexes the structure with its reception points as they will be once saved: the directory finds a structure by
    /// the names and towns of its points too.
    /// </summary>
    public static async Task IndexAsync(this Data.NetworkDbContext db, Structure structure, CancellationToken cancellationToken, ReceptionPoint? changed = null, Guid? removed = null)
    {
        var changedId = changed?.Id ?? Guid.Empty;
        var points = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.ReceptionPoints.Where(p => p.StructureId == structure.Id && p.Id != changedId && p.Id != removed).Select(p => p.Name + " " + p.Town), cancellationToken);
        if (changed is not null) points.Add(changed.Name + " " + changed.Town);
        structure.Index(points);
    }
}

/// <summary>An agent of a member structure (invented people only in demo data).</summary>
public sealed class Person : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    /// <summary>Their post in the structure ("conseillère d'insertion", "directeur").</summary>
    public string? Function { get; set; }
    /// <summary>Holds the right to sign agreements and amendments for the structure (its director, or whom they delegate).</summary>
    public bool MaySign { get; set; }
    public Guid? StructureId { get; set; }
    public string? UserId { get; set; }
    public int Version { get; set; }
}

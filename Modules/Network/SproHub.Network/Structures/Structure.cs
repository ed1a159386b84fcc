using SproHub.Shared.Data;

namespace SproHub.Network.Structures;

/// <summary>The member networks of the SPRO (types of structure).</summary>
public enum StructureType
{
    MissionLocale, Cio, PoleEmploi, CapEmploi, Bij, Pij, ChambreDeMetiers, Cci, Fongecif, Uniformation, Unifaf, Apec, MaisonDeLEmploi, PointA, PrcVae, Autre,
}

/// <summary>A member structure of a local SPRO.</summary>
public sealed class Structure : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public StructureType Type { get; set; }
    public required string Town { get; set; }
    public required string TerritoryId { get; set; }
    /// <summary>Name, town and type without accents or case, for the directory's search; kept by <see cref="Index"/>.</summary>
    public string SearchText { get; private set; } = "";
    public int Version { get; set; }

    public void Index() => SearchText = DirectoryText.Normalize($"{Name} {Town} {TypeLabel(Type)}");

    public static string TypeLabel(StructureType type) => type switch
    {
        StructureType.MissionLocale => "Mission Locale",
        StructureType.Cio => "CIO",
        StructureType.PoleEmploi => "Pôle emploi",
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

/// <summary>An agent of a member structure (invented people only in demo data).</summary>
public sealed class Person : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public Guid? StructureId { get; set; }
    public string? UserId { get; set; }
    public int Version { get; set; }
}

using SproHub.Shared.Territories;

namespace SproHub.Network.Territories;

/// <summary>
/// The real map of the SPRO in Centre-Val de Loire (public facts): six departments and thirteen local
/// SPROs, three organised per department with local referents per basin, ten per employment basin.
/// </summary>
public static class RegionalMap
{
    public const string PerDepartment = "départemental";
    public const string PerBasin = "bassin d'emploi";

    /// <summary>How a local SPRO is organised, said as a person would: « SPRO départemental », « SPRO de bassin d'emploi ».</summary>
    public static string Describe(string? organisation) => organisation switch
    {
        null => "SPRO local",
        PerDepartment => "SPRO départemental",
        _ => $"SPRO de {organisation}",
    };

    public static IReadOnlyList<Territory> All()
    {
        var list = new List<Territory>();
        var order = 0;
        void Add(string slug, string name, TerritoryKind kind, string? dept, string? parent, string? organisation = null) =>
            list.Add(new Territory { Slug = slug, Name = name, Kind = kind, DepartmentCode = dept, ParentSlug = parent, Organisation = organisation, SortOrder = order++ });

        Add("region", "Région Centre-Val de Loire", TerritoryKind.Region, null, null);
        Add("departement-18", "Cher", TerritoryKind.Department, "18", "region");
        Add("departement-28", "Eure-et-Loir", TerritoryKind.Department, "28", "region");
        Add("departement-36", "Indre", TerritoryKind.Department, "36", "region");
        Add("departement-37", "Indre-et-Loire", TerritoryKind.Department, "37", "region");
        Add("departement-41", "Loir-et-Cher", TerritoryKind.Department, "41", "region");
        Add("departement-45", "Loiret", TerritoryKind.Department, "45", "region");

        Add("cher", "SPRO du Cher", TerritoryKind.LocalSpro, "18", "departement-18", PerDepartment);
        foreach (var (slug, name) in new[] { ("bourges", "Bourges"), ("vierzon", "Vierzon"), ("saint-amand-montrond", "Saint-Amand-Montrond"), ("aubigny-sur-nere", "Aubigny-sur-Nère") })
            Add($"cher-{slug}", $"Bassin {FrenchPlaces.Of(name)}", TerritoryKind.Basin, "18", "cher");
        Add("chartres", "SPRO de Chartres", TerritoryKind.LocalSpro, "28", "departement-28", PerBasin);
        Add("dreux", "SPRO de Dreux", TerritoryKind.LocalSpro, "28", "departement-28", PerBasin);
        Add("chateaudun-nogent", "SPRO de Châteaudun / Nogent-le-Rotrou", TerritoryKind.LocalSpro, "28", "departement-28", PerBasin);
        Add("chateauroux", "SPRO de Châteauroux", TerritoryKind.LocalSpro, "36", "departement-36", PerBasin);
        Add("issoudun", "SPRO d'Issoudun", TerritoryKind.LocalSpro, "36", "departement-36", PerBasin);
        Add("le-blanc", "SPRO du Blanc", TerritoryKind.LocalSpro, "36", "departement-36", PerBasin);
        Add("la-chatre", "SPRO de La Châtre", TerritoryKind.LocalSpro, "36", "departement-36", PerBasin);
        Add("indre-et-loire", "SPRO d'Indre-et-Loire", TerritoryKind.LocalSpro, "37", "departement-37", PerDepartment);
        foreach (var (slug, name) in new[] { ("tours", "Tours"), ("amboise", "Amboise"), ("chinon", "Chinon"), ("loches", "Loches") })
            Add($"indre-et-loire-{slug}", $"Bassin {FrenchPlaces.Of(name)}", TerritoryKind.Basin, "37", "indre-et-loire");
        Add("loir-et-cher", "SPRO du Loir-et-Cher", TerritoryKind.LocalSpro, "41", "departement-41", PerDepartment);
        foreach (var (slug, name) in new[] { ("blois", "Blois"), ("vendome", "Vendôme"), ("romorantin", "Romorantin") })
            Add($"loir-et-cher-{slug}", $"Bassin {FrenchPlaces.Of(name)}", TerritoryKind.Basin, "41", "loir-et-cher");
        Add("orleans", "SPRO d'Orléans", TerritoryKind.LocalSpro, "45", "departement-45", PerBasin);
        Add("montargis-gien", "SPRO de Montargis-Gien", TerritoryKind.LocalSpro, "45", "departement-45", PerBasin);
        Add("pithiviers", "SPRO de Pithiviers", TerritoryKind.LocalSpro, "45", "departement-45", PerBasin);
        return list;
    }
}

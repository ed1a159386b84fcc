namespace SproHub.Plugins.CelluleHandicap.Partners;

/// <summary>
/// Where a concertation takes place, with the article a partner's name calls for: « à la MDPH du Cher », « au CIO de
/// Bourges », « à l'Agefiph », « chez Cap emploi du Cher ». Names are typed by coordinators: the first word decides.
/// </summary>
public static class PartnerNames
{
    private static readonly string[] Feminine = ["Mission", "MDPH", "Maison", "Chambre", "Direction", "Mairie", "Région", "DSDEN"];
    private static readonly string[] Masculine = ["CIO", "BIJ", "PIJ", "Point", "Centre", "Conseil", "Rectorat", "Service", "CCAS", "Pôle"];

    /// <summary>« à la MDPH du Cher »; a brand without article (Cap emploi, France Travail) takes « chez ».</summary>
    public static string At(string name)
    {
        var first = name.Split(' ', 2)[0];
        if (Feminine.Contains(first, StringComparer.OrdinalIgnoreCase)) return "à la " + name;
        if (Masculine.Contains(first, StringComparer.OrdinalIgnoreCase)) return "au " + name;
        if (name.Length > 0 && "AEIOUÉÈÊaeiouéèê".Contains(name[0]) && !first.Equals("Apec", StringComparison.Ordinal)) return "à l'" + name;
        return "chez " + name;
    }
}

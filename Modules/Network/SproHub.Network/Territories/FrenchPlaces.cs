namespace SproHub.Network.Territories;

/// <summary>« de » before a place name, elided before a vowel or a mute h: Mission Locale d'Orléans, Bassin de Vierzon.</summary>
public static class FrenchPlaces
{
    public static string Of(string place) =>
        place.Length > 0 && "AEIOUYÉÈÊÂÎÔÛH".Contains(char.ToUpperInvariant(place[0])) ? $"d'{place}" : $"de {place}";
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SproHub.Bench;

/// <summary>
/// Orientation 37 mode d'emploi at a larger size than Tours' guide: 300 frequent questions added through the API by
/// Indre-et-Loire's demo coordinator, then searched by reception staff as they type.
/// </summary>
internal static class ReceptionGuide
{
    public const string Territory = "indre-et-loire";
    public const string Api = $"/api/territories/{Territory}/mode-emploi";
    public const int Questions = 300;

    private static readonly string[] Needs = ["trouver", "financer", "préparer", "changer", "reprendre", "valider", "découvrir", "choisir", "quitter", "créer"];
    private static readonly string[] Subjects =
        ["une formation", "un apprentissage", "un emploi saisonnier", "un stage", "une reconversion", "un diplôme", "un service civique", "un logement étudiant",
         "un permis de conduire", "une entreprise", "un bilan de compétences", "une orientation", "un contrat aidé", "une mobilité à l'étranger", "un job d'été"];
    private static readonly string[] Who = ["pour un jeune", "pour un adulte", "pour un salarié", "pour un demandeur d'emploi", "pour une personne handicapée"];

    /// <summary>The words reception types, each as it grows key by key ("a", "ap", "app"...).</summary>
    public static readonly string[] Typed = new[] { "apprentissage", "handicap emploi", "financer formation", "stage", "permis", "reconversion salarié", "bateau" }
        .SelectMany(word => Enumerable.Range(2, word.Length - 1).Select(n => word[..n])).ToArray();

    public static async Task<HttpClient> SignInAsync(string url, string email)
    {
        // Ten minutes: ma boîte SPRO's benchmark sends a gigabyte through one request.
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        var token = await (await http.PostAsJsonAsync("/api/network/auth/token", new { email, password = "Demo-SproHub-2026" })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    public static async Task SeedAsync(string url)
    {
        using var coordinator = await SignInAsync(url, $"coordination@{Territory}.demo");
        var guide = await coordinator.GetFromJsonAsync<JsonElement>($"{Api}/guide");
        var themes = guide.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToArray();
        var structures = guide.GetProperty("structures").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        for (var i = 0; i < Questions; i++)
        {
            var text = $"Comment {Needs[i % Needs.Length]} {Subjects[i / Needs.Length % Subjects.Length]} {Who[i / (Needs.Length * Subjects.Length) % Who.Length]} ({i}) ?";
            var answerers = new[] { new { structureId = structures[i % structures.Length], role = "Principal" }, new { structureId = structures[(i + 3) % structures.Length], role = "Secondary" } };
            var response = await coordinator.PostAsJsonAsync($"{Api}/questions", new { themeId = themes[i % themes.Length], text, keywords = "aide accompagnement", answerers });
            response.EnsureSuccessStatusCode();
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>Structures in and out as files: the export opens in a spreadsheet, the import is all or nothing.</summary>
[Collection(SharedPlatform.Name)]
public sealed class StructureImportExportTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Import = "/api/territories/cher/network/structures/import";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task The_export_has_the_structures_the_search_finds_as_CSV_and_as_a_spreadsheet()
    {
        var client = factory.CreateClient();
        var csv = await client.GetAsync("/api/network/directory/export.csv?territory=cher&type=MissionLocale");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Nom;Type;Ville;Adresse;Publics;SPRO local", lines[0]);
        Assert.Equal(4, lines.Count); // the three Missions Locales of Cher
        Assert.Contains("Mission Locale de Vierzon;Mission Locale;Vierzon;;Jeunes de 16 à 25 ans sortis de l'école;SPRO du Cher", lines);

        var xlsx = await (await client.GetAsync("/api/network/directory/export.xlsx?q=bourges")).Content.ReadAsStreamAsync();
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["Nom"] == "CIO de Bourges" && (string)r["SPRO local"] == "SPRO du Cher");
    }

    [Fact]
    public async Task A_correct_file_adds_every_structure_and_the_export_s_own_format_comes_back_in()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var report = await (await coordinator.PostAsync(Import, Csv(
            "Nom;Type;Ville;Adresse;Publics\nPIJ de Sancoins;PIJ;Sancoins;;Jeunes, Élèves et étudiants\nPoint A de Lignières;PointA;Lignières;2 rue Basse;DemandeursEmploi\n")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        var found = await (await factory.CreateClient().GetAsync("/api/network/directory?q=sancoins&public=Scolaires")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("PIJ de Sancoins", found.GetProperty("structures")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task One_wrong_line_refuses_the_whole_file_and_every_wrong_line_is_named()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var before = await factory.CreateClient().GetStringAsync("/api/network/directory?territory=cher");
        var problem = await (await coordinator.PostAsync(Import, Csv(
            "Nom;Type;Ville;Adresse;Publics\nPIJ de Sancoins;PIJ;Sancoins;;Jeunes\nBoulangerie;Boulangerie;Bourges;;\nCIO de Bourges;CIO;Bourges;;\n;CIO;;;Retraités\n")))
            .JsonAsync(HttpStatusCode.BadRequest);
        var rules = problem.GetProperty("rules").EnumerateArray().Select(r => (Field: r.GetProperty("field").GetString(), Rule: r.GetProperty("rule").GetString())).ToList();
        Assert.Contains(("lignes[3].type", "type-connu"), rules);
        Assert.Contains(("lignes[4].nom", "structure-unique"), rules);
        Assert.Contains(("lignes[5].nom", "obligatoire"), rules);
        Assert.Contains(("lignes[5].ville", "obligatoire"), rules);
        Assert.Contains(("lignes[5].publics", "public-connu"), rules);
        Assert.DoesNotContain(rules, r => r.Field!.StartsWith("lignes[2]"));
        Assert.Equal(before, await factory.CreateClient().GetStringAsync("/api/network/directory?territory=cher"));
    }

    [Fact]
    public async Task Only_the_coordinator_of_the_territory_or_the_Region_imports()
    {
        var file = "Nom;Type;Ville;Adresse;Publics\nPIJ de Sancoins;PIJ;Sancoins;;\n";
        await (await factory.CreateClient().PostAsync(Import, Csv(file))).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).PostAsync(Import, Csv(file))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator)).PostAsync(Import, Csv(file))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PostAsync(Import, Csv("Nom;Type;Ville\n"))).JsonAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_import_page_takes_a_file_and_explains_a_refusal_beside_it()
    {
        var coordinator = await factory.ClientAsCookieAsync(DemoAccounts.CherCoordinator);
        var page = await coordinator.GetStringAsync("/t/cher/structures/import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Nom;Type;Ville\nBoulangerie;Boulangerie;Bourges\n")) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "Upload", "structures.csv" },
        };
        var refused = WebUtility.HtmlDecode(await (await coordinator.PostAsync("/t/cher/structures/import", form)).Content.ReadAsStringAsync());
        Assert.Contains("Ligne 2 : « Boulangerie » n'est pas un type de structure du réseau.", refused);
    }
}

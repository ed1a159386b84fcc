using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;

namespace CelluleHandicap.Tests;

/// <summary>The cell's API as the demo's people use it in Cher (accounts of the README).</summary>
internal static class CellApi
{
    public const string Territory = "cher";
    public const string Prescriber = "conseil@cher.demo";
    public const string Secretariat = "cio@cher.demo";
    public const string Mdph = "mdph@cher.demo";
    public const string CapEmploi = "capemploi@cher.demo";
    /// <summary>A member of Cher who is no partner of the cell.</summary>
    public const string Outsider = "membre@cher.demo";

    public static string Url(string path, string territory = Territory) => $"/api/territories/{territory}/cellule/{path}";

    public static object Minor(DateOnly today, string firstName = "Lou", string lastName = "Exemplaire", bool guardian = true) => new
    {
        firstName, lastName, birthDate = today.AddYears(-17).AddDays(-10), town = "Bourges",
        recognition = "DemandeEnCours", situation = "Décrochage en première année de CAP.", path = "Collège en ULIS puis CAP.",
        needs = "Un apprentissage avec aménagements.", question = "Quel accompagnement coordonné ?",
        consentDate = today, consentExamination = true, consentSharing = true, consentFollowUp = true, youngPersonConsent = true,
        guardianConsent = guardian, guardianName = guardian ? "Parent Exemplaire" : null, guardianRelation = guardian ? "mère" : null,
    };

    public static async Task<JsonElement> SubmitAsync(HttpClient prescriber, object situation) =>
        await (await prescriber.PostAsJsonAsync(Url("situations"), situation)).JsonAsync(HttpStatusCode.Created);

    public static async Task<Guid> PartnerAsync(HttpClient client, string name) =>
        (await (await client.GetAsync(Url("partners"))).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
        .First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    /// <summary>The CIO (whose turn it is in the demo) schedules a concertation at its premises on the first compatible half-day after some days.</summary>
    public static async Task<JsonElement> ScheduleAtCioAsync(HttpClient secretariat, DateOnly from)
    {
        var cio = await PartnerAsync(secretariat, "CIO de Bourges");
        var slot = (await (await secretariat.GetAsync(Url($"sessions/slots?venue={cio}&from={from:yyyy-MM-dd}"))).JsonAsync(HttpStatusCode.OK)).EnumerateArray().First();
        return await (await secretariat.PostAsJsonAsync(Url("sessions"), new
        {
            kind = "Concertation", date = slot.GetProperty("date").GetString(), halfDay = slot.GetProperty("halfDay").GetString(), venuePartnerId = cio,
        })).JsonAsync(HttpStatusCode.Created);
    }

    public static IEnumerable<string> Rules(this JsonElement problem) =>
        problem.GetProperty("rules").EnumerateArray().Select(r => $"{r.GetProperty("field").GetString()}:{r.GetProperty("rule").GetString()}");
}

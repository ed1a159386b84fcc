using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static CelluleHandicap.Tests.CellApi;

namespace CelluleHandicap.Tests;

/// <summary>The cycle through the API: consent rules, the calendar's rules, a session's day, the follow-up, closure, reports.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ConcertationTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private DateOnly Today => ParisTime.Today(factory.Clock);

    [Fact]
    public async Task Without_valid_consent_a_situation_is_refused_with_the_rule_named_and_nothing_is_stored()
    {
        var prescriber = await factory.ClientAsAsync(Prescriber);
        var before = await prescriber.GetStringAsync(Url("situations"));
        var noParent = await (await prescriber.PostAsJsonAsync(Url("situations"), Minor(Today, guardian: false))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("guardianConsent:accord-parental", noParent.Rules());
        // The age is the one at the consent's date: 18 today, but 17 when consent was given last month.
        var turnedEighteen = Minor(Today);
        var json = System.Text.Json.JsonSerializer.SerializeToNode(turnedEighteen)!.AsObject();
        json["birthDate"] = Today.AddYears(-18).AddDays(-5).ToString("yyyy-MM-dd");
        json["consentDate"] = Today.AddDays(-30).ToString("yyyy-MM-dd");
        json["guardianConsent"] = false;
        Assert.Contains("guardianConsent:accord-parental", (await (await prescriber.PostAsJsonAsync(Url("situations"), json)).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        json["birthDate"] = Today.AddYears(-15).ToString("yyyy-MM-dd");
        Assert.Contains("birthDate:age-16-30", (await (await prescriber.PostAsJsonAsync(Url("situations"), json)).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        json["birthDate"] = Today.AddYears(-20).ToString("yyyy-MM-dd");
        json["consentSharing"] = false;
        Assert.Contains("consentPurposes:finalites-consentement", (await (await prescriber.PostAsJsonAsync(Url("situations"), json)).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        json["consentSharing"] = true;
        json["consentDate"] = Today.AddDays(1).ToString("yyyy-MM-dd");
        Assert.Contains("consentDate:consentement-date", (await (await prescriber.PostAsJsonAsync(Url("situations"), json)).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        json["consentDate"] = Today.ToString("yyyy-MM-dd");
        json["lastName"] = "";
        Assert.Contains((await (await prescriber.PostAsJsonAsync(Url("situations"), json)).JsonAsync(HttpStatusCode.BadRequest)).Rules(), r => r.StartsWith("lastName:"));
        Assert.Equal(before, await prescriber.GetStringAsync(Url("situations")));
        // The coordinator, the Région's finance officer and another territory's member cannot submit.
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PostAsJsonAsync(Url("situations"), Minor(Today))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("orleans"))).PostAsJsonAsync(Url("situations"), Minor(Today))).JsonAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().PostAsJsonAsync(Url("situations"), Minor(Today))).JsonAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_secretariat_is_offered_only_the_venue_s_compatible_half_days_and_a_conflicting_choice_is_refused_with_the_rule()
    {
        var secretariat = await factory.ClientAsAsync(Secretariat);
        var cio = await PartnerAsync(secretariat, "CIO de Bourges");
        var slots = (await (await secretariat.GetAsync(Url($"sessions/slots?venue={cio}&weeks=4"))).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.NotEmpty(slots);
        Assert.DoesNotContain(slots, s => DateOnly.Parse(s.GetProperty("date").GetString()!).DayOfWeek == DayOfWeek.Thursday && s.GetProperty("halfDay").GetString() == "Matin");
        Assert.Contains(slots, s => DateOnly.Parse(s.GetProperty("date").GetString()!).DayOfWeek == DayOfWeek.Thursday && s.GetProperty("halfDay").GetString() == "ApresMidi");

        var thursday = Today.AddDays(14);
        while (thursday.DayOfWeek != DayOfWeek.Thursday) thursday = thursday.AddDays(1);
        var before = await secretariat.GetStringAsync(Url("sessions"));
        var refused = await (await secretariat.PostAsJsonAsync(Url("sessions"), new { kind = "Concertation", date = thursday, halfDay = "Matin", venuePartnerId = cio })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("date:indisponibilite-lieu", refused.Rules());
        Assert.Contains("ne reçoit pas le jeudi matin", refused.GetProperty("detail").GetString());
        var mdphVenue = await PartnerAsync(secretariat, "MDPH du Cher");
        var tuesday = thursday.AddDays(5);
        Assert.Contains("date:indisponibilite-lieu", (await (await secretariat.PostAsJsonAsync(Url("sessions"), new { kind = "Concertation", date = tuesday, halfDay = "ApresMidi", venuePartnerId = mdphVenue })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        Assert.Contains("date:jour-ouvre", (await (await secretariat.PostAsJsonAsync(Url("sessions"), new { kind = "Concertation", date = thursday.AddDays(2), halfDay = "Matin", venuePartnerId = cio })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        Assert.Equal(before, await secretariat.GetStringAsync(Url("sessions")));

        // Not the CIO's turn for the MDPH's representative; the CIO's is.
        await (await (await factory.ClientAsAsync(Mdph)).PostAsJsonAsync(Url("sessions"), new { kind = "Concertation", date = thursday, halfDay = "ApresMidi", venuePartnerId = cio })).JsonAsync(HttpStatusCode.Forbidden);
        var session = await (await secretariat.PostAsJsonAsync(Url("sessions"), new { kind = "Concertation", date = thursday, halfDay = "ApresMidi", venuePartnerId = cio })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("CIO de Bourges", session.GetProperty("secretariat").GetString());
        Assert.Equal(thursday.AddDays(-14), DateOnly.Parse(session.GetProperty("agendaDeadline").GetString()!));
        Assert.Contains("date:creneau-pris", (await (await secretariat.PostAsJsonAsync(Url("sessions"), new { kind = "ComitePilotage", date = thursday, halfDay = "ApresMidi", venuePartnerId = cio, secretariatPartnerId = cio })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
    }

    [Fact]
    public async Task A_session_day_records_the_decisions_then_the_follow_up_at_the_next_concertation_and_the_closure_feeds_the_figures()
    {
        var prescriber = await factory.ClientAsAsync(Prescriber);
        var secretariat = await factory.ClientAsAsync(Secretariat);
        var situation = (await SubmitAsync(prescriber, Minor(Today))).GetProperty("id").GetGuid();
        var session = await ScheduleAtCioAsync(secretariat, Today.AddDays(15));
        var sessionId = session.GetProperty("id").GetGuid();
        var sessionDate = DateOnly.Parse(session.GetProperty("date").GetString()!);
        await (await secretariat.PostAsync(Url($"sessions/{sessionId}/publish"), null)).JsonAsync(HttpStatusCode.OK);
        var capEmploi = await PartnerAsync(prescriber, "Cap emploi du Cher");
        var exam = new { sessionId, synthesis = "Fiche complétée avec la MDPH et Cap emploi.", decisions = "Apprentissage accompagné.", nextSteps = new[] { new { partnerId = capEmploi, action = "Chercher un maître d'apprentissage." } } };

        Assert.Contains("sessionId:jour-de-la-seance", (await (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/examinations"), exam)).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        factory.Clock.Advance(TimeSpan.FromDays(sessionDate.DayNumber - Today.DayNumber));
        (prescriber, secretariat) = (await factory.ClientAsAsync(Prescriber), await factory.ClientAsAsync(Secretariat)); // tokens of another day
        await (await secretariat.PostAsJsonAsync(Url($"situations/{situation}/examinations"), exam)).JsonAsync(HttpStatusCode.Forbidden); // the prescriber's
        // Sent twice at once (a double click, two tabs): one examination, the other told so.
        var twice = await Task.WhenAll(prescriber.PostAsJsonAsync(Url($"situations/{situation}/examinations"), exam), prescriber.PostAsJsonAsync(Url($"situations/{situation}/examinations"), exam));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], twice.Select(r => r.StatusCode).Order());
        await (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/examinations"), exam)).JsonAsync(HttpStatusCode.Conflict);
        // No next concertation yet: the follow-up waits for one.
        await (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/follow-ups"), new { text = "Contrat en vue." })).JsonAsync(HttpStatusCode.Conflict);

        var cio = await PartnerAsync(secretariat, "CIO de Bourges");
        var slot = (await (await secretariat.GetAsync(Url($"sessions/slots?venue={cio}&from={Today.AddDays(30):yyyy-MM-dd}"))).JsonAsync(HttpStatusCode.OK)).EnumerateArray().First();
        var next = await (await secretariat.PostAsJsonAsync(Url("sessions"), new { kind = "Concertation", date = slot.GetProperty("date").GetString(), halfDay = slot.GetProperty("halfDay").GetString(), venuePartnerId = cio, secretariatPartnerId = cio })).JsonAsync(HttpStatusCode.Created);
        Assert.True(next.GetProperty("followUpsDue").GetInt32() >= 1);
        var missing = (await (await secretariat.GetAsync(Url($"sessions/{next.GetProperty("id").GetGuid()}"))).JsonAsync(HttpStatusCode.OK));
        Assert.Contains(missing.GetProperty("lines").EnumerateArray(), l => l.GetProperty("situationId").GetGuid() == situation && l.GetProperty("kind").GetString() == "PointDeSituation");
        Assert.Equal(HttpStatusCode.NoContent, (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/follow-ups"), new { text = "Contrat en vue." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/closure"), new { outcome = "SolutionTrouvee", closedOn = ParisTime.Today(factory.Clock) })).StatusCode);

        var file = await (await prescriber.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Cloturee", file.GetProperty("state").GetString());
        Assert.Equal("Chercher un maître d'apprentissage.", file.GetProperty("examinations")[0].GetProperty("nextSteps")[0].GetProperty("action").GetString());
        Assert.True(file.GetProperty("followUps")[0].GetProperty("onTime").GetBoolean());
        await (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/follow-ups"), new { text = "Encore." })).JsonAsync(HttpStatusCode.Conflict);

        // The indicators module receives the counts through the outbox.
        await factory.DispatchOutboxAsync();
        var catalogue = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync("/api/territories/cher/indicators/catalogue")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("situations-examined", catalogue.GetRawText());
    }

    [Fact]
    public async Task The_coordinator_reads_counts_never_names_small_ones_masked_and_exports_the_pseudonymised_table_of_cases()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var year = Today.Year;
        var report = await (await coordinator.GetAsync(Url($"reports/{year}"))).JsonAsync(HttpStatusCode.OK);
        var raw = report.GetRawText();
        foreach (var name in new[] { "Lemoine", "Perrot", "Vasseur", "Chevalier", "Masson", "Jade" }) Assert.DoesNotContain(name, raw);
        Assert.Contains(report.GetProperty("figures").EnumerateArray(), f => f.GetProperty("value").GetString() == "< 5");
        Assert.DoesNotContain(report.GetProperty("figures").EnumerateArray(), f => f.GetProperty("section").GetString() == "Situations" && f.GetProperty("value").GetString() is "1" or "2" or "3" or "4");

        var xlsx = await coordinator.GetAsync(Url($"reports/{year}/cases.xlsx"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = await xlsx.Content.ReadAsStreamAsync())
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Situations").Cast<IDictionary<string, object>>().ToList();
            Assert.All(rows, r => Assert.StartsWith("CHJ-", (string)r["Référence"]));
            Assert.DoesNotContain(rows.SelectMany(r => r.Values).OfType<string>(), v => v.Contains("Lemoine") || v.Contains("Chevalier"));
        }
        await (await (await factory.ClientAsAsync(Outsider)).GetAsync(Url($"reports/{year}/cases.xlsx"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.Coordinator("orleans"))).GetAsync(Url($"reports/{year}"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).GetAsync(Url($"reports/{year}", "loir-et-cher"))).JsonAsync(HttpStatusCode.NotFound);

        var issue = await (await coordinator.PostAsJsonAsync(Url($"reports/{year}/issues"), new { addressee = "Plith", title = "Peu de places en ESAT près de Vierzon", text = "Trois mois d'attente en moyenne." })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Plith", issue.GetProperty("addressee").GetString());
        Assert.Contains((await (await coordinator.PostAsJsonAsync(Url($"reports/{year}/issues"), new { addressee = "Prith", title = "", text = "x" })).JsonAsync(HttpStatusCode.BadRequest)).Rules(), r => r.StartsWith("title:"));
        await (await (await factory.ClientAsAsync(Outsider)).PostAsJsonAsync(Url($"reports/{year}/issues"), new { addressee = "Prith", title = "x", text = "x" })).JsonAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_situation_submitted_after_the_agenda_s_deadline_waits_unless_the_secretariat_accepts_it_and_never_without_valid_consent()
    {
        var secretariat = await factory.ClientAsAsync(Secretariat);
        var session = (await ScheduleAtCioAsync(secretariat, Today.AddDays(7))).GetProperty("id").GetGuid(); // its agenda's deadline has passed
        var prescriber = await factory.ClientAsAsync(Prescriber);
        var late = await SubmitAsync(prescriber, Minor(Today));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, late.GetProperty("sessionId").ValueKind);
        var lateId = late.GetProperty("id").GetGuid();
        var agenda = await (await secretariat.GetAsync(Url($"sessions/{session}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(agenda.GetProperty("lateCandidates").EnumerateArray(), l => l.GetProperty("situationId").GetGuid() == lateId);

        await (await (await factory.ClientAsAsync(Mdph)).PostAsync(Url($"sessions/{session}/agenda/{lateId}"), null)).JsonAsync(HttpStatusCode.Forbidden);
        await (await secretariat.PostAsync(Url($"sessions/{session}/agenda/{lateId}"), null)).JsonAsync(HttpStatusCode.OK);
        agenda = await (await secretariat.GetAsync(Url($"sessions/{session}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(agenda.GetProperty("lines").EnumerateArray(), l => l.GetProperty("situationId").GetGuid() == lateId && l.GetProperty("acceptedLate").GetBoolean());
        await (await secretariat.PostAsync(Url($"sessions/{session}/agenda/{lateId}"), null)).JsonAsync(HttpStatusCode.Conflict);

        var withdrawn = (await SubmitAsync(prescriber, Minor(Today, "Sam"))).GetProperty("id").GetGuid();
        await (await prescriber.PostAsJsonAsync(Url($"situations/{withdrawn}/consent-withdrawal"), new { withdrawnOn = Today })).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("situationId:consentement-valide", (await (await secretariat.PostAsync(Url($"sessions/{session}/agenda/{withdrawn}"), null)).JsonAsync(HttpStatusCode.BadRequest)).Rules());
    }

    [Fact]
    public async Task The_cell_s_counts_of_people_reach_the_dashboards_and_read_less_than_five_below_five_there_too()
    {
        var prescriber = await factory.ClientAsAsync(Prescriber);
        for (var i = 0; i < 5; i++) await SubmitAsync(prescriber, Minor(Today, $"Prénom{i}"));
        await factory.DispatchOutboxAsync();
        var year = Today.Year;
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var dashboard = await (await coordinator.GetAsync($"/api/territories/cher/indicators/dashboards/{year}")).JsonAsync(HttpStatusCode.OK);
        var lines = dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray()).ToDictionary(l => l.GetProperty("code").GetString()!);
        var examined = lines["cellule.situations-examined"].GetProperty("figure");
        Assert.True(examined.GetProperty("masked").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, examined.GetProperty("value").ValueKind);
        Assert.True(lines["cellule.situations-submitted"].GetProperty("figure").GetProperty("value").GetDecimal() >= 5);
        Assert.Contains("< 5", await coordinator.GetStringAsync($"/api/territories/cher/indicators/dashboards/{year}/export.csv"));

        var region = await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).GetAsync($"/api/indicators/dashboards/{year}")).JsonAsync(HttpStatusCode.OK);
        var line = region.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "cellule.situations-examined");
        Assert.True(line.GetProperty("figures").GetProperty("cher").GetProperty("masked").GetBoolean());
        Assert.True(line.GetProperty("figures").GetProperty("region").GetProperty("masked").GetBoolean());
    }

    [Fact]
    public async Task An_agenda_nobody_sent_leaves_by_itself_two_weeks_before_the_session()
    {
        var secretariat = await factory.ClientAsAsync(Secretariat);
        var session = await ScheduleAtCioAsync(secretariat, Today.AddDays(20));
        var deadline = DateOnly.Parse(session.GetProperty("agendaDeadline").GetString()!);
        Task<IReadOnlyList<int>> Run() => factory.InScopeAsync(s => SproHub.Plugins.CelluleHandicap.CellJobs.SendDueAgendasAsync(s.GetRequiredService<IServiceScopeFactory>(), default));
        Assert.All(await Run(), n => Assert.Equal(0, n));
        factory.Clock.Advance(TimeSpan.FromDays(deadline.DayNumber - Today.DayNumber));
        Assert.Equal(1, (await Run()).Sum());
        Assert.Equal(0, (await Run()).Sum()); // once
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => (m.Subject ?? "").StartsWith("Ordre du jour") && (m.TextBody ?? "").Contains("date limite est atteinte"));
        var agenda = await (await (await factory.ClientAsAsync(Mdph)).GetAsync(Url($"sessions/{session.GetProperty("id").GetGuid()}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(agenda.GetProperty("lines").EnumerateArray(), l => l.GetProperty("name").GetString() == "Louis Chevalier"); // the demo's waiting minor
    }

    [Fact]
    public async Task The_coordinator_names_partners_representatives_but_never_themself()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var mdph = await PartnerAsync(coordinator, "MDPH du Cher");
        Assert.Contains("email:soi-meme", (await (await coordinator.PostAsJsonAsync(Url($"partners/{mdph}/representatives"), new { email = DemoAccounts.CherCoordinator, name = "Moi" })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        var partner = await (await coordinator.PostAsJsonAsync(Url($"partners/{mdph}/representatives"), new { email = "Membre@Cher.demo", name = "Un membre" })).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(partner.GetProperty("representatives").EnumerateArray(), r => r.GetProperty("email").GetString() == "membre@cher.demo");
        await (await (await factory.ClientAsAsync(Outsider)).PostAsJsonAsync(Url($"partners/{mdph}/representatives"), new { email = "x@cher.demo", name = "X" })).JsonAsync(HttpStatusCode.Forbidden);
        var added = await (await coordinator.PostAsJsonAsync(Url("partners"), new { name = "Éducation nationale (IEN-IO)", kind = "EducationNationale", hostsSessions = false })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Éducation nationale", added.GetProperty("kindLabel").GetString());
        Assert.Contains("secretariatTurn:secretariat-ml-cio", (await (await coordinator.PostAsJsonAsync(Url("partners"), new { name = "Agefiph bis", kind = "Agefiph", hostsSessions = true, secretariatTurn = 4 })).JsonAsync(HttpStatusCode.BadRequest)).Rules());

        // The MDPH now receives on Tuesday afternoons but no longer on Fridays; a second coordinator's stale edit is refused.
        var before = (await (await coordinator.GetAsync(Url("partners"))).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == mdph);
        var version = before.GetProperty("version").GetInt32();
        var changed = await (await coordinator.PutAsJsonAsync(Url($"partners/{mdph}"), new { hostsSessions = true, unavailabilities = new[] { new { day = "Friday", part = "JourneeEntiere" } }, version })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("le vendredi", changed.GetProperty("unavailabilities").EnumerateArray().Single().GetProperty("label").GetString());
        await (await coordinator.PutAsJsonAsync(Url($"partners/{mdph}"), new { hostsSessions = false, version })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains((await (await coordinator.PutAsJsonAsync(Url($"partners/{mdph}"), new { hostsSessions = true, unavailabilities = new[] { new { day = "Sunday", part = "Matin" } }, version = version + 1 })).JsonAsync(HttpStatusCode.BadRequest)).Rules(), r => r.StartsWith("unavailabilities[0].day"));
        Assert.Contains("secretariatTurn:secretariat-ml-cio", (await (await coordinator.PutAsJsonAsync(Url($"partners/{mdph}"), new { hostsSessions = true, secretariatTurn = 2, version = version + 1 })).JsonAsync(HttpStatusCode.BadRequest)).Rules());
        await (await (await factory.ClientAsAsync(Mdph)).PutAsJsonAsync(Url($"partners/{mdph}"), new { hostsSessions = false, version = version + 1 })).JsonAsync(HttpStatusCode.Forbidden);
        var secretariat = await factory.ClientAsAsync(Secretariat);
        var tuesday = Today.AddDays(14);
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday) tuesday = tuesday.AddDays(1);
        await (await secretariat.PostAsJsonAsync(Url("sessions"), new { kind = "Concertation", date = tuesday, halfDay = "ApresMidi", venuePartnerId = mdph })).JsonAsync(HttpStatusCode.Created);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Host.Platform.Data;
using SproHub.Plugins.Comete.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Territories;
using SproHub.Testing;
using System.Text.Json;
using Xunit;
using static Comete.Tests.CometeApi;

namespace Comete.Tests;

/// <summary>COMETE through its API on a real database, reset before each test.</summary>
[Collection(SharedPlatform.Name)]
public sealed class CometeEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> Coordinator() => factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator);

    [Fact]
    public async Task Anyone_sees_the_programme_with_the_five_2015_shows_and_the_upcoming_one()
    {
        var programme = await (await factory.CreateClient().GetAsync($"{LoirEtCher}/programme")).JsonAsync(HttpStatusCode.OK);
        var past = programme.GetProperty("past").EnumerateArray().Select(s => s.GetProperty("sector").GetString()).ToList();
        Assert.Equal(["Commerce et vente", "Hôtellerie et restauration", "Bois, construction et énergie", "Agriculture", "Industrie"], past);
        Assert.All(programme.GetProperty("past").EnumerateArray(), s => Assert.Equal("Broadcast", s.GetProperty("state").GetString()));
        Assert.Single(programme.GetProperty("upcoming").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, programme.GetProperty("past")[0].GetProperty("history").ValueKind);
        Assert.Empty(programme.GetProperty("past")[0].GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task The_programme_speaks_of_rediffusion_and_of_the_coordination_whoever_holds_it()
    {
        var page = System.Net.WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/t/loir-et-cher/comete"));

        Assert.Contains("Rediffusion terminée", page);
        Assert.Contains("Lucie Marchand — Coordination", page);
        Assert.DoesNotContain("eplay", page.Replace("/comete/replays/", "").Replace("replay.example.org", ""));
        Assert.DoesNotContain("Coordonnateur", page);
    }

    [Fact]
    public async Task The_cached_public_programme_shows_a_change_at_once()
    {
        var listener = factory.CreateClient();
        var before = await listener.GetStringAsync($"{LoirEtCher}/programme");
        Assert.Equal(before, await listener.GetStringAsync($"{LoirEtCher}/programme"));
        var page = await listener.GetStringAsync("/t/loir-et-cher/comete");
        await ScheduleAsync(await Coordinator(), "2027-01-12", "Métiers de la mer");
        Assert.Contains("Métiers de la mer", await listener.GetStringAsync($"{LoirEtCher}/programme"));
        Assert.Contains("Métiers de la mer", System.Net.WebUtility.HtmlDecode(await listener.GetStringAsync("/t/loir-et-cher/comete")));
        Assert.DoesNotContain("Métiers de la mer", System.Net.WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task The_coordinator_schedules_a_show_in_the_series_slot_and_it_is_audited()
    {
        var client = await Coordinator();
        var show = await ScheduleAsync(client, "2027-01-12");
        Assert.Equal("09:00:00", show.GetProperty("startTime").GetString());
        Assert.Equal("10:00:00", show.GetProperty("endTime").GetString());
        Assert.Equal("Planned", show.GetProperty("state").GetString());
        // The entry travels in COMETE's outbox, committed with the show: it is in the log once published.
        await factory.Service<SproHub.Host.Platform.Outbox.OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var audited = await factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditLog
            .AnyAsync(a => a.ModuleId == "comete" && a.Action == "show.scheduled" && a.EntityId == show.GetProperty("id").GetString() && a.TerritoryId == "loir-et-cher"));
        Assert.True(audited);
    }

    [Fact]
    public async Task A_weekend_date_is_refused_naming_the_field_and_the_rule_and_nothing_is_stored()
    {
        var client = await Coordinator();
        var before = await client.GetStringAsync($"{LoirEtCher}/programme");
        var series = await SeriesIdAsync(client);
        var problem = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows", new { seriesId = series, sector = "Santé", date = "2027-01-16" })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(problem, "date", "jour-ouvre");
        Assert.Equal(before, await client.GetStringAsync($"{LoirEtCher}/programme"));
    }

    [Fact]
    public async Task A_show_outside_the_slot_is_refused()
    {
        var client = await Coordinator();
        var series = await SeriesIdAsync(client);
        var problem = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows", new { seriesId = series, sector = "Santé", date = "2027-01-12", startTime = "08:30", endTime = "09:30" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(problem, "startTime", "creneau");
    }

    [Fact]
    public async Task Malformed_and_missing_fields_answer_400_problem_details()
    {
        var client = await Coordinator();
        var malformed = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows", new { seriesId = Guid.NewGuid(), sector = "Santé", date = "demain" })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(malformed, "date", "format");
        var empty = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows", new { })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(empty, "sector", "obligatoire");
        AssertRule(empty, "seriesId", "obligatoire");
    }

    [Fact]
    public async Task An_edit_without_its_version_or_with_bad_fields_is_explained_field_by_field()
    {
        var client = await Coordinator();
        var show = await ScheduleAsync(client, "2027-01-12");
        var id = show.GetProperty("id").GetString();
        var noVersion = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows/{id}/guests", new { name = "X", role = "Employer" })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(noVersion, "version", "obligatoire");
        var tooLong = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows/{id}/guests", new { name = new string('x', 201), role = "Employer", version = 1 })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(tooLong, "name", "longueur-max");
        Assert.DoesNotContain("'Name'", tooLong.GetProperty("detail").GetString());
        var badRole = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows/{id}/guests", new { name = "X", role = "Chef", version = 1 })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(badRole, "role", "format");
        var badSegment = await (await client.PutAsJsonAsync($"{LoirEtCher}/shows/{id}/running-order", new { version = 1, segments = new[] { new { kind = "KeyFigures", title = "a", minutes = -3 } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(badSegment, "segments[0].minutes", "intervalle");
        Assert.Empty((await (await client.GetAsync($"{LoirEtCher}/shows/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("guests").EnumerateArray());
    }

    [Fact]
    public async Task Two_shows_of_one_station_never_overlap()
    {
        var client = await Coordinator();
        await ScheduleAsync(client, "2027-01-12");
        var before = await client.GetStringAsync($"{LoirEtCher}/programme");
        var series = await SeriesIdAsync(client);
        var problem = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows", new { seriesId = series, sector = "Numérique", date = "2027-01-12", startTime = "09:30", endTime = "10:00" }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("chevauchement", problem.GetProperty("rule").GetString());
        Assert.Contains("diffuse déjà", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await client.GetStringAsync($"{LoirEtCher}/programme"));
    }

    [Fact]
    public async Task A_show_is_confirmed_only_with_what_the_seeds_shows_had()
    {
        var client = await Coordinator();
        var show = await ScheduleAsync(client, "2027-01-12");
        async Task Refused(string field, string rule)
        {
            var before = await ShowJsonAsync(client, show);
            AssertRule(await (await TransitionAsync(client, show, "confirm")).JsonAsync(HttpStatusCode.BadRequest), field, rule);
            Assert.Equal(before, await ShowJsonAsync(client, show));
        }
        await Refused("guests", "coordonnateur");
        show = await AddGuestAsync(client, show, "Coordinator");
        show = await AddGuestAsync(client, show, "Employer");
        await Refused("guests", "employeur-et-salarie");
        show = await AddGuestAsync(client, show, "Employee");
        await Refused("guests", "branche-professionnelle");
        show = await AddGuestAsync(client, show, "ProfessionalBranch");
        await Refused("runningOrder", "chiffres-cles-et-temoignages");
        show = await SetRunningOrderAsync(client, show, ("KeyFigures", 30), ("Testimony", 20));
        await Refused("runningOrder", "temoignages-essentiel");
        show = await SetRunningOrderAsync(client, show, ("KeyFigures", 10), ("Testimony", 40));
        var confirmed = await (await TransitionAsync(client, show, "confirm")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed.GetProperty("state").GetString());

        // The branch a confirmed show needs leaves only once replaced.
        var branch = confirmed.GetProperty("guests").EnumerateArray().First(g => g.GetProperty("role").GetString() == "ProfessionalBranch").GetProperty("id").GetString();
        var kept = await (await client.DeleteAsync($"{LoirEtCher}/shows/{confirmed.GetProperty("id").GetString()}/guests/{branch}?version={confirmed.GetProperty("version").GetInt32()}"))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("branche-professionnelle", kept.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Coordinator_two_employers_an_employee_and_the_branch_are_accepted_a_fourth_professional_is_refused()
    {
        var client = await Coordinator();
        var show = await ConfirmableShowAsync(client, "2027-01-12");
        show = await AddGuestAsync(client, show, "Employer", "Deuxième employeur");
        Assert.Equal(5, show.GetProperty("guests").GetArrayLength());
        var before = await ShowJsonAsync(client, show);
        var problem = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/guests",
            new { name = "De trop", role = "Employee", version = show.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(problem, "role", "professionnels-max");
        var secondBranch = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/guests",
            new { name = "Autre branche", role = "ProfessionalBranch", version = show.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(secondBranch, "role", "branche-unique");
        Assert.Equal(before, await ShowJsonAsync(client, show));
        var confirmed = await (await TransitionAsync(client, show, "confirm")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_broadcast_show_cannot_be_moved()
    {
        var client = await Coordinator();
        var show = await ConfirmableShowAsync(client, "2027-01-12");
        show = await (await TransitionAsync(client, show, "confirm")).JsonAsync(HttpStatusCode.OK);
        show = await (await TransitionAsync(client, show, "broadcast")).JsonAsync(HttpStatusCode.OK);
        var before = await ShowJsonAsync(client, show);
        var problem = await (await client.PutAsJsonAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/schedule",
            new { date = "2027-01-13", startTime = "09:00", endTime = "10:00", version = show.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("emission-diffusee", problem.GetProperty("rule").GetString());
        Assert.Equal(before, await ShowJsonAsync(client, show));
    }

    [Fact]
    public async Task A_stale_edit_answers_409_and_overwrites_nothing()
    {
        var client = await Coordinator();
        var show = await ScheduleAsync(client, "2027-01-12");
        await AddGuestAsync(client, show, "Employer", "Première modification");
        var before = await ShowJsonAsync(client, show);
        var problem = await (await client.PostAsJsonAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/guests",
            new { name = "Modification concurrente", role = "Employee", version = show.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("stale-version", problem.GetProperty("rule").GetString());
        Assert.Equal(before, await ShowJsonAsync(client, show));
    }

    [Fact]
    public async Task A_cancelled_show_keeps_its_history_but_leaves_the_public_programme()
    {
        var client = await Coordinator();
        var show = await ScheduleAsync(client, "2027-01-12");
        var cancelled = await (await TransitionAsync(client, show, "cancel")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal(["Émission programmée le 12/01/2027 de 09:00 à 10:00", "Émission annulée"],
            cancelled.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()));
        var id = show.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"{LoirEtCher}/shows/{id}")).StatusCode);
        Assert.DoesNotContain(id!, await factory.CreateClient().GetStringAsync($"{LoirEtCher}/programme"));
        Assert.Equal(HttpStatusCode.Conflict, (await AddGuestAsync2(client, cancelled)).StatusCode);
    }

    private static Task<HttpResponseMessage> AddGuestAsync2(HttpClient client, System.Text.Json.JsonElement show) =>
        client.PostAsJsonAsync($"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/guests", new { name = "X", role = "Employer", version = show.GetProperty("version").GetInt32() });

    [Fact]
    public async Task The_running_order_puts_key_figures_first()
    {
        var client = await Coordinator();
        var show = await ScheduleAsync(client, "2027-01-12");
        var url = $"{LoirEtCher}/shows/{show.GetProperty("id").GetString()}/running-order";
        var version = show.GetProperty("version").GetInt32();
        var problem = await (await client.PutAsJsonAsync(url, new
        {
            version,
            segments = new[] { new { kind = "Testimony", title = "Témoignage", minutes = 20 }, new { kind = "KeyFigures", title = "Chiffres", minutes = 10 } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(problem, "segments[1].kind", "chiffres-cles-d-abord");
        var saved = await (await client.PutAsJsonAsync(url, new
        {
            version,
            segments = new[] { new { kind = "KeyFigures", title = "Chiffres", minutes = 10 }, new { kind = "Testimony", title = "Témoignage", minutes = 20 } },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["KeyFigures", "Testimony"], saved.GetProperty("runningOrder").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Broadcasts_spots_and_replay_views_are_published_for_the_indicators_through_the_outbox()
    {
        var client = await Coordinator();
        var show = await ConfirmableShowAsync(client, "2026-11-10");
        show = await (await TransitionAsync(client, show, "confirm")).JsonAsync(HttpStatusCode.OK);
        show = await (await TransitionAsync(client, show, "broadcast")).JsonAsync(HttpStatusCode.OK);
        var id = show.GetProperty("id").GetString();
        show = await (await client.PutAsJsonAsync($"{LoirEtCher}/shows/{id}/replay", new { url = "https://replay.example.org/sante", availableUntil = "2099-12-31", version = show.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.OK);
        var series = await SeriesIdAsync(client);
        await (await client.PostAsJsonAsync($"{LoirEtCher}/spots", new { seriesId = series, broadcastAt = "2026-11-02T07:30:00+01:00" })).JsonAsync(HttpStatusCode.Created);

        var listener = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var prefetch = new HttpRequestMessage(HttpMethod.Get, $"/t/loir-et-cher/comete/replays/{id}");
        prefetch.Headers.Add("Sec-Purpose", "prefetch");
        Assert.Equal(HttpStatusCode.Redirect, (await listener.SendAsync(prefetch)).StatusCode);
        var follow = await listener.GetAsync($"/t/loir-et-cher/comete/replays/{id}");
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Equal("https://replay.example.org/sante", follow.Headers.Location!.ToString());
        var after = await (await client.GetAsync($"{LoirEtCher}/shows/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, after.GetProperty("replay").GetProperty("views").GetInt32());

        var codes = await factory.InTerritoryAsync("loir-et-cher", async sp =>
        {
            return await sp.GetRequiredService<CometeDbContext>().Set<OutboxMessage>().Where(m => m.ProcessedAt == null).Select(m => m.Payload).ToListAsync();
        });
        Assert.Contains(codes, p => p.Contains("\"IndicatorCode\":\"shows-broadcast\""));
        Assert.Contains(codes, p => p.Contains("\"IndicatorCode\":\"spot-broadcasts\""));
        Assert.Contains(codes, p => p.Contains("\"IndicatorCode\":\"replay-views\""));
        // The Indicators module takes them from the outbox: none is left waiting and the territory's dashboard counts them.
        await factory.Service<SproHub.Host.Platform.Outbox.OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var waiting = await factory.InTerritoryAsync("loir-et-cher", async sp =>
        {
            return await sp.GetRequiredService<CometeDbContext>().Set<OutboxMessage>().Where(m => m.ProcessedAt == null).Select(m => m.Type).ToListAsync();
        });
        Assert.Empty(waiting);
        var dashboard = await (await client.GetAsync("/api/territories/loir-et-cher/indicators/dashboards/2026")).JsonAsync(HttpStatusCode.OK);
        var lines = dashboard.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("lines").EnumerateArray()).ToDictionary(l => l.GetProperty("code").GetString()!);
        Assert.Equal(1m, lines["comete.shows-broadcast"].GetProperty("figure").GetProperty("value").GetDecimal());
        Assert.Equal(1m, lines["comete.replay-views"].GetProperty("figure").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task An_expired_or_unknown_replay_is_not_followed()
    {
        var listener = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var programme = await (await listener.GetAsync($"{LoirEtCher}/programme")).JsonAsync(HttpStatusCode.OK);
        var old = programme.GetProperty("past")[0];
        Assert.False(old.GetProperty("replay").GetProperty("isAvailable").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await listener.GetAsync($"/t/loir-et-cher/comete/replays/{old.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await listener.GetAsync($"/t/loir-et-cher/comete/replays/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_impossible_year_is_a_400()
    {
        var problem = await (await factory.CreateClient().GetAsync($"{LoirEtCher}/programme?year=10000")).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(problem, "year", "intervalle");
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync("/t/loir-et-cher/comete?annee=0")).StatusCode);
    }

    [Fact]
    public async Task Moving_the_series_slot_is_refused_when_a_coming_show_would_fall_outside()
    {
        var client = await Coordinator();
        var series = (await (await client.GetAsync($"{LoirEtCher}/series")).JsonAsync(HttpStatusCode.OK))[0];
        var problem = await (await client.PutAsJsonAsync($"{LoirEtCher}/series/{series.GetProperty("id").GetString()}", new
        {
            name = "COMETE", station = series.GetProperty("station").GetString(), slotStart = "09:30", slotEnd = "10:00", version = series.GetProperty("version").GetInt32(),
        })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(problem, "startTime", "creneau");
        Assert.Equal("09:00:00", (await (await client.GetAsync($"{LoirEtCher}/series")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("slotStart").GetString());
    }

    [Fact]
    public async Task A_cancelled_show_stays_in_the_calendar_as_cancelled()
    {
        var client = await Coordinator();
        var show = await ScheduleAsync(client, WeekdayAhead(30), "Métiers du spectacle");
        await (await TransitionAsync(client, show, "cancel")).JsonAsync(HttpStatusCode.OK);
        var ics = (await factory.CreateClient().GetStringAsync($"{LoirEtCher}/programme.ics")).Replace("\r\n ", "");
        var cancelled = ics.Split("BEGIN:VEVENT").Single(e => e.Contains("Métiers du spectacle"));
        Assert.Contains("STATUS:CANCELLED", cancelled);
    }

    [Fact]
    public async Task The_programme_is_a_calendar_feed()
    {
        var client = await Coordinator();
        var date = WeekdayAhead(40);
        var show = await ScheduleAsync(client, date, "Métiers du numérique");
        var response = await factory.CreateClient().GetAsync($"{LoirEtCher}/programme.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"UID:{show.GetProperty("id").GetString()}@sprohub.comete", ics.Replace("\r\n ", ""));
        Assert.Contains("SUMMARY:COMETE — Métiers du numérique", ics);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{date.Replace("-", "")}T090000", ics);
        Assert.Equal(2, ics.Split("BEGIN:VEVENT").Length - 1); // the demo upcoming show and this one; 2015 is long past
    }

    [Fact]
    public async Task A_spot_broadcast_in_the_future_is_refused()
    {
        var client = await Coordinator();
        var series = await SeriesIdAsync(client);
        var problem = await (await client.PostAsJsonAsync($"{LoirEtCher}/spots", new { seriesId = series, broadcastAt = DateTimeOffset.UtcNow.AddDays(3) })).JsonAsync(HttpStatusCode.BadRequest);
        AssertRule(problem, "broadcastAt", "deja-diffuse");
        var spots = await (await client.GetAsync($"{LoirEtCher}/spots")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(55, spots.GetArrayLength());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;
using Xunit;

namespace Governance.Tests;

/// <summary>Planning the meetings of a local SPRO's network, through the API, with every refusal and denial.</summary>
[Collection(SharedPlatform.Name)]
public sealed class MeetingEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    internal const string Territory = "indre-et-loire";
    internal const string Meetings = $"/api/territories/{Territory}/governance/meetings";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The territory's structures, those serving the whole department first (a local committee always invites them).</summary>
    internal static async Task<List<string>> StructuresAsync(HttpClient client, string territory = Territory) =>
        (await (await client.GetAsync($"/api/network/directory?territory={territory}")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("structures").EnumerateArray().OrderByDescending(s => s.GetProperty("departmentWide").GetBoolean())
            .Select(s => s.GetProperty("id").GetString()!).ToList();

    internal static object Committee(IEnumerable<string> structureIds, string subject = "Comité local de coordination", DateTimeOffset? startsAt = null)
    {
        var start = startsAt ?? new DateTimeOffset(2027, 3, 16, 9, 30, 0, TimeSpan.FromHours(1));
        return new { type = "LocalCommittee", subject, startsAt = start, endsAt = start.AddHours(2), place = "Mission Locale de Tours", agenda = "Tour de table\nForums de printemps", structureIds };
    }

    [Fact]
    public async Task The_coordinator_plans_a_committee_whose_structures_agents_are_invited_by_name()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var structures = await StructuresAsync(coordinator);
        var created = await (await coordinator.PostAsJsonAsync(Meetings, Committee(structures.Take(3)))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, created.GetProperty("structures").GetArrayLength());
        var invitees = created.GetProperty("invitees").EnumerateArray().ToList();
        Assert.NotEmpty(invitees);
        Assert.All(invitees, i => Assert.Contains(i.GetProperty("structureId").GetString(), structures.Take(3)));
        Assert.All(invitees, i => Assert.Equal("Pending", i.GetProperty("reply").GetString()));
        Assert.Equal("Planned", created.GetProperty("summary").GetProperty("status").GetString());

        // Inviting one structure fewer removes its agents; the stale version is refused.
        var id = created.GetProperty("summary").GetProperty("id").GetString();
        var updated = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}", With(Committee(structures.Take(2)), version: 1))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("structures").GetArrayLength());
        Assert.DoesNotContain(updated.GetProperty("invitees").EnumerateArray(), i => i.GetProperty("structureId").GetString() == structures[2]);
        await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}", With(Committee(structures.Take(1)), version: 1))).JsonAsync(HttpStatusCode.Conflict);
        // Inviting it again brings its agents back.
        var again = await (await coordinator.PutAsJsonAsync($"{Meetings}/{id}", With(Committee(structures.Take(3)), version: 2))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(invitees.Count, again.GetProperty("invitees").GetArrayLength());

        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var list = await (await member.GetAsync($"{Meetings}?year=2027")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Comité local de coordination", Assert.Single(list.EnumerateArray()).GetProperty("subject").GetString());
        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync($"/t/{Territory}/reunions/{id}"));
        Assert.Contains("Forums de printemps", page);
    }

    [Fact]
    public async Task The_directors_plenary_invites_every_signatory_of_the_agreement()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var structures = await StructuresAsync(coordinator);
        var start = new DateTimeOffset(2027, 6, 15, 14, 0, 0, TimeSpan.FromHours(2));
        object Plenary(IEnumerable<string> invited) =>
            new { type = "DirectorsPlenary", subject = "Plénière des directeurs", startsAt = start, endsAt = start.AddHours(2), place = "Tours", agenda = "Bilan", structureIds = invited };

        var refused = await (await coordinator.PostAsJsonAsync(Meetings, Plenary(structures.Take(3)))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(refused.GetProperty("rules").EnumerateArray(),
            r => r.GetProperty("field").GetString() == "structureIds" && r.GetProperty("rule").GetString() == "tous-les-signataires");
        await (await coordinator.PostAsJsonAsync(Meetings, Plenary(structures))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_refused_meeting_names_the_field_and_the_rule_and_stores_nothing()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var structures = await StructuresAsync(coordinator);
        var before = (await (await coordinator.GetAsync(Meetings)).JsonAsync(HttpStatusCode.OK)).GetArrayLength();
        var start = new DateTimeOffset(2027, 3, 16, 9, 30, 0, TimeSpan.FromHours(1));

        async Task<string> RuleOf(object body, string field)
        {
            var problem = await (await coordinator.PostAsJsonAsync(Meetings, body)).JsonAsync(HttpStatusCode.BadRequest);
            return problem.GetProperty("rules").EnumerateArray().First(r => r.GetProperty("field").GetString() == field).GetProperty("rule").GetString()!;
        }
        Assert.Equal("fin-apres-debut", await RuleOf(new { type = "LocalCommittee", subject = "Comité", startsAt = start, endsAt = start.AddHours(-1), place = "Tours", agenda = "Point", structureIds = structures }, "endsAt"));
        Assert.Equal("lieu-ou-visio", await RuleOf(new { type = "LocalCommittee", subject = "Comité", startsAt = start, endsAt = start.AddHours(1), agenda = "Point", structureIds = structures }, "place"));
        Assert.Equal("lien-web", await RuleOf(new { type = "LocalCommittee", subject = "Comité", startsAt = start, endsAt = start.AddHours(1), videoLink = "salle 3", agenda = "Point", structureIds = structures }, "videoLink"));
        Assert.Equal("obligatoire", await RuleOf(new { type = "LocalCommittee", subject = "Comité", startsAt = start, endsAt = start.AddHours(1), place = "Tours", agenda = "", structureIds = structures }, "agenda"));
        var cher = await StructuresAsync(coordinator, "cher");
        Assert.Equal("structure-du-territoire", await RuleOf(Committee(cher.Take(1)), "structureIds"));
        // Cap emploi serves the whole department: a local committee without it is refused, a departmental meeting is not.
        Assert.Equal("structures-departementales", await RuleOf(Committee(structures.Skip(1).Take(2)), "structureIds"));
        var departmental = new { type = "DepartmentalCoordination", subject = "Coordination", startsAt = start, endsAt = start.AddHours(1), place = "Tours", agenda = "Point", structureIds = structures.Skip(1).Take(2) };
        await (await coordinator.PostAsJsonAsync(Meetings, departmental)).JsonAsync(HttpStatusCode.Created);
        before++;

        Assert.Equal(before, (await (await coordinator.GetAsync(Meetings)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        await (await coordinator.GetAsync($"{Meetings}?year=0")).JsonAsync(HttpStatusCode.BadRequest);
        await (await coordinator.GetAsync($"/api/territories/{Territory}/governance/cadence?year=99999")).JsonAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_territory_s_coordinator_plans_and_only_its_network_reads()
    {
        var structures = await StructuresAsync(factory.CreateClient());
        await (await factory.CreateClient().GetAsync(Meetings)).JsonAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateClient().PostAsJsonAsync(Meetings, Committee(structures))).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).PostAsJsonAsync(Meetings, Committee(structures))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PostAsJsonAsync(Meetings, Committee(structures))).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherMember)).GetAsync(Meetings)).JsonAsync(HttpStatusCode.Forbidden);

        // A meeting of Indre-et-Loire is not found from Cher, even by its id.
        var demo = (await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember)).GetAsync(Meetings)).JsonAsync(HttpStatusCode.OK))[0].GetProperty("id").GetString();
        var cher = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        await (await cher.GetAsync($"/api/territories/cher/governance/meetings/{demo}")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await cher.GetAsync("/api/territories/cher/governance/meetings")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task The_demo_year_shows_held_committees_with_their_attendance_rate()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var meetings = (await (await member.GetAsync(Meetings)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var held = meetings.Where(m => m.GetProperty("status").GetString() == "Held").ToList();
        Assert.NotEmpty(held);
        Assert.All(held, m => Assert.True(m.GetProperty("attendancePercent").GetDecimal() is > 0 and <= 100));
        Assert.Contains(meetings, m => m.GetProperty("status").GetString() == "Planned");
    }

    internal static object With(object body, int version)
    {
        var json = JsonSerializer.SerializeToNode(body)!.AsObject();
        json["version"] = version;
        return json;
    }
}

/// <summary>A structure serving a whole department is invited by every local SPRO of the department.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DepartmentWideStructureTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_neighbouring_local_SPRO_s_departmental_structure_is_always_invited_to_the_local_committee()
    {
        // Orléans's coordinator records a structure serving the whole Loiret.
        var orleans = await factory.ClientAsAsync(DemoAccounts.Coordinator("orleans"));
        var capEmploi = await (await orleans.PostAsJsonAsync("/api/territories/orleans/network/structures",
            new { name = "Cap emploi du Loiret", type = "CapEmploi", town = "Orléans", departmentWide = true })).JsonAsync(HttpStatusCode.Created);
        var id = capEmploi.GetProperty("id").GetString();

        var montargis = await factory.ClientAsAsync(DemoAccounts.Coordinator("montargis-gien"));
        var own = await (await montargis.PostAsJsonAsync("/api/territories/montargis-gien/network/structures", new { name = "Mission Locale de Montargis", type = "MissionLocale", town = "Montargis" }))
            .JsonAsync(HttpStatusCode.Created);
        var api = "/api/territories/montargis-gien/governance/meetings";
        var without = await (await montargis.PostAsJsonAsync(api, MeetingEndpointTests.Committee([own.GetProperty("id").GetString()!]))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("structures-departementales", without.GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Contains("Cap emploi du Loiret", without.GetProperty("rules")[0].GetProperty("message").GetString());
        var with = await (await montargis.PostAsJsonAsync(api, MeetingEndpointTests.Committee([own.GetProperty("id").GetString()!, id!]))).JsonAsync(HttpStatusCode.Created);
        Assert.Contains(with.GetProperty("structures").EnumerateArray(), s => s.GetProperty("name").GetString() == "Cap emploi du Loiret");
        // Another department's local committee neither must nor may invite it.
        var cher = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var cherStructures = await MeetingEndpointTests.StructuresAsync(cher, "cher");
        var elsewhere = await (await cher.PostAsJsonAsync("/api/territories/cher/governance/meetings", MeetingEndpointTests.Committee(cherStructures.Append(id!)))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("structure-du-territoire", elsewhere.GetProperty("rules")[0].GetProperty("rule").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Testing;
using Xunit;

namespace Budgets.Tests;

/// <summary>The carrier's subsidy request through the API: drafted, checked, filed; late only with the Région's leave.</summary>
[Collection(SharedPlatform.Name)]
public sealed class SubsidyRequestTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Api = "/api/territories/indre-et-loire/budgets/requests";
    private static readonly int NextYear = DateTime.Today.Year + 1;

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static object Lines(decimal coordination, int version = 0) => new
    {
        lines = new object[]
        {
            new { kind = "Project", label = "Forum des métiers", amount = 7_000m },
            new { kind = "Project", label = "Semaine contre les préjugés", amount = 3_500m },
            new { kind = "Coordination", label = "Coordination du SPRO", amount = coordination },
        },
        version,
    };

    [Fact]
    public async Task The_carrier_drafts_and_files_its_request_and_the_30_percent_cap_is_enforced()
    {
        // The coordinator of Indre-et-Loire is an agent of its carrier, the Mission Locale de Tours.
        var carrier = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var empty = await (await carrier.GetAsync($"{Api}/{NextYear}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(empty.GetProperty("mayEdit").GetBoolean());
        Assert.Empty(empty.GetProperty("lines").EnumerateArray());

        var over = await (await carrier.PutAsJsonAsync($"{Api}/{NextYear}", Lines(4_500.01m))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("lines", "coordination-30"), (over.GetProperty("rules")[0].GetProperty("field").GetString(), over.GetProperty("rules")[0].GetProperty("rule").GetString()));
        Assert.Empty((await (await carrier.GetAsync($"{Api}/{NextYear}")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").EnumerateArray());

        var saved = await (await carrier.PutAsJsonAsync($"{Api}/{NextYear}", Lines(4_500m))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((15_000m, 4_500m), (saved.GetProperty("total").GetDecimal(), saved.GetProperty("maxCoordination").GetDecimal()));
        var cents = await (await carrier.PutAsJsonAsync($"{Api}/{NextYear}", Lines(1.005m, saved.GetProperty("version").GetInt32()))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("centimes", cents.GetProperty("rules")[0].GetProperty("rule").GetString());
        await (await carrier.PostAsJsonAsync($"{Api}/{NextYear}/filing", new { version = 99 })).JsonAsync(HttpStatusCode.Conflict);
        var filed = await (await carrier.PostAsJsonAsync($"{Api}/{NextYear}/filing", new { version = saved.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Filed", filed.GetProperty("status").GetString());
        var locked = await (await carrier.PutAsJsonAsync($"{Api}/{NextYear}", Lines(100m, filed.GetProperty("version").GetInt32()))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("demande-deposee", locked.GetProperty("rules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task After_the_deadline_only_the_Région_s_leave_lets_the_carrier_file()
    {
        var carrier = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var saved = await (await carrier.PutAsJsonAsync($"{Api}/{NextYear}", Lines(1_000m))).JsonAsync(HttpStatusCode.OK);
        factory.Clock.Advance(new DateTime(NextYear, 1, 20) - DateTime.Today);
        carrier = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator); // a token of that day
        var late = await (await carrier.PostAsJsonAsync($"{Api}/{NextYear}/filing", new { version = saved.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("date-limite", late.GetProperty("rules")[0].GetProperty("rule").GetString());

        var version = saved.GetProperty("version").GetInt32();
        await (await carrier.PostAsJsonAsync($"{Api}/{NextYear}/late-filing", new { reason = "Conseil d'administration reporté", version })).JsonAsync(HttpStatusCode.Forbidden);
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PostAsJsonAsync($"{Api}/{NextYear}/late-filing", new { reason = "Conseil d'administration reporté", version = version + 5 })).JsonAsync(HttpStatusCode.Conflict);
        var allowed = await (await admin.PostAsJsonAsync($"{Api}/{NextYear}/late-filing", new { reason = "Conseil d'administration reporté", version })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Conseil d'administration reporté", allowed.GetProperty("lateAllowedBecause").GetString());
        var filed = await (await carrier.PostAsJsonAsync($"{Api}/{NextYear}/filing", new { version = allowed.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.OK);
        // Once filed, there is no late filing left to allow: the recorded reason stays.
        var again = await (await admin.PostAsJsonAsync($"{Api}/{NextYear}/late-filing", new { reason = "Autre raison", version = filed.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("demande-deposee", again.GetProperty("rules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_coordination_subsidy_is_one_flat_line_and_only_the_carrier_writes_the_request()
    {
        var carrier = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        var twice = await (await carrier.PutAsJsonAsync($"{Api}/{NextYear}", new
        {
            lines = new object[] { new { kind = "Project", label = "Forum", amount = 10_000m }, new { kind = "Coordination", label = "Coordination", amount = 1_000m }, new { kind = "Coordination", label = "Animation", amount = 1_000m } },
            version = 0,
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("lines", "coordination-forfaitaire"), (twice.GetProperty("rules")[0].GetProperty("field").GetString(), twice.GetProperty("rules")[0].GetProperty("rule").GetString()));
        // The Région's finance officer holds the request permission everywhere but is not the carrier's agent.
        await (await (await factory.ClientAsAsync(DemoAccounts.RegionFinance)).PutAsJsonAsync($"{Api}/{NextYear}", Lines(100m))).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await (await carrier.GetAsync($"{Api}/{NextYear}")).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task The_Région_opens_a_year_s_agreement_with_a_carrier_of_the_territory()
    {
        var finance = await factory.ClientAsAsync(DemoAccounts.RegionFinance);
        var structures = await factory.InScopeAsync(sp => sp.GetRequiredService<SproHub.Shared.Network.IStructureDirectory>().ListAsync("indre-et-loire"));
        var tours = structures.Single(s => s.Type == "Mission Locale" && s.Town == "Tours");
        var bourges = (await factory.InScopeAsync(sp => sp.GetRequiredService<SproHub.Shared.Network.IStructureDirectory>().ListAsync("cher")))[0];
        var year = NextYear + 1;
        var elsewhere = await (await finance.PostAsJsonAsync("/api/territories/indre-et-loire/budgets/agreements", new { year, carrierStructureId = bourges.Id, requestDeadline = $"{year}-01-13" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("porteur-du-territoire", elsewhere.GetProperty("rules")[0].GetProperty("rule").GetString());
        var late = await (await finance.PostAsJsonAsync("/api/territories/indre-et-loire/budgets/agreements", new { year, carrierStructureId = tours.Id, requestDeadline = $"{year + 1}-01-13" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("requestDeadline", late.GetProperty("rules")[0].GetProperty("field").GetString());
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).PostAsJsonAsync("/api/territories/indre-et-loire/budgets/agreements", new { year, carrierStructureId = tours.Id, requestDeadline = $"{year}-01-13" })).JsonAsync(HttpStatusCode.Forbidden);

        var opened = await (await finance.PostAsJsonAsync("/api/territories/indre-et-loire/budgets/agreements", new { year, carrierStructureId = tours.Id, requestDeadline = $"{year}-01-13" })).JsonAsync(HttpStatusCode.OK);
        // The Mission Locale de Tours is the designated coordinator's structure: it may ask the coordination subsidy.
        Assert.Equal((true, $"{year}-12-31"), (opened.GetProperty("carrierCoordinates").GetBoolean(), opened.GetProperty("endsOn").GetString()));
        await (await finance.PostAsJsonAsync("/api/territories/indre-et-loire/budgets/agreements", new { year, carrierStructureId = tours.Id, requestDeadline = $"{year}-01-13" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.True((await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent)).GetAsync($"{Api}/{year}")).JsonAsync(HttpStatusCode.OK)).GetProperty("mayEdit").GetBoolean());
    }

    [Fact]
    public async Task Only_the_carrier_s_agents_request_and_only_the_territory_reads()
    {
        // The carrier's administrator (not the coordinator) drafts; the coordinator reads; the CIO's agent sees nothing.
        var agent = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCarrierAgent);
        Assert.True((await (await agent.GetAsync($"{Api}/{NextYear}")).JsonAsync(HttpStatusCode.OK)).GetProperty("mayEdit").GetBoolean());
        await (await agent.PutAsJsonAsync($"{Api}/{NextYear}", Lines(100m))).JsonAsync(HttpStatusCode.OK);
        var current = await (await agent.GetAsync($"{Api}/{DateTime.Today.Year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(15_000m, current.GetProperty("total").GetDecimal());
        Assert.False(current.GetProperty("mayEdit").GetBoolean()); // filed

        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var refused = await (await member.GetAsync($"{Api}/{DateTime.Today.Year}")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("structure porteuse", refused.GetProperty("detail").GetString());
        await (await member.PutAsJsonAsync($"{Api}/{NextYear}", Lines(100m))).JsonAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync($"{Api}/{NextYear}/spending")).JsonAsync(HttpStatusCode.Forbidden);

        await (await factory.CreateClient().GetAsync($"{Api}/{NextYear}")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"{Api}/{NextYear}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync($"/api/territories/cher/budgets/requests/{NextYear}")).JsonAsync(HttpStatusCode.NotFound);
    }
}

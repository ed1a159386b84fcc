using System.Net;
using System.Net.Http.Json;
using SproHub.Network.Structures;
using SproHub.Testing;
using Xunit;

namespace Network.Tests;

/// <summary>Opening hours as the directory reads and shows them.</summary>
public sealed class OpeningHoursTests
{
    private static OpeningSlot Slot(DayOfWeek day, int opens, int closes) => new() { Day = day, Opens = new TimeOnly(opens, 0), Closes = new TimeOnly(closes, 0) };

    [Fact]
    public void A_day_is_typed_as_ranges_and_described_in_French()
    {
        Assert.Equal([(new TimeOnly(9, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 30), new TimeOnly(17, 0))], OpeningHours.ParseDay("09:00-12:00, 13h30 – 17h"));
        Assert.Empty(OpeningHours.ParseDay(" ")!);
        Assert.Null(OpeningHours.ParseDay("le matin"));
        var described = OpeningHours.Describe([Slot(DayOfWeek.Tuesday, 14, 17), Slot(DayOfWeek.Monday, 9, 12), new OpeningSlot { Day = DayOfWeek.Monday, Opens = new TimeOnly(13, 30), Closes = new TimeOnly(17, 0) }]);
        Assert.Equal([("lundi", "9 h – 12 h, 13 h 30 – 17 h"), ("mardi", "14 h – 17 h")], described);
    }

    [Fact]
    public void Ranges_must_be_in_order_and_not_overlap()
    {
        Assert.Null(OpeningHours.Check([Slot(DayOfWeek.Monday, 9, 12), Slot(DayOfWeek.Monday, 13, 17)]));
        Assert.Equal("horaires-ordonnes", OpeningHours.Check([Slot(DayOfWeek.Monday, 12, 9)])!.Value.Rule);
        Assert.Equal("horaires-chevauchement", OpeningHours.Check([Slot(DayOfWeek.Friday, 9, 12), Slot(DayOfWeek.Friday, 11, 17)])!.Value.Rule);
    }

    [Fact]
    public void Open_now_is_read_on_the_Paris_clock() =>
        Assert.Equal([true, false, false], new[] { new DateTime(2026, 11, 23, 10, 0, 0), new DateTime(2026, 11, 23, 12, 0, 0), new DateTime(2026, 11, 24, 10, 0, 0) }
            .Select(at => OpeningHours.IsOpen([Slot(DayOfWeek.Monday, 9, 12)], at)));
}

/// <summary>Reception points of a structure: kept by the coordinator, found and shown by the public directory.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ReceptionPointTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Cher = "/api/territories/cher/network";

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> StructureAsync(string query) =>
        (await (await factory.CreateClient().GetAsync($"/api/network/directory?{query}")).JsonAsync(HttpStatusCode.OK)).GetProperty("structures")[0].GetProperty("id").GetString()!;

    private static object Point(string town = "Sancoins", object? hours = null) => new
    {
        name = $"Antenne de {town}", address = "1 place de l'Exemple", town, phone = "02 48 00 00 00", @public = new[] { "DemandeursEmploi" },
        hours = hours ?? new[] { new { day = "Monday", opens = "09:00", closes = "12:00" }, new { day = "Wednesday", opens = "14:00", closes = "17:00" } },
    };

    [Fact]
    public async Task An_antenna_makes_its_structure_found_by_its_town_and_public_and_shows_its_hours()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var ml = await StructureAsync("q=mission%20bourges");
        Assert.Equal(0, (await (await factory.CreateClient().GetAsync("/api/network/directory?q=sancoins")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var added = await (await coordinator.PostAsJsonAsync($"{Cher}/structures/{ml}/reception-points", Point())).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["lundi : 9 h – 12 h", "mercredi : 14 h – 17 h"], added.GetProperty("hoursText").EnumerateArray().Select(h => h.GetString()));

        var found = await (await factory.CreateClient().GetAsync("/api/network/directory?q=sancoins")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(ml, found.GetProperty("structures")[0].GetProperty("id").GetString());
        var byPublic = await (await factory.CreateClient().GetAsync("/api/network/directory?territory=cher&public=DemandeursEmploi&q=mission")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(byPublic.GetProperty("structures").EnumerateArray(), s => s.GetProperty("id").GetString() == ml);
        // Editing the structure itself keeps its antenna's town searchable.
        var current = await (await coordinator.GetAsync($"{Cher}/structures/{ml}")).JsonAsync(HttpStatusCode.OK);
        await (await coordinator.PutAsJsonAsync($"{Cher}/structures/{ml}", new { name = current.GetProperty("name").GetString(), type = "MissionLocale", town = "Bourges", version = current.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await (await factory.CreateClient().GetAsync("/api/network/directory?q=sancoins")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var sheet = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/annuaire/{ml}"));
        Assert.Contains("Antenne de Sancoins", sheet);
        Assert.Contains("mercredi : 14 h – 17 h", sheet);

        // Edited with its version, then removed: the directory forgets the town.
        var id = added.GetProperty("id").GetString();
        var moved = await (await coordinator.PutAsJsonAsync($"{Cher}/reception-points/{id}", new { name = "Antenne de Nérondes", address = "2 rue de l'Exemple", town = "Nérondes", version = 1 })).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(moved.GetProperty("hours").EnumerateArray());
        await (await coordinator.PutAsJsonAsync($"{Cher}/reception-points/{id}", new { name = "X", address = "Y", town = "Z", version = 1 })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await (await factory.CreateClient().GetAsync("/api/network/directory?q=nerondes")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await coordinator.PostAsJsonAsync($"{Cher}/reception-points/{id}/removal", new { version = 2 })).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await (await factory.CreateClient().GetAsync("/api/network/directory?q=nerondes")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Refused_hours_name_the_rule_store_nothing_and_other_territories_cannot_touch_it()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var ml = await StructureAsync("q=mission%20bourges");
        var overlap = await (await coordinator.PostAsJsonAsync($"{Cher}/structures/{ml}/reception-points",
            Point(hours: new[] { new { day = "Friday", opens = "09:00", closes = "12:00" }, new { day = "Friday", opens = "11:00", closes = "17:00" } }))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("hours", "horaires-chevauchement"), (overlap.GetProperty("rules")[0].GetProperty("field").GetString(), overlap.GetProperty("rules")[0].GetProperty("rule").GetString()));
        var noDay = await (await coordinator.PostAsJsonAsync($"{Cher}/structures/{ml}/reception-points", Point(hours: new[] { new { day = 9, opens = "09:00", closes = "12:00" } })))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("jour-connu", noDay.GetProperty("rules")[0].GetProperty("rule").GetString());
        var noAddress = await (await coordinator.PostAsJsonAsync($"{Cher}/structures/{ml}/reception-points", new { name = "Antenne", address = "", town = "Sancoins" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("address", noAddress.GetProperty("rules")[0].GetProperty("field").GetString());
        Assert.Empty((await (await factory.CreateClient().GetAsync($"/api/network/directory/{ml}")).JsonAsync(HttpStatusCode.OK)).GetProperty("receptionPoints").EnumerateArray());

        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator)).PostAsJsonAsync($"/api/territories/loir-et-cher/network/structures/{ml}/reception-points", Point()))
            .JsonAsync(HttpStatusCode.NotFound);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherCoordinator)).PostAsJsonAsync($"{Cher}/structures/{ml}/reception-points", Point())).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("cher"))).PostAsJsonAsync($"{Cher}/structures/{ml}/reception-points", Point())).JsonAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().PostAsJsonAsync($"{Cher}/structures/{ml}/reception-points", Point())).JsonAsync(HttpStatusCode.Unauthorized);
    }
}

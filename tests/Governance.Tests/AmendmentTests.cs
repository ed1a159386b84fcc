using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>An amendment from the Région's draft to every signature, its compilation and the new signatories.</summary>
[Collection(SharedPlatform.Name)]
public sealed class AmendmentTests(SproHubFactory factory) : IAsyncLifetime
{
    private const string Api = $"/api/territories/{Territory}/governance";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();

    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();
    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private async Task<(JsonElement Agreement, string NewPartner)> ImplementationAgreementAsync(HttpClient admin)
    {
        var agreements = await (await admin.GetAsync($"{Api}/agreements")).JsonAsync(HttpStatusCode.OK);
        var implementation = agreements.EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "Implementation");
        // A structure of the territory that has not signed yet: a new one, added for the test.
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var created = await (await coordinator.PostAsJsonAsync($"/api/territories/{Territory}/network/structures", new { name = "Point A de Loches", type = "PointA", town = "Loches" })).JsonAsync(HttpStatusCode.Created);
        return (implementation, Id(created));
    }

    private static async Task<HttpResponseMessage> ScanAsync(HttpClient client, string amendment, string structure, byte[] content, string contentType, string signedOn)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PutAsync($"{Api}/amendments/{amendment}/signatures/{structure}/scan?signedOn={signedOn}&signatoryName=Direction&signatoryRole=directrice&fileName=avenant%20sign%C3%A9.pdf", body);
    }

    [Fact]
    public async Task From_the_Région_s_draft_through_every_signature_to_the_new_signatory()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var (agreement, partner) = await ImplementationAgreementAsync(admin);
        var today = DateOnly.FromDateTime(DateTime.Today);

        var draft = await (await admin.PostAsJsonAsync($"{Api}/agreements/{Id(agreement)}/amendments", new { title = "Adhésion du Point A de Loches", purpose = "Le Point A rejoint le réseau.", newPartnerIds = new[] { partner } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, draft.GetProperty("number").GetInt32()); // after the demo's two
        var twice = await (await admin.PostAsJsonAsync($"{Api}/agreements/{Id(agreement)}/amendments", new { title = "Encore", newPartnerIds = new[] { partner } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("avenant-en-cours", twice.GetProperty("rules")[0].GetProperty("rule").GetString());
        var signatory = agreement.GetProperty("signatories")[0].GetProperty("structureId").GetString();
        var already = await (await admin.PostAsJsonAsync($"{Api}/agreements/{Id(agreement)}/amendments", new { title = "Encore", newPartnerIds = new[] { signatory } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("deja-signataire", already.GetProperty("rules")[0].GetProperty("rule").GetString());
        await (await coordinator.PostAsJsonAsync($"{Api}/amendments/{Id(draft)}/sending", new { version = Version(draft) })).JsonAsync(HttpStatusCode.Forbidden);
        var wrongStep = await (await admin.PostAsJsonAsync($"{Api}/amendments/{Id(draft)}/sending", new { version = Version(draft) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("etape-avenant", wrongStep.GetProperty("rules")[0].GetProperty("rule").GetString());
        var noDate = await (await admin.PostAsJsonAsync($"{Api}/amendments/{Id(draft)}/vote", new { version = Version(draft) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("cprVoteOn", noDate.GetProperty("rules")[0].GetProperty("field").GetString());
        var voted = await (await admin.PostAsJsonAsync($"{Api}/amendments/{Id(draft)}/vote", new { cprVoteOn = today.AddDays(-2), version = Version(draft) })).JsonAsync(HttpStatusCode.OK);
        var sent = await (await admin.PostAsJsonAsync($"{Api}/amendments/{Id(voted)}/sending", new { version = Version(voted) })).JsonAsync(HttpStatusCode.OK);
        var signatures = sent.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(agreement.GetProperty("signatories").GetArrayLength() + 1, signatures.Count);
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.To.Mailboxes.Single().Address == DemoAccounts.IndreEtLoireCoordinator && (m.Subject ?? "").Contains("à transmettre"));

        // Signing opens once the coordinator forwarded it to the members.
        var cio = signatures.Single(s => s.GetProperty("structureName").GetString() == "CIO de Tours").GetProperty("structureId").GetString();
        var tooEarly = await (await member.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/signatures", new { structureId = cio, signedOn = today, signatoryName = "Maëlle Guérin", signatoryRole = "par délégation", acknowledged = true }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("etape-avenant", tooEarly.GetProperty("rules")[0].GetProperty("rule").GetString());
        var forwarded = await (await coordinator.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/forwarding", new { version = Version(sent) })).JsonAsync(HttpStatusCode.OK);
        await factory.DispatchOutboxAsync();
        Assert.Contains(factory.SentMails(), m => m.To.Mailboxes.Single().Address == DemoAccounts.IndreEtLoireMember && (m.Subject ?? "").Contains("à signer"));

        // The member signs for her own structure; not for another one.
        var other = signatures.First(s => s.GetProperty("structureId").GetString() != cio).GetProperty("structureId").GetString();
        await (await member.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/signatures", new { structureId = other, signedOn = today, signatoryName = "X", signatoryRole = "Y", acknowledged = true })).JsonAsync(HttpStatusCode.Forbidden);
        // Refused for lack of the right before anything about the request is judged.
        await (await member.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/signatures", new { structureId = other, signedOn = today, signatoryName = "", signatoryRole = "", acknowledged = false })).JsonAsync(HttpStatusCode.Forbidden);
        var noProof = await (await member.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/signatures", new { structureId = cio, signedOn = today, signatoryName = "Maëlle Guérin", signatoryRole = "par délégation", acknowledged = false }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("preuve-de-signature", noProof.GetProperty("rules")[0].GetProperty("rule").GetString());
        var signed = await (await member.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/signatures", new { structureId = cio, signedOn = today, signatoryName = "Maëlle Guérin", signatoryRole = "par délégation", acknowledged = true }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, signed.GetProperty("signedCount").GetInt32());
        await (await member.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/signatures", new { structureId = cio, signedOn = today, signatoryName = "Maëlle Guérin", signatoryRole = "par délégation", acknowledged = true }))
            .JsonAsync(HttpStatusCode.Conflict);

        // Reminders reach those who have not signed; compiling waits for everyone.
        var reminded = await (await coordinator.PostAsync($"{Api}/amendments/{Id(sent)}/reminders", null)).JsonAsync(HttpStatusCode.OK);
        Assert.All(reminded.GetProperty("signatures").EnumerateArray().Where(s => !s.GetProperty("signed").GetBoolean()), s => Assert.Equal(1, s.GetProperty("reminders").GetInt32()));
        await factory.DispatchOutboxAsync();
        Assert.DoesNotContain(factory.SentMails(), m => m.To.Mailboxes.Single().Address == DemoAccounts.IndreEtLoireMember && (m.Subject ?? "").StartsWith("Relance"));
        var incomplete = await (await admin.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/compilation", new { compiledOn = today, version = Version(reminded) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("signatures-completes", incomplete.GetProperty("rules")[0].GetProperty("rule").GetString());

        // The coordinator records the others from their scanned copies.
        JsonElement last = reminded;
        foreach (var s in reminded.GetProperty("signatures").EnumerateArray().Where(s => !s.GetProperty("signed").GetBoolean()))
            last = await (await ScanAsync(coordinator, Id(sent), s.GetProperty("structureId").GetString()!, Pdf, "application/pdf", today.ToString("yyyy-MM-dd"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(last.GetProperty("signatures").GetArrayLength(), last.GetProperty("signedCount").GetInt32());
        var copy = await member.GetAsync($"{Api}/amendments/{Id(sent)}/signatures/{other}/scan");
        Assert.Equal(Pdf, await copy.Content.ReadAsByteArrayAsync());

        var compiled = await (await admin.PostAsJsonAsync($"{Api}/amendments/{Id(sent)}/compilation", new { compiledOn = today, version = Version(last) })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Compiled", compiled.GetProperty("status").GetString());
        var before = await (await member.GetAsync($"{Api}/agreements/{Id(agreement)}?signatoriesOn={today.AddDays(-1):yyyy-MM-dd}")).JsonAsync(HttpStatusCode.OK);
        var now = await (await member.GetAsync($"{Api}/agreements/{Id(agreement)}")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(before.GetProperty("signatories").EnumerateArray(), p => p.GetProperty("structureId").GetString() == partner);
        Assert.Equal(3, now.GetProperty("signatories").EnumerateArray().Single(p => p.GetProperty("structureId").GetString() == partner).GetProperty("amendmentNumber").GetInt32());
    }

    [Fact]
    public async Task A_scan_is_judged_by_its_content_and_a_refused_one_stores_nothing()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var agreements = await (await coordinator.GetAsync($"{Api}/agreements")).JsonAsync(HttpStatusCode.OK);
        var open = agreements.EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "Implementation").GetProperty("amendments").EnumerateArray().Single(a => a.GetProperty("status").GetString() == "Forwarded");
        var waiting = open.GetProperty("signatures").EnumerateArray().First(s => !s.GetProperty("signed").GetBoolean()).GetProperty("structureId").GetString()!;
        var filesBefore = Directory.Exists(Path.Combine(factory.DataFolder, "files")) ? Directory.GetFiles(Path.Combine(factory.DataFolder, "files"), "*", SearchOption.AllDirectories).Length : 0;

        var script = await (await ScanAsync(coordinator, Id(open), waiting, "<html><script>alert(1)</script></html>"u8.ToArray(), "application/pdf", DateTime.Today.ToString("yyyy-MM-dd"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("scan", "type-de-fichier"), (script.GetProperty("rules")[0].GetProperty("field").GetString(), script.GetProperty("rules")[0].GetProperty("rule").GetString()));
        var future = await (await ScanAsync(coordinator, Id(open), waiting, Pdf, "application/pdf", DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("date-de-signature", future.GetProperty("rules")[0].GetProperty("rule").GetString());
        var acknowledgementForOthers = await (await coordinator.PostAsJsonAsync($"{Api}/amendments/{Id(open)}/signatures", new { structureId = waiting, signedOn = DateOnly.FromDateTime(DateTime.Today), signatoryName = "X", signatoryRole = "Y", acknowledged = true }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("copie-scannee-requise", acknowledgementForOthers.GetProperty("rules")[0].GetProperty("rule").GetString());

        var filesAfter = Directory.Exists(Path.Combine(factory.DataFolder, "files")) ? Directory.GetFiles(Path.Combine(factory.DataFolder, "files"), "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(filesBefore, filesAfter);
        var unchanged = await (await coordinator.GetAsync($"{Api}/amendments/{Id(open)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(open.GetProperty("signedCount").GetInt32(), unchanged.GetProperty("signedCount").GetInt32());
    }

    [Fact]
    public async Task The_Région_records_an_implementation_agreement_with_the_territory_s_structures_only()
    {
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        var cher = "/api/territories/cher/governance/agreements";
        var structures = await MeetingEndpointTests.StructuresAsync(admin, "cher");
        var recorded = await (await admin.PostAsJsonAsync(cher, new { title = "Convention de mise en œuvre du SPRO du Cher", signedOn = "2016-02-01", structureIds = structures.Take(3) }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, recorded.GetProperty("signatories").GetArrayLength());
        var elsewhere = await MeetingEndpointTests.StructuresAsync(admin);
        var refused = await (await admin.PostAsJsonAsync(cher, new { title = "Autre", signedOn = "2016-02-01", structureIds = elsewhere.Take(1) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("structure-du-territoire", refused.GetProperty("rules")[0].GetProperty("rule").GetString());
        var untitled = await (await admin.PostAsJsonAsync(cher, new { title = "", signedOn = "2016-02-01", structureIds = structures.Take(1) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("title", untitled.GetProperty("rules")[0].GetProperty("field").GetString());
        await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).PostAsJsonAsync(cher, new { title = "X", signedOn = "2016-02-01", structureIds = structures.Take(1) }))
            .JsonAsync(HttpStatusCode.Forbidden);
        var theirs = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(cher)).JsonAsync(HttpStatusCode.OK);
        Assert.Single(theirs.EnumerateArray(), a => a.GetProperty("kind").GetString() == "Implementation");
    }

    [Fact]
    public async Task Nobody_reads_or_acts_on_another_territory_s_agreements()
    {
        var member = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireMember);
        var agreements = (await (await member.GetAsync($"{Api}/agreements")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Contains(agreements, a => a.GetProperty("kind").GetString() == "RegionalSpecification" && a.GetProperty("signatories").GetArrayLength() == 14);
        var amendment = Id(agreements.Single(a => a.GetProperty("kind").GetString() == "Implementation").GetProperty("amendments")[0]);

        var atDate = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireMember)).GetStringAsync($"/t/{Territory}/conventions?au=2016-06-01"));
        Assert.Contains("signataires au 01/06/2016", atDate);
        Assert.DoesNotContain("(avenant n° 1", atDate); // the Apec joined in 2017
        var cher = await factory.ClientAsAsync(DemoAccounts.CherCoordinator);
        var theirs = (await (await cher.GetAsync("/api/territories/cher/governance/agreements")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.All(theirs, a => Assert.Equal("RegionalSpecification", a.GetProperty("kind").GetString()));
        await (await cher.GetAsync($"/api/territories/cher/governance/amendments/{amendment}")).JsonAsync(HttpStatusCode.NotFound);
        await (await cher.PostAsync($"/api/territories/cher/governance/amendments/{amendment}/reminders", null)).JsonAsync(HttpStatusCode.NotFound);
        await (await (await factory.ClientAsAsync(DemoAccounts.LoirEtCherMember)).GetAsync($"{Api}/agreements")).JsonAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync($"{Api}/agreements")).JsonAsync(HttpStatusCode.Unauthorized);
        await (await member.PostAsync($"{Api}/amendments/{amendment}/reminders", null)).JsonAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator)).PostAsJsonAsync($"{Api}/agreements", new { title = "", signedOn = "2020-01-01", structureIds = Array.Empty<string>() }))
            .JsonAsync(HttpStatusCode.Forbidden); // the Région's step: refused before the rules are even checked
    }
}

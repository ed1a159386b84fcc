using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Shared.Territories;
using SproHub.Testing;
using Xunit;
using static CelluleHandicap.Tests.CellApi;

namespace CelluleHandicap.Tests;

/// <summary>Who reads a young person's situation, when, and what is left of it after withdrawal, through the real host.</summary>
[Collection(SharedPlatform.Name)]
public sealed class SituationPrivacyTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private DateOnly Today => ParisTime.Today(factory.Clock);

    /// <summary>A minor's situation submitted, a concertation scheduled by the CIO three weeks ahead (it takes the situation).</summary>
    private async Task<(Guid Situation, Guid Session, HttpClient Prescriber, HttpClient Secretariat)> SubmittedAndScheduledAsync()
    {
        var prescriber = await factory.ClientAsAsync(Prescriber);
        var submitted = await SubmitAsync(prescriber, Minor(Today));
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("sessionId").ValueKind); // no concertation scheduled yet: it waits
        var secretariat = await factory.ClientAsAsync(Secretariat);
        var session = await ScheduleAtCioAsync(secretariat, Today.AddDays(21));
        return (submitted.GetProperty("id").GetGuid(), session.GetProperty("id").GetGuid(), prescriber, secretariat);
    }

    [Fact]
    public async Task A_minor_s_situation_with_parental_consent_waits_for_the_next_concertation_and_is_read_by_attending_partners_only_from_the_agenda_s_publication()
    {
        var (situation, session, prescriber, secretariat) = await SubmittedAndScheduledAsync();
        var mine = await (await prescriber.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Lou", mine.GetProperty("identity").GetProperty("firstName").GetString());
        Assert.True(mine.GetProperty("minorAtConsent").GetBoolean());

        // Before publication: the partners read nothing; the secretariat composes from pseudonyms.
        var mdph = await factory.ClientAsAsync(Mdph);
        await (await mdph.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.Forbidden);
        var composing = await (await secretariat.GetAsync(Url($"sessions/{session}"))).JsonAsync(HttpStatusCode.OK);
        var line = composing.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("situationId").GetGuid() == situation);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("name").ValueKind);
        Assert.Equal("16-17 ans", line.GetProperty("ageBracket").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await mdph.GetAsync(Url($"sessions/{session}"))).JsonAsync(HttpStatusCode.OK)).GetProperty("lines").ValueKind);

        // Cap emploi will not attend; the agenda leaves.
        var capEmploi = await factory.ClientAsAsync(CapEmploi);
        var capEmploiId = await PartnerAsync(capEmploi, "Cap emploi du Cher");
        await (await capEmploi.PutAsJsonAsync(Url($"sessions/{session}/attendance"), new { partnerId = capEmploiId, attends = false })).JsonAsync(HttpStatusCode.OK);
        await (await mdph.PostAsync(Url($"sessions/{session}/publish"), null)).JsonAsync(HttpStatusCode.Forbidden); // only the secretariat sends it
        await (await secretariat.PostAsync(Url($"sessions/{session}/publish"), null)).JsonAsync(HttpStatusCode.OK);

        var read = await (await mdph.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Exemplaire", read.GetProperty("identity").GetProperty("lastName").GetString());
        var agenda = await (await mdph.GetAsync(Url($"sessions/{session}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(agenda.GetProperty("lines").EnumerateArray(), l => l.GetProperty("name").GetString() == "Lou Exemplaire");
        await (await capEmploi.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.Forbidden);

        // Nobody else, whatever their role.
        foreach (var other in new[] { DemoAccounts.CherCoordinator, DemoAccounts.RegionAdmin, Outsider })
            await (await (await factory.ClientAsAsync(other)).GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.Forbidden);
        var coordinatorAgenda = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(Url($"sessions/{session}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, coordinatorAgenda.GetProperty("lines").ValueKind);
        Assert.Equal(3, coordinatorAgenda.GetProperty("session").GetProperty("situationsToExamine").GetInt32()); // the demo's two and this one
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("orleans"))).GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.Unauthorized);
        // Another territory's cell never finds it, even for its own partners.
        await (await (await factory.ClientAsAsync(DemoAccounts.Member("orleans"))).GetAsync(Url($"situations/{situation}", "orleans"))).JsonAsync(HttpStatusCode.NotFound);
        // Where the cell is off it does not exist.
        await (await (await factory.ClientAsAsync(DemoAccounts.RegionAdmin)).GetAsync(Url("sessions", "loir-et-cher"))).JsonAsync(HttpStatusCode.NotFound);

        // Every read is on the file, with who read it.
        var file = await (await prescriber.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(file.GetProperty("reads").EnumerateArray(), r => r.GetProperty("reader").GetString()!.Contains("Anaïs Roux"));
        var audited = await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SproHub.Host.Platform.Data.PlatformDbContext>();
            return await db.AuditLog.CountAsync(a => a.Action == "situation.lue" && a.EntityId == situation.ToString());
        });
        Assert.True(audited >= 4, $"{audited} lectures tracées");
    }

    [Fact]
    public async Task The_agenda_e_mail_names_no_young_person_and_links_into_the_platform()
    {
        var (_, session, _, secretariat) = await SubmittedAndScheduledAsync();
        await (await secretariat.PostAsync(Url($"sessions/{session}/publish"), null)).JsonAsync(HttpStatusCode.OK);
        await factory.DispatchOutboxAsync();
        var mails = factory.SentMails().Where(m => (m.Subject ?? "").StartsWith("Ordre du jour")).ToList();
        Assert.Contains(mails, m => m.To.Mailboxes.Any(a => a.Address == Mdph));
        foreach (var mail in mails)
        {
            var text = (mail.TextBody ?? "") + (mail.HtmlBody ?? "");
            Assert.Contains($"/t/cher/cellule/seances/{session}", text);
            foreach (var name in new[] { "Exemplaire", "Lemoine", "Chevalier", "Masson" }) Assert.DoesNotContain(name, text);
        }
        await (await secretariat.PostAsync(Url($"sessions/{session}/publish"), null)).JsonAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Withdrawn_consent_takes_the_situation_off_every_coming_agenda_and_erases_who_it_is_but_keeps_the_counts()
    {
        var (situation, session, prescriber, secretariat) = await SubmittedAndScheduledAsync();
        await (await secretariat.PostAsync(Url($"sessions/{session}/publish"), null)).JsonAsync(HttpStatusCode.OK);
        var mdph = await factory.ClientAsAsync(Mdph);
        var mdphId = await PartnerAsync(mdph, "MDPH du Cher");
        Assert.Equal(HttpStatusCode.NoContent, (await mdph.PostAsJsonAsync(Url($"situations/{situation}/inputs"), new { partnerId = mdphId, text = "Dossier connu de la MDPH." })).StatusCode);

        await (await mdph.PostAsJsonAsync(Url($"situations/{situation}/consent-withdrawal"), new { withdrawnOn = Today })).JsonAsync(HttpStatusCode.Forbidden);
        await (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/consent-withdrawal"), new { withdrawnOn = Today })).JsonAsync(HttpStatusCode.OK);

        var file = await (await prescriber.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("identity").ValueKind);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("sheet").ValueKind);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("inputs")[0].GetProperty("text").ValueKind);
        Assert.Empty(file.GetProperty("agenda").EnumerateArray());
        await (await mdph.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.Forbidden);
        var agenda = await (await secretariat.GetAsync(Url($"sessions/{session}"))).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(agenda.GetProperty("lines").EnumerateArray(), l => l.GetProperty("situationId").GetGuid() == situation);
        Assert.Empty(await RawTextsContainingAsync("Exemplaire"));
        Assert.Empty(await RawTextsContainingAsync("Dossier connu"));

        var report = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(Url($"reports/{Today.Year}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(report.GetProperty("figures").EnumerateArray(), f => f.GetProperty("label").GetString() == "Consentements retirés");
        await (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/consent-withdrawal"), new { withdrawnOn = Today })).JsonAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_copy_of_the_database_alone_reveals_no_name_nor_health_data()
    {
        var (situation, _, _, _) = await SubmittedAndScheduledAsync();
        Assert.NotEqual(Guid.Empty, situation);
        foreach (var secret in new[] { "Exemplaire", "Lou", "Parent Exemplaire", "Décrochage", "ULIS", "Lemoine", "Chevalier" })
            Assert.Empty(await RawTextsContainingAsync(secret));
        if (!factory.OnPostgres)
        {
            await factory.InScopeAsync(async s => { await using var c = s.GetRequiredService<CelluleHandicapDbContext>(); await c.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"); return 0; });
            var bytes = await File.ReadAllBytesAsync(Path.Combine(factory.DataFolder, "sprohub.db"));
            Assert.Equal(-1, System.Text.Encoding.UTF8.GetString(bytes).IndexOf("Exemplaire", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Data_past_its_retention_period_is_purged_and_the_purge_reports_what_it_did()
    {
        var (situation, _, prescriber, _) = await SubmittedAndScheduledAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await prescriber.PostAsJsonAsync(Url($"situations/{situation}/closure"), new { outcome = "DepartDuTerritoire", closedOn = Today })).StatusCode);
        await (await prescriber.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.OK); // a read, on the file
        var nothingYet = await factory.InScopeAsync(s => SproHub.Plugins.CelluleHandicap.CellJobs.PurgeEverywhereAsync(s.GetRequiredService<IServiceScopeFactory>(), default));
        Assert.All(nothingYet, r => Assert.Equal(0, r.SituationsErased));

        factory.Clock.Advance(TimeSpan.FromDays(3 * 366 + 1));
        var reports = await factory.InScopeAsync(s => SproHub.Plugins.CelluleHandicap.CellJobs.PurgeEverywhereAsync(s.GetRequiredService<IServiceScopeFactory>(), default));
        var cher = reports.Single(r => r.TerritoryId == "cher");
        Assert.Equal(2, cher.SituationsErased); // this one and the demo's closed one
        Assert.True(cher.ReadsDeleted >= 1);
        prescriber = await factory.ClientAsAsync(Prescriber);
        var file = await (await prescriber.GetAsync(Url($"situations/{situation}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("durée de conservation échue", file.GetProperty("erasureReason").GetString());
        var report = await (await (await factory.ClientAsAsync(DemoAccounts.CherCoordinator)).GetAsync(Url($"reports/{ParisTime.Today(factory.Clock).Year}"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("lastPurge").GetProperty("situationsErased").GetInt32());
        Assert.Equal(3, report.GetProperty("retentionYears").GetInt32());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("identity").ValueKind);
    }

    private static readonly System.Text.RegularExpressions.Regex Sealed = new(@"^v1\.[0-9a-f]{8}\.[A-Za-z0-9+/]+=*$");

    /// <summary>Every text column of the cell's tables, read as stored, that contains this text.</summary>
    private Task<List<string>> RawTextsContainingAsync(string text) => factory.InTerritoryAsync("cher", async services =>
    {
        var db = services.GetRequiredService<CelluleHandicapDbContext>();
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    // A sealed value is ciphertext in base64, where a short word may turn up by chance: it is not plain text.
                    if (reader.GetValue(i) is string value && !Sealed.IsMatch(value) && value.Contains(text, StringComparison.OrdinalIgnoreCase)) found.Add($"{table}: {value}");
        }
        return found;
    });
}

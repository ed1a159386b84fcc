using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using SproHub.Testing;
using Xunit;
using static MaBoite.Tests.Citizens;

namespace MaBoite.Tests;

/// <summary>A person's files through the API: stored as sent, typed by their content, never beyond the quota, never partial.</summary>
[Collection(SharedPlatform.Name)]
public sealed class FileEndpointTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_file_comes_back_exactly_as_sent_and_the_space_counts_its_size()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var space = await (await alex.GetAsync($"{Orleans}/space")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, space.GetProperty("usedBytes").GetInt64());

        var pdf = Pdf(150_000);
        var line = await alex.UploadAsync(pdf, "Mon CV.pdf");
        Assert.Equal("application/pdf", line.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(pdf)).ToLowerInvariant(), line.GetProperty("sha256").GetString());

        var back = await alex.GetAsync($"{Orleans}/files/{line.GetProperty("id")}/content");
        Assert.Equal(pdf, await back.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", back.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", back.Content.Headers.ContentDisposition!.DispositionType);
        var root = await (await alex.GetAsync($"{Orleans}/files")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Mon CV.pdf", root.GetProperty("documents")[0].GetProperty("name").GetString());
        Assert.Equal((150_000L, 150_000L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xB8 }, "cv.pdf", "type-de-fichier")]
    [InlineData(new byte[0], "vide.pdf", "fichier-vide")]
    public async Task A_file_whose_content_is_not_accepted_is_refused_and_leaves_nothing(byte[] content, string name, string rule)
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var before = StoreContents(factory);
        var refused = await alex.UploadAsync(content, name, expected: HttpStatusCode.BadRequest);
        Assert.Equal(("file", rule), (refused.GetProperty("rules")[0].GetProperty("field").GetString(), refused.GetProperty("rules")[0].GetProperty("rule").GetString()));
        Assert.Equal(before, StoreContents(factory));
        Assert.Equal((0L, 0L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\Windows\\cv.pdf")]
    [InlineData("/tmp/x/../../cv.pdf")]
    public async Task A_name_with_path_tricks_is_kept_as_a_plain_name(string name)
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var line = await alex.UploadAsync(Pdf(2_000), name);
        var kept = line.GetProperty("name").GetString()!;
        Assert.DoesNotContain("/", kept);
        Assert.DoesNotContain("\\", kept);
        Assert.False(kept.StartsWith('.'));
        Assert.EndsWith(".pdf", kept);
        Assert.False(File.Exists(Path.Combine(factory.DataFolder, "etc", "passwd.pdf")));
    }

    [Fact]
    public async Task An_upload_that_would_cross_the_quota_is_refused_before_anything_is_kept()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        await SetQuotaAsync(factory, "alex@exemple.fr", 100_000);
        await alex.UploadAsync(Pdf(60_000), "un.pdf");
        var before = StoreContents(factory);

        var refused = await alex.UploadAsync(Pdf(60_000), "deux.pdf", expected: HttpStatusCode.BadRequest);
        Assert.Equal("quota", refused.GetProperty("rules")[0].GetProperty("rule").GetString());
        // Without a declared length, the stream is cut at the limit all the same.
        var cut = await alex.PostAsync($"{Orleans}/files?name=trois.pdf", new PushStreamContent(Pdf(60_000)));
        Assert.Equal("quota", (await cut.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("rules")[0].GetProperty("rule").GetString());

        Assert.Equal(before, StoreContents(factory));
        Assert.Equal((60_000L, 60_000L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Fact]
    public async Task Simultaneous_uploads_near_the_quota_never_exceed_it()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        await SetQuotaAsync(factory, "alex@exemple.fr", 100_000);
        var before = StoreContents(factory).Files;
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            alex.PostAsync($"{Orleans}/files?name=f{i}.pdf", new PushStreamContent(Pdf(30_000)))));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal((90_000L, 90_000L), await UsageAsync(factory, "alex@exemple.fr"));
        Assert.Equal((before + 3, 0), StoreContents(factory));
    }

    [Fact]
    public async Task An_interrupted_upload_leaves_no_partial_file_and_no_usage()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var before = StoreContents(factory);
        await Assert.ThrowsAnyAsync<Exception>(() => alex.PostAsync($"{Orleans}/files?name=coupe.pdf", new PushStreamContent(Pdf(200_000), failAfter: 100_000)));
        await Task.Delay(500); // the server notices the abort
        Assert.Equal(before, StoreContents(factory));
        Assert.Equal((0L, 0L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Fact]
    public async Task Passing_85_percent_warns_the_person_once()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        await SetQuotaAsync(factory, "alex@exemple.fr", 10_000);
        await alex.UploadAsync(Pdf(8_000), "a.pdf");
        await alex.UploadAsync(Pdf(600), "b.pdf");
        await factory.DispatchOutboxAsync();
        var warnings = factory.SentMails().Where(m => m.Subject?.StartsWith("Votre espace ma boîte SPRO est plein", StringComparison.Ordinal) == true).Select(m => m.Subject).ToList();
        Assert.Equal(["Votre espace ma boîte SPRO est plein à 85 %"], warnings);
        var space = await (await alex.GetAsync($"{Orleans}/space")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(85, space.GetProperty("warning").GetInt32());
    }

    [Fact]
    public async Task Folders_nest_but_never_into_themselves()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var parent = await (await alex.PostAsJsonAsync($"{Orleans}/folders", new { name = "Diplômes" })).JsonAsync(HttpStatusCode.Created);
        var child = await (await alex.PostAsJsonAsync($"{Orleans}/folders", new { parentId = parent.GetProperty("id").GetGuid(), name = "Bac" })).JsonAsync(HttpStatusCode.Created);
        var refused = await (await alex.PatchAsJsonAsync($"{Orleans}/folders/{parent.GetProperty("id")}",
            new { moveTo = true, targetFolderId = child.GetProperty("id").GetGuid(), version = parent.GetProperty("version").GetInt32() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("pas-dans-lui-meme", refused.GetProperty("rules")[0].GetProperty("rule").GetString());

        var doc = await alex.UploadAsync(Pdf(1_000), "releve.pdf", child.GetProperty("id").GetGuid());
        await (await alex.PatchAsJsonAsync($"{Orleans}/files/{doc.GetProperty("id")}", new { name = "Relevé de notes.pdf", version = doc.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.NoContent);
        var stale = await alex.PatchAsJsonAsync($"{Orleans}/files/{doc.GetProperty("id")}", new { name = "Autre.pdf", version = doc.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var inside = await (await alex.GetAsync($"{Orleans}/files?folderId={child.GetProperty("id")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Diplômes", "Bac"], inside.GetProperty("path").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("Relevé de notes.pdf", inside.GetProperty("documents")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_trash_keeps_a_folder_30_days_counted_then_gives_the_room_back()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var folder = await (await alex.PostAsJsonAsync($"{Orleans}/folders", new { name = "Anciens CV" })).JsonAsync(HttpStatusCode.Created);
        await alex.UploadAsync(Pdf(5_000), "cv-2024.pdf", folder.GetProperty("id").GetGuid());
        var loose = await alex.UploadAsync(Pdf(3_000), "lettre.pdf");
        await (await alex.DeleteAsync($"{Orleans}/folders/{folder.GetProperty("id")}")).JsonAsync(HttpStatusCode.NoContent);
        await (await alex.DeleteAsync($"{Orleans}/files/{loose.GetProperty("id")}")).JsonAsync(HttpStatusCode.NoContent);

        var root = await (await alex.GetAsync($"{Orleans}/files")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, root.GetProperty("folders").GetArrayLength() + root.GetProperty("documents").GetArrayLength());
        var trash = await (await alex.GetAsync($"{Orleans}/trash")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, trash.GetArrayLength());
        Assert.Equal((8_000L, 8_000L), await UsageAsync(factory, "alex@exemple.fr")); // still stored

        await (await alex.PostAsync($"{Orleans}/trash/Folder/{folder.GetProperty("id")}/restore", null)).JsonAsync(HttpStatusCode.NoContent);
        var restored = await (await alex.GetAsync($"{Orleans}/files?folderId={folder.GetProperty("id")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cv-2024.pdf", restored.GetProperty("documents")[0].GetProperty("name").GetString());

        factory.Clock.Advance(TimeSpan.FromDays(31));
        var purged = await MaBoite.Tests.Jobs.PurgeAsync(factory);
        Assert.Equal(1, purged);
        Assert.Equal((5_000L, 5_000L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Fact]
    public async Task A_listing_kept_in_memory_never_outlives_a_change()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var file = await alex.UploadAsync(Pdf(1_000), "brouillon.pdf");
        async Task<string[]> NamesAsync() => (await (await alex.GetAsync($"{Orleans}/files")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["brouillon.pdf"], await NamesAsync());
        await (await alex.PatchAsJsonAsync($"{Orleans}/files/{file.GetProperty("id")}", new { name = "Lettre finale.pdf", version = file.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(["Lettre finale.pdf"], await NamesAsync());
        await alex.UploadAsync(Pdf(1_000), "Annexe.pdf");
        Assert.Equal(["Annexe.pdf", "Lettre finale.pdf"], await NamesAsync());
        await alex.DeleteAsync($"{Orleans}/files/{file.GetProperty("id")}");
        Assert.Equal(["Annexe.pdf"], await NamesAsync());
    }
}

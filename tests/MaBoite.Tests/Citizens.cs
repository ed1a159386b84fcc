using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.MaBoite.Data;
using SproHub.Testing;

namespace MaBoite.Tests;

/// <summary>People opening a space as they would: the sign-up form's API, the confirmation link of the e-mail, a token.</summary>
internal static class Citizens
{
    public const string Password = "Ma-Boite-2026!";
    public const string Orleans = "/api/territories/orleans/ma-boite";

    public static async Task<HttpClient> OpenAsync(SproHubFactory factory, string email, int birthYear = 2005, string publicType = "Lyceen")
    {
        var signUp = await factory.CreateClient().PostAsJsonAsync($"{Orleans}/sign-up", new
        {
            displayName = "Alex", email, password = Password, publicType, birthYear, parentalConsent = true, acceptsTerms = true,
        });
        await signUp.JsonAsync(HttpStatusCode.Accepted);
        await factory.DispatchOutboxAsync();
        var link = factory.SentMails().Last(m => m.To.Mailboxes.Any(b => b.Address == email)).LinkIn();
        var confirmed = await factory.CreateClient().PostAsJsonAsync("/api/network/auth/confirmation",
            new { userId = MailLinks.QueryValue(link, "userId"), token = MailLinks.QueryValue(link, "token") });
        if (confirmed.StatusCode != HttpStatusCode.NoContent) throw new InvalidOperationException(await confirmed.Content.ReadAsStringAsync());
        return await factory.ClientAsAsync(email, Password);
    }

    public static async Task<System.Text.Json.JsonElement> UploadAsync(this HttpClient client, byte[] content, string name, Guid? folderId = null,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        var url = $"{Orleans}/files?name={Uri.EscapeDataString(name)}" + (folderId is null ? "" : $"&folderId={folderId}");
        return await (await client.PostAsync(url, new ByteArrayContent(content))).JsonAsync(expected);
    }

    /// <summary>A small valid-looking PDF of the given size.</summary>
    public static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        for (var i = 9; i < size; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }

    /// <summary>Sets a space's quota (the tests cannot store a gigabyte each time).</summary>
    public static Task SetQuotaAsync(SproHubFactory factory, string email, long quota) => factory.InTerritoryAsync("orleans", async s =>
    {
        var db = s.GetRequiredService<MaBoiteDbContext>();
        var space = db.Spaces.Single(x => x.Email == email);
        space.QuotaBytes = quota;
        await db.SaveChangesAsync();
        return 0;
    });

    public static Task<(long Used, long Stored)> UsageAsync(SproHubFactory factory, string email) => factory.InTerritoryAsync("orleans", s =>
    {
        var db = s.GetRequiredService<MaBoiteDbContext>();
        var space = db.Spaces.Single(x => x.Email == email);
        return Task.FromResult((space.UsedBytes, db.Documents.Where(d => d.SpaceId == space.Id).Select(d => d.Size).ToList().Sum()));
    });

    /// <summary>Files in the platform's store, and any upload left half-written.</summary>
    public static (int Files, int Partial) StoreContents(SproHubFactory factory)
    {
        var root = Path.Combine(factory.DataFolder, "files");
        if (!Directory.Exists(root)) return (0, 0);
        var all = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        return (all.Count(f => !f.EndsWith(".upload", StringComparison.Ordinal)), all.Count(f => f.EndsWith(".upload", StringComparison.Ordinal)));
    }
}

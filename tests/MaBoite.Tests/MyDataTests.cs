using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Network.Accounts;
using SproHub.Testing;
using Xunit;
using static MaBoite.Tests.Citizens;

namespace MaBoite.Tests;

/// <summary>The person's rights: all their data in one archive; their account and everything in it deleted.</summary>
[Collection(SharedPlatform.Name)]
public sealed class MyDataTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_archive_holds_every_file_in_its_folder_and_a_summary()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var folder = (await (await alex.PostAsJsonAsync($"{Orleans}/folders", new { name = "Diplômes" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await alex.UploadAsync(Pdf(5_000), "Bac.pdf", folder);
        await alex.UploadAsync(Pdf(6_000), "Bac.pdf", folder);
        var old = await alex.UploadAsync(Pdf(1_000), "Ancien CV.pdf");
        await alex.DeleteAsync($"{Orleans}/files/{old.GetProperty("id")}");

        var response = await alex.GetAsync($"{Orleans}/my-data");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Corbeille/Ancien CV.pdf", "Diplômes/Bac (2).pdf", "Diplômes/Bac.pdf", "Mes informations.txt"], zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal(6_000 + 5_000, zip.Entries.Where(e => e.FullName.StartsWith("Diplômes/")).Sum(e => e.Length));
        using var summary = new StreamReader(zip.GetEntry("Mes informations.txt")!.Open());
        var text = await summary.ReadToEndAsync();
        Assert.Contains("alex@exemple.fr", text);
        Assert.Contains("Lycéen ou lycéenne", text);
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_files_its_shares_and_the_account_itself()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var file = await alex.UploadAsync(Pdf(5_000), "CV.pdf");
        await (await alex.PostAsJsonAsync($"{Orleans}/shares", new
        {
            kind = "Document", itemId = file.GetProperty("id").GetGuid(), agentEmail = DemoNetwork.OrleansAdviser, access = "Read",
            expiresOn = DateOnly.FromDateTime(DateTime.Today).AddDays(5),
        })).JsonAsync(HttpStatusCode.Created);
        var before = StoreContents(factory).Files;

        var refused = await (await alex.PostAsJsonAsync($"{Orleans}/my-data/deletion", new { confirmation = "oui" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("confirmation", refused.GetProperty("rules")[0].GetProperty("field").GetString());
        Assert.Equal(before, StoreContents(factory).Files);

        Assert.Equal(HttpStatusCode.NoContent, (await alex.PostAsJsonAsync($"{Orleans}/my-data/deletion", new { confirmation = "SUPPRIMER" })).StatusCode);
        Assert.Equal(before - 1, StoreContents(factory).Files);
        Assert.Equal(0, await factory.InTerritoryAsync("orleans", s => Task.FromResult(
            s.GetRequiredService<SproHub.Plugins.MaBoite.Data.MaBoiteDbContext>().Shares.Count() + s.GetRequiredService<SproHub.Plugins.MaBoite.Data.MaBoiteDbContext>().Spaces.Count(x => x.Email == "alex@exemple.fr"))));
        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/network/auth/token", new { email = "alex@exemple.fr", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        var adviser = await factory.ClientAsAsync(DemoNetwork.OrleansAdviser);
        Assert.Equal(0, (await (await adviser.GetAsync($"{Orleans}/shared-with-me")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }
}

using System.Net;
using System.Net.Http.Json;
using SproHub.Testing;
using Xunit;
using static MaBoite.Tests.Citizens;

namespace MaBoite.Tests;

/// <summary>A space is its owner's alone: not another person's, not an agent's, not the Région's, not another territory's.</summary>
[Collection(SharedPlatform.Name)]
public sealed class AccessTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Alex, string FileId, string FolderId)> AlexWithAFileAsync()
    {
        var alex = await OpenAsync(factory, "alex@exemple.fr");
        var folder = await (await alex.PostAsJsonAsync($"{Orleans}/folders", new { name = "Privé" })).JsonAsync(HttpStatusCode.Created);
        var file = await alex.UploadAsync(Pdf(1_000), "bulletin.pdf", folder.GetProperty("id").GetGuid());
        return (alex, file.GetProperty("id").GetString()!, folder.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Another_person_cannot_read_move_or_delete_someone_elses_file()
    {
        var (_, fileId, folderId) = await AlexWithAFileAsync();
        var sam = await OpenAsync(factory, "sam@exemple.fr");
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"{Orleans}/files/{fileId}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.DeleteAsync($"{Orleans}/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PatchAsJsonAsync($"{Orleans}/files/{fileId}", new { name = "x.pdf", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sam.GetAsync($"{Orleans}/files?folderId={folderId}")).StatusCode);
        // Nor put a file in their folder.
        await sam.UploadAsync(Pdf(500), "intrus.pdf", Guid.Parse(folderId), HttpStatusCode.BadRequest);
        Assert.Equal((1_000L, 1_000L), await UsageAsync(factory, "alex@exemple.fr"));
    }

    [Theory]
    [InlineData("membre@orleans.demo", HttpStatusCode.Forbidden)]
    [InlineData("coordination@orleans.demo", HttpStatusCode.Forbidden)]
    [InlineData(DemoAccounts.RegionAdmin, HttpStatusCode.NotFound)] // holds every permission, yet has no space: nothing of anyone's
    public async Task No_agent_nor_the_Region_opens_a_persons_file(string agent, HttpStatusCode expected)
    {
        var (_, fileId, _) = await AlexWithAFileAsync();
        var client = await factory.ClientAsAsync(agent);
        Assert.Equal(expected, (await client.GetAsync($"{Orleans}/files/{fileId}/content")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"{Orleans}/files")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var (_, fileId, _) = await AlexWithAFileAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"{Orleans}/files/{fileId}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"{Orleans}/space")).StatusCode);
    }

    [Fact]
    public async Task Another_territory_has_no_ma_boite_and_the_space_does_not_follow_there()
    {
        var (alex, fileId, _) = await AlexWithAFileAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await alex.GetAsync($"/api/territories/cher/ma-boite/files/{fileId}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/t/cher/ma-boite")).StatusCode);
    }

    [Fact]
    public async Task Disabled_in_Orleans_nothing_of_it_exists_there_and_the_files_are_back_when_enabled()
    {
        var (alex, fileId, _) = await AlexWithAFileAsync();
        var admin = await factory.ClientAsAsync(DemoAccounts.RegionAdmin);
        await (await admin.PutAsJsonAsync("/api/admin/modules/ma-boite/territories/orleans", new { enabled = false })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await alex.GetAsync($"{Orleans}/files/{fileId}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().PostAsJsonAsync($"{Orleans}/sign-up", new { email = "x@exemple.fr" })).StatusCode);
        await (await admin.PutAsJsonAsync("/api/admin/modules/ma-boite/territories/orleans", new { enabled = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await alex.GetAsync($"{Orleans}/files/{fileId}/content")).StatusCode);
    }
}

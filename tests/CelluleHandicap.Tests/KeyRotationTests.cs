using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Jobs;
using SproHub.Testing;
using Xunit;

namespace CelluleHandicap.Tests;

/// <summary>
/// Anyone who cloned the repository once held the demo key: an installation seals again with a key of its own,
/// through <c>dotnet SproHub.Host.dll rotate-key cellule</c>. Its own platform: the rotation changes the key under it.
/// </summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly SproHubFactory _factory = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_factory).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Rotation_seals_every_value_with_a_new_key_and_then_the_former_key_can_go()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataPath"] = _factory.DataFolder }).Build();
        var keyFile = SealingKeys.KeyFile(configuration);
        var formerKey = await File.ReadAllTextAsync(keyFile);
        var before = await SealedValuesAsync();
        Assert.NotEmpty(before); // the demo cell's situations, sealed with the installation's first key

        var command = _factory.Services.GetServices<IMaintenanceCommand>().Single(c => c.Name == "rotate-key cellule");
        var output = new StringWriter();
        Assert.Equal(0, await command.RunAsync(output, CancellationToken.None));

        Assert.NotEqual(formerKey, await File.ReadAllTextAsync(keyFile));
        var after = await SealedValuesAsync();
        Assert.Equal(before.Count, after.Count);
        var newKeyOnly = new SensitiveData(SealingKeys.Load(configuration)).ActiveKeyId;
        Assert.All(after, v => Assert.StartsWith($"v1.{newKeyOnly}.", v.Value));
        Assert.Contains("peuvent être supprimées", output.ToString());

        // The former key removed, as the command says it may be: every value still opens, with its own row only.
        Directory.Delete(SealingKeys.PreviousFolder(keyFile), recursive: true);
        var sealer = new SensitiveData(configuration);
        var situation = await _factory.InScopeAsync(s => s.GetRequiredService<CelluleHandicapDbContext>().Situations.IgnoreQueryFilters().FirstAsync(x => x.SealedIdentity != null));
        Assert.False(string.IsNullOrWhiteSpace(sealer.Open<Identity>(situation.SealedIdentity, situation.Id)!.LastName));

        // Once more (a rotation a year, or a second run after a crash): every value follows the newest key.
        Assert.Equal(0, await command.RunAsync(new StringWriter(), CancellationToken.None));
        var newest = new SensitiveData(SealingKeys.Load(configuration)).ActiveKeyId;
        Assert.NotEqual(newKeyOnly, newest);
        Assert.All(await SealedValuesAsync(), v => Assert.StartsWith($"v1.{newest}.", v.Value));
    }

    private Task<List<KeyValuePair<Guid, string>>> SealedValuesAsync() => _factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<CelluleHandicapDbContext>();
        var situations = await db.Situations.IgnoreQueryFilters().Where(s => s.SealedIdentity != null).Select(s => new { s.Id, s.SealedIdentity, s.SealedSheet }).ToListAsync();
        var inputs = await db.PartnerInputs.IgnoreQueryFilters().Where(i => i.SealedText != null).Select(i => new { i.Id, i.SealedText }).ToListAsync();
        var followUps = await db.FollowUps.IgnoreQueryFilters().Where(f => f.SealedText != null).Select(f => new { f.Id, f.SealedText }).ToListAsync();
        var examinations = await db.Examinations.IgnoreQueryFilters().Include(e => e.NextSteps).Where(e => e.SealedNotes != null).ToListAsync();
        Assert.Contains(examinations, e => e.NextSteps.Any(n => n.SealedAction != null)); // every kind of sealed field is there to rotate
        return situations.SelectMany(s => new[] { new KeyValuePair<Guid, string>(s.Id, s.SealedIdentity!), new(s.Id, s.SealedSheet!) })
            .Concat(inputs.Select(i => new KeyValuePair<Guid, string>(i.Id, i.SealedText!)))
            .Concat(followUps.Select(f => new KeyValuePair<Guid, string>(f.Id, f.SealedText!)))
            .Concat(examinations.Select(e => new KeyValuePair<Guid, string>(e.Id, e.SealedNotes!)))
            .Concat(examinations.SelectMany(e => e.NextSteps).Where(n => n.SealedAction != null).Select(n => new KeyValuePair<Guid, string>(n.Id, n.SealedAction!))).ToList();
    });
}

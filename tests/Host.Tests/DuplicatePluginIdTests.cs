using Microsoft.Extensions.Diagnostics.HealthChecks;
using SproHub.Host.Modularity;
using Xunit;

namespace Host.Tests;

/// <summary>The rule of docs/adr/0001-duplicate-plugin-ids.md: the folder carrying the id wins, else nobody; never the sort order.</summary>
public sealed class DuplicatePluginIdTests
{
    private static InstalledModule Plugin(string id, string folder) => new() { Id = id, IsCore = false, Folder = folder };

    [Fact]
    public void The_plugin_whose_folder_carries_the_id_keeps_it_whatever_the_order()
    {
        var impostor = Plugin("comete", "a-doublon");
        var real = Plugin("comete", "comete");
        DuplicateIds.Resolve([impostor, real]);
        Assert.True(real.IsActive);
        Assert.False(impostor.IsActive);
        Assert.Contains("dossier « comete »", impostor.FailureReason);
    }

    [Fact]
    public void When_no_folder_carries_the_id_every_candidate_is_refused_naming_the_folders()
    {
        var first = Plugin("comete", "a-doublon");
        var second = Plugin("comete", "z-doublon");
        DuplicateIds.Resolve([first, second]);
        Assert.False(first.IsActive);
        Assert.False(second.IsActive);
        Assert.Contains("« a-doublon », « z-doublon »", first.FailureReason);
        Assert.Contains("dossier « comete »", second.FailureReason);
    }

    [Fact]
    public void A_core_module_s_id_is_never_taken_by_a_plugin_even_from_a_folder_of_that_name()
    {
        var core = new InstalledModule { Id = "network", IsCore = true };
        var plugin = Plugin("network", "network");
        DuplicateIds.Resolve([core, plugin]);
        Assert.True(core.IsActive);
        Assert.False(plugin.IsActive);
    }

    [Fact]
    public void Distinct_ids_are_left_alone()
    {
        var comete = Plugin("comete", "comete");
        var clips = Plugin("clips", "a-clips");
        DuplicateIds.Resolve([comete, clips]);
        Assert.True(comete.IsActive && clips.IsActive);
    }

    [Fact]
    public async Task The_modules_health_check_reports_refused_candidates_of_one_id_without_throwing()
    {
        var candidates = new[] { Plugin("comete", "a-doublon"), Plugin("comete", "z-doublon") };
        DuplicateIds.Resolve(candidates);
        var result = await new ModulesHealthCheck(new ModuleRegistry(candidates)).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("a-doublon", (string)result.Data["comete"]);
        Assert.Contains("z-doublon", (string)result.Data["comete"]);
        Assert.Equal("comete", new ModuleRegistry(candidates).Describe("comete")!.Id);
    }
}

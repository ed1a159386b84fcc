using System.Net;
using SproHub.Testing;
using Xunit;
using static Governance.Tests.MeetingEndpointTests;

namespace Governance.Tests;

/// <summary>The PRC-VAE sign every local SPRO's agreement as resource partners (seed 001); the Apec joins as a member.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ResourcePartnerTests(SproHubFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_PRC_VAE_is_the_resource_partner_and_the_Apec_a_member()
    {
        var coordinator = await factory.ClientAsAsync(DemoAccounts.IndreEtLoireCoordinator);
        var agreements = (await (await coordinator.GetAsync($"/api/territories/{Territory}/governance/agreements")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var implementation = agreements.Single(a => a.GetProperty("kind").GetString() == "Implementation");
        var resource = implementation.GetProperty("signatories").EnumerateArray().Where(p => p.GetProperty("resourcePartner").GetBoolean()).ToList();
        Assert.Equal("PRC-VAE", Assert.Single(resource).GetProperty("network").GetString());
        var apec = implementation.GetProperty("amendments").EnumerateArray().Single(a => a.GetProperty("number").GetInt32() == 1);
        Assert.DoesNotContain("partenaire ressource", apec.GetProperty("purpose").GetString());
        Assert.DoesNotContain(implementation.GetProperty("signatories").EnumerateArray(), p => p.GetProperty("network").GetString() == "Apec" && p.GetProperty("resourcePartner").GetBoolean());

        var page = WebUtility.HtmlDecode(await (await factory.ClientAsCookieAsync(DemoAccounts.IndreEtLoireCoordinator)).GetStringAsync($"/t/{Territory}/conventions"));
        Assert.Contains("PRC-VAE de Tours — partenaire ressource", page);
        Assert.DoesNotContain("Apec de Tours — partenaire ressource", page);
    }
}

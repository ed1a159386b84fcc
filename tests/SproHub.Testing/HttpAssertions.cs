using System.Net;
using System.Text.Json;
using Xunit;

namespace SproHub.Testing;

public static class HttpAssertions
{
    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body, if any.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} au lieu de {(int)expected} : {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}

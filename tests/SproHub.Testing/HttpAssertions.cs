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

public static class MailLinks
{
    /// <summary>The platform link an e-mail carries (« Dans SPRO Hub : … »), as a local path and query.</summary>
    public static string LinkIn(this MimeKit.MimeMessage mail)
    {
        var line = (mail.TextBody ?? "").Split('\n').Single(l => l.StartsWith("Dans SPRO Hub : ", StringComparison.Ordinal));
        return new Uri(line["Dans SPRO Hub : ".Length..].Trim()).PathAndQuery;
    }

    /// <summary>A query parameter of a link, decoded.</summary>
    public static string QueryValue(string link, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)[name].ToString();
}

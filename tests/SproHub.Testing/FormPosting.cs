using System.Text.RegularExpressions;

namespace SproHub.Testing;

public static partial class FormPosting
{
    /// <summary>Loads a page, takes its antiforgery token, and posts the fields as its form would (optionally to a handler).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await client.GetStringAsync(url);
        var token = TokenPattern().Match(page);
        if (!token.Success) throw new InvalidOperationException($"Aucun jeton antiforgery sur {url}");
        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
        var target = handler is null ? url : $"{url}?handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

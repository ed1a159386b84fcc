using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SproHub.Shared.Text;

/// <summary>
/// Markdown written by people (minutes, news for young people...) as the page shows it: no raw HTML, sanitised, and
/// images only from the platform itself. An image from elsewhere would be a tracking pixel in front of its readers:
/// an external web image becomes a plain link, any other (<c>data:</c>, <c>javascript:</c>) its text alone. Links to
/// other sites open without telling them where from (<c>rel="noopener noreferrer"</c>).
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && !IsOwn(l.Url)).ToList())
        {
            if (IsWeb(image.Url)) image.IsImage = false; // the alt text becomes the link's text
            else image.ReplaceBy(new ContainerInline()); // keeps the alt text, as text
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>A path of this platform: one leading slash. Browsers read <c>//host</c> and <c>/\host</c> as another site, and drop tabs and line breaks first.</summary>
    private static bool IsOwn(string? url)
    {
        var path = url?.Replace("\t", "").Replace("\n", "").Replace("\r", "").Trim();
        return path is ['/', ..] && !(path.Length > 1 && path[1] is '/' or '\\');
    }

    private static bool IsWeb(string? url) =>
        url is not null && (url.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // After sanitising, as a second guard whatever produced the HTML: no foreign image, no referrer to another site.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element) return;
            if (element.LocalName == "img" && !IsOwn(element.GetAttribute("src"))) element.Remove();
            else if (element.LocalName == "img") element.RemoveAttribute("srcset");
            else if (element.LocalName == "a" && element.GetAttribute("href") is { } href && !IsOwn(href) && !href.StartsWith('#'))
                element.SetAttribute("rel", "noopener noreferrer");
        };
        return sanitizer;
    }
}

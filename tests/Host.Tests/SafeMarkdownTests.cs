using SproHub.Shared.Text;
using Xunit;

namespace Host.Tests;

/// <summary>People's Markdown shows images only from the platform's own store: nothing reads who opened a page.</summary>
public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("![i](https://evil.example/t.png)")]
    [InlineData("![i](//evil.example/t.png)")]
    [InlineData("![i](http://evil.example/t.png)")]
    [InlineData("![i][pixel]\n\n[pixel]: https://evil.example/t.png")]
    public void An_image_from_another_site_becomes_a_plain_link(string markdown)
    {
        var html = SafeMarkdown.Render(markdown);

        Assert.DoesNotContain("<img", html);
        Assert.Contains(">i</a>", html);
        Assert.Contains("rel=\"noopener noreferrer\"", html);
    }

    [Theory]
    [InlineData("![i](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![i](javascript:alert(1))")]
    [InlineData("![i](/\\evil.example/t.png)")]
    public void An_image_that_is_not_a_web_address_keeps_only_its_text(string markdown)
    {
        var html = SafeMarkdown.Render(markdown);

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("data:", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Equal("<p>i</p>\n", html);
    }

    [Fact]
    public void An_image_of_the_platforms_own_store_is_shown()
    {
        var html = SafeMarkdown.Render("![Affiche](/t/orleans/ma-boite/fichiers/3f2a/contenu)");

        Assert.Contains("<img src=\"/t/orleans/ma-boite/fichiers/3f2a/contenu\" alt=\"Affiche\">", html);
    }

    [Fact]
    public void Links_stay_and_those_to_other_sites_tell_them_nothing()
    {
        var html = SafeMarkdown.Render("[Onisep](https://www.onisep.fr) et [l'agenda](/t/cher/reunions) et https://exemple.fr");

        Assert.Contains("<a href=\"https://www.onisep.fr\" rel=\"noopener noreferrer\">Onisep</a>", html);
        Assert.Contains("<a href=\"/t/cher/reunions\">l'agenda</a>", html);
        Assert.Contains("<a href=\"https://exemple.fr\" rel=\"noopener noreferrer\">https://exemple.fr</a>", html);
    }

    [Fact]
    public void Raw_html_and_script_links_are_neutralised()
    {
        var html = SafeMarkdown.Render("Un [lien](javascript:alert(1)) <img src=\"https://evil.example/t.png\"><script>alert(1)</script>");

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
    }
}

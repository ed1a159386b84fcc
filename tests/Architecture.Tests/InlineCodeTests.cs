using System.Text.RegularExpressions;
using SproHub.Testing;
using Xunit;

namespace Architecture.Tests;

/// <summary>
/// The Content-Security-Policy (script-src 'self', style-src 'self') refuses inline scripts, on… attributes, style
/// attributes and &lt;style&gt; blocks: the browser would drop them silently. Pages keep their scripts and styles in files
/// (the host's wwwroot, a module's wwwroot served at /_modules/{id}/) and bind behaviours from data attributes.
/// </summary>
public sealed partial class InlineCodeTests
{
    [Fact]
    public void No_Razor_file_carries_an_inline_script_handler_or_style()
    {
        var files = new[] { "Host", "Modules", "Plugins", "templates" }
            .SelectMany(folder => Directory.EnumerateFiles(Repository.PathOf(folder), "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 50, $"{files.Count} fichiers Razor seulement : la recherche ne les trouve pas");

        var found = files.SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => InlineScript().IsMatch(l.line) || StyleBlock().IsMatch(l.line) || StyleAttribute().IsMatch(l.line) || Handler().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.file)}:{l.number} : {l.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "Code en ligne refusé par la Content-Security-Policy :\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", true)]
    [InlineData("<script type=\"module\">import x from './x.js'</script>", true)]
    [InlineData("<script src=\"/js/site.js\" defer></script>", false)]
    [InlineData("<style>p { color: red }</style>", true)]
    [InlineData("<span class=\"bar\" style=\"width: 3%\"></span>", true)]
    [InlineData("<button type=\"button\" onclick=\"window.print()\">", true)]
    [InlineData("<input onchange='this.form.submit()'>", true)]
    [InlineData("<button type=\"button\" data-print>Imprimer</button>", false)]
    [InlineData("<link rel=\"stylesheet\" href=\"/_modules/mode-emploi/print.css\">", false)]
    public void Inline_code_is_recognised(string line, bool inline) =>
        Assert.Equal(inline, InlineScript().IsMatch(line) || StyleBlock().IsMatch(line) || StyleAttribute().IsMatch(line) || Handler().IsMatch(line));

    [GeneratedRegex(@"<script\b(?![^>]*\bsrc\s*=)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b", RegexOptions.IgnoreCase)]
    private static partial Regex StyleBlock();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();
}

using System.Text.RegularExpressions;

namespace PluginKit.Tests;

/// <summary>
/// The shell blocks of a Markdown guide, in order. <c>```bash</c> blocks are commands run to completion;
/// <c>```bash server=URL</c> blocks start a server that stays up, answering on URL, until the next server or the end.
/// </summary>
public sealed record GuideBlock(string Commands, Uri? Server);

public static partial class GuideScript
{
    public static IReadOnlyList<GuideBlock> Parse(string markdown) =>
        Fence().Matches(markdown).Select(m => new GuideBlock(
            m.Groups["body"].Value.Trim(),
            m.Groups["server"].Success ? new Uri(m.Groups["server"].Value) : null)).ToList();

    [GeneratedRegex(@"^```bash(?: server=(?<server>\S+))?\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}

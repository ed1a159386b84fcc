using Xunit;

namespace PluginKit.Tests;

public sealed class GuideScriptTests
{
    [Fact]
    public void Commands_and_servers_are_read_in_order_and_other_blocks_are_left_alone()
    {
        const string markdown = "Intro\n```bash\necho a\necho b\n```\n```\nnot run\n```\n```bash server=http://localhost:5099\nserve\n```\n```csharp\nvar x = 1;\n```\n";
        var blocks = GuideScript.Parse(markdown);
        Assert.Equal(2, blocks.Count);
        Assert.Equal("echo a\necho b", blocks[0].Commands);
        Assert.Null(blocks[0].Server);
        Assert.Equal("serve", blocks[1].Commands);
        Assert.Equal(new Uri("http://localhost:5099"), blocks[1].Server);
    }
}

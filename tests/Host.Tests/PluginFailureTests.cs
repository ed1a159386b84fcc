using System.Reflection;
using SproHub.Host.Modularity;
using Xunit;

namespace Host.Tests;

/// <summary>Why a plugin failed, in French, naming what is missing or unreadable under the runtime's wrappers.</summary>
public sealed class PluginFailureTests
{
    private const string PdfSharp = "PdfSharp, Version=6.2.4.0, Culture=neutral, PublicKeyToken=f94615aa0424f9eb";

    [Fact]
    public void A_missing_assembly_is_named_with_its_version_wherever_it_was_needed()
    {
        var missing = new FileNotFoundException($"Could not load file or assembly '{PdfSharp}'.", PdfSharp);
        foreach (var thrown in new Exception[]
                 {
                     missing, new ReflectionTypeLoadException([null], [missing]), new TargetInvocationException(missing),
                     new TypeInitializationException("Certificates", missing), new InvalidOperationException("registration", missing),
                 })
            Assert.StartsWith("Dépendance introuvable : PdfSharp 6.2.4.0,", PluginFailure.Describe(thrown));
    }

    [Fact]
    public void An_unreadable_file_is_named()
    {
        var message = PluginFailure.Describe(new BadImageFormatException("Unknown file format."), "/srv/plugins/clips/SproHub.Plugins.ClipContests.dll");
        Assert.StartsWith("fichier illisible, SproHub.Plugins.ClipContests.dll n'est pas un assembly .NET lisible", message);
    }

    [Fact]
    public void Another_exception_keeps_its_own_message() =>
        Assert.Equal("configuration impossible", PluginFailure.Describe(new InvalidOperationException("configuration impossible")));
}

using System.Reflection;
using System.Xml.Linq;
using MediatR;
using Microsoft.Extensions.Configuration;
using NetArchTest.Rules;
using SproHub.Host;
using SproHub.Host.Modularity;
using SproHub.Shared.Modularity;
using Xunit;

namespace Architecture.Tests;

/// <summary>
/// Who may reference whom, generated from the module list: the core modules the host composes and the
/// plugins its build drops into the plugins folder. Arrows point down only.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Shared = "SproHub.Shared";
    private const string Host = "SproHub.Host";
    private const string PluginsRoot = "SproHub.Plugins";

    private static readonly IReadOnlyList<Assembly> CoreAssemblies = CoreModules.All().Select(m => m.GetType().Assembly).ToList();

    /// <summary>Each plugin's main assembly, as the host would find it.</summary>
    public static IEnumerable<object[]> Plugins()
    {
        var folder = PluginsFolder.Resolve(new ConfigurationBuilder().Build());
        foreach (var deps in Directory.GetFiles(folder, "*.deps.json", SearchOption.AllDirectories))
            yield return [deps[..^".deps.json".Length] + ".dll"];
    }

    public static IEnumerable<object[]> CoreModuleNames() => CoreAssemblies.Select(a => new object[] { a.GetName().Name! });

    private static string[] CoreNamespaces => CoreAssemblies.Select(a => a.GetName().Name!).ToArray();

    [Fact]
    public void The_module_list_is_not_empty()
    {
        Assert.NotEmpty(CoreAssemblies);
        Assert.Contains(Plugins(), p => ((string)p[0]).EndsWith("SproHub.Plugins.Comete.dll"));
    }

    [Fact]
    public void Shared_references_nothing_of_ours()
    {
        var result = Types.InAssembly(typeof(IModule).Assembly).ShouldNot()
            .HaveDependencyOnAny([Host, PluginsRoot, .. CoreNamespaces]).GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Theory]
    [MemberData(nameof(CoreModuleNames))]
    public void A_core_module_references_only_Shared_and_itself(string module)
    {
        var assembly = CoreAssemblies.Single(a => a.GetName().Name == module);
        var forbidden = CoreNamespaces.Where(n => n != module).Append(Host).Append(PluginsRoot).ToArray();
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => r.Name!.StartsWith("SproHub.") && r.Name != Shared);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void A_plugin_references_only_Shared(string pluginPath)
    {
        var own = Path.GetFileNameWithoutExtension(pluginPath);
        var otherPlugins = Plugins().Select(p => Path.GetFileNameWithoutExtension((string)p[0])).Where(n => n != own);
        var result = Types.FromFile(pluginPath).ShouldNot()
            .HaveDependencyOnAny([Host, .. CoreNamespaces, .. otherPlugins]).GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void A_plugin_project_references_no_project_but_Shared()
    {
        var root = SproHub.Testing.Repository.Root;
        foreach (var project in Directory.GetFiles(Path.Combine(root, "Plugins"), "*.csproj", SearchOption.AllDirectories))
        {
            var references = XDocument.Load(project).Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")!).ToList();
            Assert.All(references, r => Assert.EndsWith("SproHub.Shared.csproj", r.Replace('\\', '/')));
        }
    }

    [Fact]
    public void Nobody_references_a_plugin()
    {
        foreach (var assembly in CoreAssemblies.Append(typeof(CoreModules).Assembly).Append(typeof(IModule).Assembly))
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(PluginsRoot).GetResult();
            Assert.True(result.IsSuccessful, $"{assembly.GetName().Name}: {Failing(result)}");
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => r.Name!.StartsWith(PluginsRoot));
        }
    }

    [Fact]
    public void The_host_holds_no_business_rule()
    {
        var host = typeof(CoreModules).Assembly;
        Assert.Empty(Types.InAssembly(host).That().ImplementInterface(typeof(IModule)).GetTypes());
        // The host's only requests are the platform's own services: administration (plugins, audit) and notifications.
        var handlers = host.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))).ToList();
        Assert.All(handlers, h => Assert.Contains(h.Namespace, new[] { "SproHub.Host.Admin", "SproHub.Host.Notifications" }));
    }

    private static string Failing(TestResult result) =>
        result.IsSuccessful ? "" : "Dépendances interdites : " + string.Join(", ", result.FailingTypeNames ?? []);
}

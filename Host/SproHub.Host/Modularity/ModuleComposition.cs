using System.Reflection;
using FluentValidation;
using MediatR;
using SproHub.Shared.Modularity;

namespace SproHub.Host.Modularity;

/// <summary>Registers every loaded module's services; a module that throws is skipped whole.</summary>
public static class ModuleComposition
{
    public static void RegisterModules(this IServiceCollection services, ModuleRegistry registry, IConfiguration configuration, IMvcBuilder mvc, ILogger logger)
    {
        foreach (var module in registry.Active.ToList())
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // Register into a scratch collection first, so that a plugin throwing halfway leaves nothing behind.
            var scratch = new ServiceCollection();
            try
            {
                module.Module!.ConfigureServices(scratch, new ModuleContext(configuration, module.Id));
                AddHandlersAndValidators(scratch, module.Assembly!);
            }
            catch (Exception ex)
            {
                module.Fail($"Erreur à l'enregistrement des services : {PluginFailure.Describe(ex)}");
                logger.LogError(ex, "Module {Id} ignoré : il a échoué à l'enregistrement", module.Id);
                continue;
            }
            foreach (var descriptor in scratch) services.Add(descriptor);
            mvc.AddApplicationPart(module.Assembly!);
            module.RegistrationTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>MediatR handlers and FluentValidation validators of one assembly (plugins are not application dependencies).</summary>
    public static void AddHandlersAndValidators(IServiceCollection services, Assembly assembly) =>
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(INotificationHandler<>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime());
}

using FluentValidation;
using MediatR;
using System.Reflection;
using SproHub.Host.Modularity;
using SproHub.Shared.Security;

namespace SproHub.Host.Platform.Mediator;

/// <summary>MediatR 5.1.0 wired by hand: its old <see cref="ServiceFactory"/> API, and our behaviours as open generics.</summary>
public static class MediatorSetup
{
    public static IServiceCollection AddSproMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();
        // Order matters: the gate refuses before validation reveals anything about a hidden module.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TerritoryGateBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PermissionBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        return services;
    }
}

/// <summary>
/// Runs every FluentValidation validator of the request, and the platform's text safety; a failure becomes a 400 naming
/// the field and the rule.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }
        failures.AddRange(TextSafety.Check(request!));
        if (request is SproHub.Shared.Data.IVersionedRequest { Version: <= 0 })
            failures.Add(new FluentValidation.Results.ValidationFailure("Version", "Indiquez la version de l'élément que vous modifiez (reçue avec lui).") { ErrorCode = "obligatoire" });
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next();
    }
}

/// <summary>
/// Enforces <see cref="RequiresPermissionAttribute"/> before validation and handling. A refusal names the permission
/// as its manifest words it (« Utiliser son espace personnel ma boîte SPRO »), not by its id.
/// </summary>
public sealed class PermissionBehavior<TRequest, TResponse>(ICurrentUser user, SproHub.Shared.Modularity.IModuleCatalog catalog) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string? Permission = typeof(TRequest).GetCustomAttribute<RequiresPermissionAttribute>()?.Permission;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Permission is null || user.IsAuthenticated && user.Can(Permission)) return next();
        if (!user.IsAuthenticated) throw new SproHub.Shared.Errors.NotAuthenticatedException();
        var label = catalog.Active.SelectMany(m => m.Manifest.Permissions).FirstOrDefault(p => p.Id == Permission)?.Label ?? Permission;
        throw new SproHub.Shared.Errors.ForbiddenException($"Votre compte n'a pas, dans ce territoire, la permission demandée : « {label} ».");
    }
}

using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Errors;

namespace SproHub.Host.Platform.Errors;

/// <summary>
/// Every refusal becomes RFC 9457 problem details in French: 400 names the field and the rule, 409 a
/// conflict, 404 what is unknown or hidden. Never a stack trace.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        http.Response.StatusCode = problem.Status!.Value;
        // An incident in a module's endpoint or page counts against that module's health. The endpoint and path are read
        // from the feature: the middleware has already cleared the request's own to re-execute the pipeline.
        var failed = http.Features.Get<IExceptionHandlerPathFeature>();
        if (problem.Status >= 500 && (failed?.Endpoint ?? http.GetEndpoint())?.Metadata.GetMetadata<SproHub.Shared.Modularity.ModuleEndpointMetadata>() is { } owner)
            http.RequestServices.GetRequiredService<Modularity.ModuleErrors>().Record(owner.ModuleId,
                $"{http.Request.Method} {failed?.Path ?? http.Request.Path} : {exception.GetType().Name} : {exception.Message}");
        if (!IsApi(http)) return false; // pages: the status code page renders a French error page.
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>Refusals are the caller's business, not an incident: no error log for them.</summary>
    public static bool IsRefusal(Exception exception) => ToProblem(exception).Status < 500;

    public static bool IsApi(HttpContext http)
    {
        // While handling an exception the request path is the error page's: the original one is in the feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : http.Request.Path;
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/health")
            || http.Request.Headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => Invalid(validation.Errors.Select(e => (Field(e.PropertyName), RuleCode(e.ErrorCode), e.ErrorMessage))),
        RuleViolationException rule => Invalid([(rule.Field, rule.Rule, rule.Message)]),
        ConflictException conflict => With(new ProblemDetails { Status = 409, Title = conflict.Title, Detail = conflict.Message }, "rule", conflict.Rule),
        SproException spro => new ProblemDetails { Status = spro.StatusCode, Title = spro.Title, Detail = spro.Message },
        DbUpdateConcurrencyException => With(new ProblemDetails
        {
            Status = 409, Title = "Conflit",
            Detail = "Cet élément a été modifié par quelqu'un d'autre entre-temps. Rechargez-le avant de réessayer.",
        }, "rule", "stale-version"),
        DbUpdateException { InnerException: var inner } when IsConcurrentWrite(inner) => ConcurrentWrite(),
        System.Data.Common.DbException db when IsConcurrentWrite(db) => ConcurrentWrite(),
        BadHttpRequestException bad => BadRequest(bad),
        _ => new ProblemDetails { Status = 500, Title = "Erreur interne", Detail = "Une erreur inattendue est survenue ; elle a été journalisée." },
    };

    /// <summary>Two writes raced: a unique key taken meanwhile, or PostgreSQL's serialization failure.</summary>
    private static bool IsConcurrentWrite(Exception? exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } => true, // SQLITE_CONSTRAINT
        System.Data.Common.DbException { SqlState: "23505" or "40001" } => true,
        _ => false,
    };

    private static ProblemDetails ConcurrentWrite() => With(new ProblemDetails
    {
        Status = 409, Title = "Conflit",
        Detail = "Une autre modification est arrivée au même moment. Rechargez et réessayez.",
    }, "rule", "ecriture-concurrente");

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            if (RequiredMembers.MissingIn(json) is { Count: > 0 } missing)
                return Invalid(missing.Select(m => (m, "obligatoire", $"« {m} » est obligatoire : il manque dans la requête.")));
            var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return Invalid([(field, "format", "Valeur illisible : vérifiez son type et son format (dates ISO 8601, nombres, booléens, texte).")]);
        }
        // Route and query parameters: ASP.NET names the parameter (« Required parameter "int version" was not provided... »).
        if (Parameter().Match(bad.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups[1].Value;
            return bad.Message.StartsWith("Required", StringComparison.Ordinal)
                ? Invalid([(name, "obligatoire", $"Le paramètre « {name} » est obligatoire.")])
                : Invalid([(name, "format", $"Le paramètre « {name} » a une valeur illisible : vérifiez son type et son format.")]);
        }
        return Invalid([("body", "format", "La requête est mal formée : un corps JSON lisible (UTF-8) est attendu.")]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\" ]+ )?([A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial System.Text.RegularExpressions.Regex Parameter();

    /// <summary>FluentValidation's built-in codes, named in the product's words.</summary>
    private static string RuleCode(string code) => code switch
    {
        "NotEmptyValidator" or "NotNullValidator" => "obligatoire",
        "MaximumLengthValidator" or "LengthValidator" => "longueur-max",
        "MinimumLengthValidator" => "longueur-min",
        "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => "intervalle",
        "GreaterThanValidator" or "GreaterThanOrEqualValidator" or "LessThanValidator" or "LessThanOrEqualValidator" => "comparaison",
        "EnumValidator" => "valeur-connue",
        "EmailValidator" => "email",
        "PredicateValidator" or "AsyncPredicateValidator" => "regle",
        _ => code,
    };

    /// <summary>The JSON name of the field: <c>Segments[0].Minutes</c> becomes <c>segments[0].minutes</c>.</summary>
    private static string Field(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "request"
            : string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static ProblemDetails Invalid(IEnumerable<(string Field, string Rule, string Message)> failures)
    {
        var list = failures.ToList();
        var problem = new HttpValidationProblemDetails(list.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray()))
        {
            Status = 400,
            Title = "Requête invalide",
            Detail = string.Join(" ", list.Select(f => f.Message)),
        };
        problem.Extensions["rules"] = list.Select(f => new { field = f.Field, rule = f.Rule, message = f.Message }).ToList();
        return problem;
    }

    private static ProblemDetails With(ProblemDetails problem, string key, object? value)
    {
        if (value is not null) problem.Extensions[key] = value;
        return problem;
    }
}

using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SproHub.Shared.Errors;

namespace SproHub.Shared.Pages;

/// <summary>Shows a refused request on the form that sent it, each message beside its field.</summary>
public static class ModelStateErrors
{
    /// <returns>false when the exception is not a refusal the person can act on (let it bubble).</returns>
    public static bool TryAddRefusal(this ModelStateDictionary modelState, Exception exception, string prefix = "Input")
    {
        string Key(string field) => string.IsNullOrEmpty(field) ? "" : string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
        switch (exception)
        {
            case ValidationException validation:
                foreach (var error in validation.Errors) modelState.AddModelError(Key(error.PropertyName), error.ErrorMessage);
                return true;
            case RuleViolationException rule:
                modelState.AddModelError(Key(char.ToUpperInvariant(rule.Field[0]) + rule.Field[1..]), rule.Message);
                return true;
            case ConflictException conflict:
                modelState.AddModelError("", conflict.Message);
                return true;
            default:
                return false;
        }
    }
}

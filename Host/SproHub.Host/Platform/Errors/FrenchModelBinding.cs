using Microsoft.AspNetCore.Mvc;

namespace SproHub.Host.Platform.Errors;

/// <summary>
/// The pages' model binding speaks French: its default messages ("The value '…' is not valid for …") would reach a
/// person on the page's error summary, with a C# property name in them.
/// </summary>
public static class FrenchModelBinding
{
    public static void Apply(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
        m.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire envoyé est vide.");
        m.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"« {value} » n'est pas une valeur possible pour ce champ.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur possible.");
        m.SetUnknownValueIsInvalidAccessor(_ => "Cette valeur n'est pas possible pour ce champ.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Cette valeur n'est pas possible.");
        m.SetValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur possible.");
        m.SetValueMustBeANumberAccessor(_ => "Ce champ attend un nombre.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ attend un nombre.");
    }
}

using System.Globalization;
using FluentValidation;

namespace SproHub.Host.Platform.Mediator;

/// <summary>
/// FluentValidation's French messages quote the C# property name ('Name'); the answer already names the field,
/// so the default messages speak of "ce champ" instead. Rules with their own message keep it.
/// </summary>
public static class FrenchValidationMessages
{
    public static void Apply()
    {
        var messages = new FluentValidation.Resources.LanguageManager { Culture = new CultureInfo("fr") };
        ValidatorOptions.Global.LanguageManager = messages;
        messages.AddTranslation("fr", "NotEmptyValidator", "Ce champ est obligatoire.");
        messages.AddTranslation("fr", "NotNullValidator", "Ce champ est obligatoire.");
        messages.AddTranslation("fr", "MaximumLengthValidator", "Ce champ compte au plus {MaxLength} caractères (vous en avez saisi {TotalLength}).");
        messages.AddTranslation("fr", "MinimumLengthValidator", "Ce champ compte au moins {MinLength} caractères (vous en avez saisi {TotalLength}).");
        messages.AddTranslation("fr", "EnumValidator", "Cette valeur ne fait pas partie des choix possibles.");
        messages.AddTranslation("fr", "GreaterThanValidator", "Cette valeur doit être supérieure à {ComparisonValue}.");
        messages.AddTranslation("fr", "InclusiveBetweenValidator", "Cette valeur doit être comprise entre {From} et {To}.");
    }
}

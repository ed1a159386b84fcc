using System.Globalization;
using SproHub.Shared.Errors;

namespace SproHub.Budgets;

/// <summary>Amounts as people type them in the forms (« 4 500,50 », « 4500.50 € »), and as the forms show them back.</summary>
internal static class EuroInput
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static decimal Parse(string? typed, string field, string what)
    {
        var text = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray()).Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) ? amount
            : throw new RuleViolationException(field, "montant", $"{what} : « {typed} » n'est pas un montant en euros (par exemple 4 500,50).");
    }

    public static string Format(decimal amount) => amount.ToString("0.00", French);
}

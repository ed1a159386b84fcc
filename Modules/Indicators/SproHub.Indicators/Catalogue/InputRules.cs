using FluentValidation;

namespace SproHub.Indicators.Catalogue;

/// <summary>The inputs every dashboard request shares, said once.</summary>
internal static class InputRules
{
    public const int FirstYear = 2015;
    public const int LastYear = 2100;

    /// <summary>An evaluation year: the dashboards start with the SPRO's (2015).</summary>
    public static IRuleBuilderOptions<T, int> EvaluationYear<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(FirstYear, LastYear).WithMessage($"L'année va de {FirstYear} à {LastYear}.");

    public static IRuleBuilderOptions<T, string?> DepartmentCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches("^[0-9]{2}$").WithMessage("Le département se donne par son code (18, 28, 36, 37, 41, 45).");
}

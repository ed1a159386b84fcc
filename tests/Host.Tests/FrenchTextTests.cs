using SproHub.Shared.Text;
using Xunit;

namespace Host.Tests;

/// <summary>Counts and units as French writes them, with no « (s) » left to the reader.</summary>
public sealed class FrenchTextTests
{
    [Theory]
    [InlineData(0, "0\u00A0structure")]
    [InlineData(1, "1\u00A0structure")]
    [InlineData(2, "2\u00A0structures")]
    [InlineData(1200, "1\u202F200\u00A0structures")]
    public void A_count_takes_the_singular_below_two(int count, string expected) =>
        Assert.Equal(expected, French.Count(count, "structure", "structures"));

    [Fact]
    public void Euros_and_percentages_keep_their_unit_on_the_same_line()
    {
        Assert.Equal("15\u202F000,00\u00A0€", French.Euros(15_000m));
        Assert.Equal("12,5\u00A0%", French.Percent(12.5m));
        Assert.Equal("SPRO locaux", French.Word(13, "SPRO local", "SPRO locaux"));
    }

    [Theory]
    [InlineData(2026, 5, 1, "d MMMM yyyy", "1er mai 2026")]
    [InlineData(2026, 5, 1, "dddd d MMMM yyyy 'à' HH'h'mm", "vendredi 1er mai 2026 à 00h00")]
    [InlineData(2026, 5, 1, "ddd d MMM yyyy", "ven. 1er mai 2026")]
    [InlineData(2026, 5, 2, "d MMMM yyyy", "2 mai 2026")]
    [InlineData(2026, 5, 1, "dd/MM/yyyy", "01/05/2026")]
    [InlineData(2026, 5, 1, "d/MM", "1/05")]
    public void The_first_of_a_month_written_in_words_is_an_ordinal(int year, int month, int day, string format, string expected)
    {
        Assert.Equal(expected, new DateTime(year, month, day).ToFrench(format));
        Assert.Equal(expected.Replace(" à 00h00", ""), new DateOnly(year, month, day).ToFrench(format.Replace(" 'à' HH'h'mm", "")));
    }
}

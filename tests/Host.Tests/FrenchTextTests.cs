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
}

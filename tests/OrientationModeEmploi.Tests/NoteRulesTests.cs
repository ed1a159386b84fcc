using SproHub.Plugins.OrientationModeEmploi.Notes;
using SproHub.Shared.Errors;
using Xunit;

namespace OrientationModeEmploi.Tests;

/// <summary>The domain rules, without a host or a database.</summary>
public sealed class NoteRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_note_records_what_took_place_up_to_today()
    {
        var note = Note.Record("indre-et-loire", Today, "  Réunion de lancement ", null, "Coordination", Today);
        Assert.Equal("Réunion de lancement", note.Title);
        Assert.Equal(Today, note.Date);
    }

    [Fact]
    public void A_note_dated_after_today_is_refused_with_the_rule_named()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => Note.Record("indre-et-loire", Today.AddDays(1), "Plus tard", null, null, Today));
        Assert.Equal("date", refusal.Field);
        Assert.Equal("date-passee", refusal.Rule);
    }
}

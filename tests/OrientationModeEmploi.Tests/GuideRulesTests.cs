using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Plugins.OrientationModeEmploi.Search;
using SproHub.Shared.Errors;
using Xunit;

namespace OrientationModeEmploi.Tests;

/// <summary>The guide's rules and its search, without a host or a database.</summary>
public sealed class GuideRulesTests
{
    private static readonly Guid Cio = Guid.NewGuid(), MissionLocale = Guid.NewGuid(), Elsewhere = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> Territory = new HashSet<Guid> { Cio, MissionLocale };

    [Fact]
    public void A_question_has_at_least_one_principal_structure()
    {
        var question = new Question { TerritoryId = "indre-et-loire" };
        var refusal = Assert.Throws<RuleViolationException>(() => question.SetAnswerers([(Cio, AnswererRole.Secondary)], Territory));
        Assert.Equal("structure-principale", refusal.Rule);
        question.SetAnswerers([(Cio, AnswererRole.Principal), (MissionLocale, AnswererRole.Secondary)], Territory);
        Assert.Equal([Cio], question.Principal);
        Assert.Equal([MissionLocale], question.Secondary);
    }

    [Fact]
    public void A_structure_answers_a_question_once_and_belongs_to_the_territory()
    {
        var question = new Question { TerritoryId = "indre-et-loire" };
        Assert.Equal("structure-unique", Assert.Throws<RuleViolationException>(() =>
            question.SetAnswerers([(Cio, AnswererRole.Principal), (Cio, AnswererRole.Secondary)], Territory)).Rule);
        Assert.Equal("structure-du-territoire", Assert.Throws<RuleViolationException>(() =>
            question.SetAnswerers([(Elsewhere, AnswererRole.Principal)], Territory)).Rule);
        Assert.Empty(question.Answerers);
    }

    [Theory]
    [InlineData("Éducation, FORMATION !", "education formation")]
    [InlineData("  l'apprentissage  ", "l apprentissage")]
    public void Text_is_read_without_accents_case_or_punctuation(string text, string expected) =>
        Assert.Equal(expected, GuideText.Normalize(text));

    [Fact]
    public void The_little_words_of_a_spoken_question_and_plural_endings_do_not_count() =>
        Assert.Equal(["cherche", "contrat", "apprentissage"], GuideText.Words("Je cherche des contrats d'apprentissage"));

    private static readonly Searchable[] Questions =
    [
        new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "Comment trouver un contrat d'apprentissage ?", "alternance apprenti", "Formation et alternance", ["CCI de Tours"]),
        new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "J'ai un handicap et je cherche un emploi", "RQTH", "Handicap", ["Cap emploi de Tours"]),
        new(Guid.Parse("00000000-0000-0000-0000-000000000003"), "Je cherche un emploi", "inscription", "Emploi", ["France Travail de Tours"]),
    ];

    [Theory]
    [InlineData("apprent", 1)]        // as one types: a word begun is enough
    [InlineData("ALTERNANCE", 1)]     // keywords, case ignored
    [InlineData("rqth", 2)]
    [InlineData("handicapé", 2)]       // accent and ending ignored
    [InlineData("cap emploi", 2)]     // a structure's name
    public void The_search_finds_questions_by_their_words_keywords_and_structures(string query, int expected) =>
        Assert.Equal(Guid.Parse($"00000000-0000-0000-0000-00000000000{expected}"), QuestionSearch.Find(query, Questions)[0]);

    [Fact]
    public void Every_word_typed_must_match_and_the_question_s_own_words_rank_first()
    {
        Assert.Empty(QuestionSearch.Find("apprentissage handicap", Questions));
        Assert.Empty(QuestionSearch.Find("je de la", Questions));
        Assert.Equal(2, QuestionSearch.Find("emploi", Questions).Count);
        Searchable stage = new(Guid.NewGuid(), "Trouver un stage", "formation", "Formation", []), formation = new(Guid.NewGuid(), "Trouver une formation", null, "Orientation", []);
        Assert.Equal([formation.QuestionId, stage.QuestionId], QuestionSearch.Find("formation", [stage, formation]));
    }
}

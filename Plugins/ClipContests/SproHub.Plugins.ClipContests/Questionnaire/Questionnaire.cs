using SproHub.Shared.Errors;

namespace SproHub.Plugins.ClipContests.Questionnaire;

/// <summary>How a person answering is tied to the contest.</summary>
public enum Respondent { Participant, Proche, Professionnel, Public }

/// <summary>
/// The questionnaire handed out at the prize-giving to measure the SPRO's impact (seed 003): anonymous, a minute on a
/// phone, one answer per phone and edition. Satisfaction is the second question, out of 5 (4 or 5 counts as satisfied).
/// </summary>
public sealed class Answer
{
    public const int CommentMaxLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EditionId { get; set; }
    /// <summary>SHA-256 of the phone's visitor cookie: one answer each, nobody recognisable.</summary>
    public string Device { get; set; } = "";
    public Respondent Respondent { get; set; }
    public int Satisfaction { get; set; }
    public bool KnewSproBefore { get; set; }
    public bool KnowsWhereToAsk { get; set; }
    public bool WantsToDiscoverAJob { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }

    public bool Satisfied => Satisfaction >= 4;

    public static class Questions
    {
        public const string Respondent = "Vous êtes…";
        public const string Satisfaction = "Avez-vous apprécié la projection et la remise des prix ? (1 : pas du tout, 5 : beaucoup)";
        public const string KnewSproBefore = "Avant aujourd'hui, connaissiez-vous les structures qui vous informent sur les métiers (Mission Locale, CIO, France Travail, Cap emploi…) ?";
        public const string KnowsWhereToAsk = "Savez-vous maintenant où vous adresser pour vous informer sur un métier ou une formation ?";
        public const string WantsToDiscoverAJob = "Les clips vous ont-ils donné envie de découvrir un métier ?";
        public const string Comment = "Un mot pour les équipes ou les organisateurs ? (facultatif)";
    }

    public static string Label(Respondent respondent) => respondent switch
    {
        Respondent.Participant => "membre d'une équipe",
        Respondent.Proche => "un proche d'un participant",
        Respondent.Professionnel => "un professionnel (structure, entreprise, école)",
        _ => "spectateur",
    };

    public static void CheckSatisfaction(int satisfaction)
    {
        if (satisfaction is < 1 or > 5) throw new RuleViolationException("satisfaction", "note-satisfaction", "Répondez de 1 à 5.");
    }
}

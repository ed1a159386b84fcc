using SproHub.Shared.Data;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Jury;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Questionnaire;

/// <summary>Anyone answers the questionnaire on their phone while the coordinator keeps it open (the prize-giving); once per phone.</summary>
public sealed record AnswerQuestionnaire(int Year, string DeviceKey, Respondent Respondent, int Satisfaction, bool KnewSproBefore, bool KnowsWhereToAsk,
    bool WantsToDiscoverAJob, string? Comment) : IRequest<Unit>;

public sealed class AnswerQuestionnaireValidator : AbstractValidator<AnswerQuestionnaire>
{
    public AnswerQuestionnaireValidator()
    {
        RuleFor(r => r.Respondent).IsInEnum().WithMessage("Dites qui vous êtes.");
        RuleFor(r => r.Satisfaction).InclusiveBetween(1, 5).WithMessage("Répondez de 1 à 5.");
        RuleFor(r => r.Comment).MaximumLength(Answer.CommentMaxLength);
    }
}

/// <summary>The coordinator opens the questionnaire at the prize-giving and closes it after.</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record OpenQuestionnaire(int Year, bool Open) : IRequest<Unit>;

public sealed record Count(string Label, int Value);
public sealed record QuestionResult(string Question, IReadOnlyList<Count> Counts);
/// <param name="Satisfied">Answers of 4 or 5 out of 5 to the satisfaction question.</param>
public sealed record QuestionnaireResults(int Year, string Title, bool Open, int Answers, int Satisfied, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<string> Comments);

/// <summary>The answers counted per question (the comments listed), for the coordination.</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record GetQuestionnaireResults(int Year) : IRequest<QuestionnaireResults>;

/// <summary>Whether the questionnaire is open, for the public page.</summary>
public sealed record IsQuestionnaireOpen(int Year) : IRequest<(bool Open, string Title)>;

internal sealed class QuestionnaireHandlers(ClipContestsDbContext db, JuryAccess access, TimeProvider clock)
    : IRequestHandler<AnswerQuestionnaire, Unit>, IRequestHandler<OpenQuestionnaire, Unit>, IRequestHandler<GetQuestionnaireResults, QuestionnaireResults>,
      IRequestHandler<IsQuestionnaireOpen, (bool Open, string Title)>
{
    public async Task<Unit> Handle(AnswerQuestionnaire request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        if (!edition.QuestionnaireOpen) throw new RuleViolationException("year", "questionnaire-ferme", "Le questionnaire n'est pas ouvert : il se remplit le jour de la remise des prix.");
        var device = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.DeviceKey)));
        if (await db.Answers.AnyAsync(a => a.EditionId == edition.Id && a.Device == device, cancellationToken))
            throw new RuleViolationException("year", "deja-repondu", "Vous avez déjà répondu depuis ce téléphone : merci !");
        var answer = new Answer
        {
            EditionId = edition.Id, Device = device, Respondent = request.Respondent, Satisfaction = request.Satisfaction, KnewSproBefore = request.KnewSproBefore,
            KnowsWhereToAsk = request.KnowsWhereToAsk, WantsToDiscoverAJob = request.WantsToDiscoverAJob,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), AnsweredAt = clock.GetUtcNow(),
        };
        db.Answers.Add(answer);
        db.Record(clock, ClipContestsModule.Indicators.Answers, edition.TerritoryId, 1, answer.Id.ToString());
        if (answer.Satisfied) db.Record(clock, ClipContestsModule.Indicators.Satisfied, edition.TerritoryId, 1, answer.Id.ToString());
        await db.SaveOrConflictAsync("Vous avez déjà répondu depuis ce téléphone : merci !", "deja-repondu", cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(OpenQuestionnaire request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        edition.QuestionnaireOpen = request.Open;
        db.Entry(edition).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<(bool Open, string Title)> Handle(IsQuestionnaireOpen request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        return (edition.QuestionnaireOpen, $"{edition.Title} {edition.Year}");
    }

    public async Task<QuestionnaireResults> Handle(GetQuestionnaireResults request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        var answers = await db.Answers.AsNoTracking().Where(a => a.EditionId == edition.Id).ToListAsync(cancellationToken);
        static IReadOnlyList<Count> YesNo(IEnumerable<bool> values) { var list = values.ToList(); return [new("Oui", list.Count(v => v)), new("Non", list.Count(v => !v))]; }
        return new QuestionnaireResults(edition.Year, edition.Title, edition.QuestionnaireOpen, answers.Count, answers.Count(a => a.Satisfied),
        [
            new(Answer.Questions.Respondent, Enum.GetValues<Respondent>().Select(r => new Count(Answer.Label(r), answers.Count(a => a.Respondent == r))).ToList()),
            new(Answer.Questions.Satisfaction, Enumerable.Range(1, 5).Select(n => new Count($"{n} sur 5", answers.Count(a => a.Satisfaction == n))).ToList()),
            new(Answer.Questions.KnewSproBefore, YesNo(answers.Select(a => a.KnewSproBefore))),
            new(Answer.Questions.KnowsWhereToAsk, YesNo(answers.Select(a => a.KnowsWhereToAsk))),
            new(Answer.Questions.WantsToDiscoverAJob, YesNo(answers.Select(a => a.WantsToDiscoverAJob))),
        ], answers.Where(a => a.Comment is not null).OrderBy(a => a.AnsweredAt).Select(a => a.Comment!).ToList());
    }
}

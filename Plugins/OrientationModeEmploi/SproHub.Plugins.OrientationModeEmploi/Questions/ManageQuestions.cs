using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Questions;

public sealed record AnswererInput(Guid StructureId, AnswererRole Role);

/// <summary>What a question says and who answers it: the same for a new question and an edited one.</summary>
public interface IQuestionContent
{
    Guid ThemeId { get; }
    string Text { get; }
    string? Keywords { get; }
    IReadOnlyList<AnswererInput>? Answerers { get; }
}

[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record CreateQuestion(Guid ThemeId, string Text, string? Keywords, IReadOnlyList<AnswererInput>? Answerers) : IRequest<QuestionView>, IQuestionContent;

[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record UpdateQuestion(Guid Id, Guid ThemeId, string Text, string? Keywords, IReadOnlyList<AnswererInput>? Answerers, int Version)
    : IRequest<QuestionView>, IQuestionContent, IVersionedRequest;

[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record DeleteQuestion(Guid Id, int Version) : IRequest<Unit>, IVersionedRequest;

public sealed class QuestionContentValidator : AbstractValidator<IQuestionContent>
{
    public QuestionContentValidator()
    {
        RuleFor(r => r.ThemeId).NotEmpty().WithMessage("Choisissez le thème de la question.");
        RuleFor(r => r.Text).NotEmpty().WithMessage("Écrivez la question telle que le public la pose.").MaximumLength(Question.TextMaxLength);
        RuleFor(r => r.Keywords).MaximumLength(Question.KeywordsMaxLength);
        RuleFor(r => r.Answerers).NotEmpty().WithMessage("Indiquez les structures qui répondent à cette question, dont au moins une principale.");
        RuleForEach(r => r.Answerers).ChildRules(a => a.RuleFor(x => x.Role).IsInEnum().WithMessage("Le rôle d'une structure est « Principal » ou « Secondary »."));
    }
}

public sealed class CreateQuestionValidator : AbstractValidator<CreateQuestion>
{
    public CreateQuestionValidator() => Include(new QuestionContentValidator());
}

public sealed class UpdateQuestionValidator : AbstractValidator<UpdateQuestion>
{
    public UpdateQuestionValidator() => Include(new QuestionContentValidator());
}

internal sealed class QuestionHandlers(OrientationModeEmploiDbContext db, GuideReader reader, ITerritoryContext territory, IAuditLog audit)
    : IRequestHandler<CreateQuestion, QuestionView>, IRequestHandler<UpdateQuestion, QuestionView>, IRequestHandler<DeleteQuestion, Unit>
{
    public async Task<QuestionView> Handle(CreateQuestion request, CancellationToken cancellationToken)
    {
        var question = new Question { TerritoryId = territory.Current!.Slug };
        await ApplyAsync(question, request, cancellationToken);
        db.Questions.Add(question);
        Audit("question.creee", question);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(question.Id, cancellationToken);
    }

    public async Task<QuestionView> Handle(UpdateQuestion request, CancellationToken cancellationToken)
    {
        var question = await FindAsync(request.Id, request.Version, cancellationToken);
        await ApplyAsync(question, request, cancellationToken);
        // Changing only its structures must still bump its version: the question is the unit people edit.
        db.Entry(question).State = EntityState.Modified;
        Audit("question.modifiee", question);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(question.Id, cancellationToken);
    }

    public async Task<Unit> Handle(DeleteQuestion request, CancellationToken cancellationToken)
    {
        var question = await FindAsync(request.Id, request.Version, cancellationToken);
        db.Questions.Remove(question);
        Audit("question.supprimee", question);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task ApplyAsync(Question question, IQuestionContent content, CancellationToken cancellationToken)
    {
        if (!await db.Themes.AnyAsync(t => t.Id == content.ThemeId, cancellationToken))
            throw new RuleViolationException("themeId", "theme-connu", "Ce thème n'existe pas dans ce territoire.");
        question.ThemeId = content.ThemeId;
        question.Describe(content.Text, content.Keywords);
        question.SetAnswerers(content.Answerers!.Select(a => (a.StructureId, a.Role)).ToList(), await reader.StructureIdsAsync(cancellationToken));
    }

    private async Task<Question> FindAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == id, cancellationToken) ?? throw new NotFoundException("Cette question n'existe pas dans ce territoire.");
        db.Entry(question).ExpectVersion(version);
        return question;
    }

    private async Task<QuestionView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        (await reader.ReadAsync(cancellationToken)).Questions.Single(q => q.Id == id);

    private void Audit(string action, Question question) =>
        audit.Queue(db, new AuditEntry(OrientationModeEmploiModule.Id, action, "question", question.Id.ToString(), question.TerritoryId, question.Text));
}

internal static class QuestionEndpoints
{
    public sealed record QuestionBody(Guid ThemeId, string Text, string? Keywords, IReadOnlyList<AnswererInput>? Answerers, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/questions", async Task<Created<QuestionView>> (CreateQuestion request, IMediator mediator, CancellationToken ct) =>
        {
            var question = await mediator.Send(request, ct);
            return TypedResults.Created($"questions/{question.Id}", question);
        }).WithSummary("Ajouter une question fréquente et les structures qui y répondent");
        api.MapPut("/questions/{id:guid}", async Task<Ok<QuestionView>> (Guid id, QuestionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateQuestion(id, body.ThemeId, body.Text, body.Keywords, body.Answerers, body.Version), ct)))
            .WithSummary("Modifier une question (version requise)");
        api.MapDelete("/questions/{id:guid}", async Task<NoContent> (Guid id, int version, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteQuestion(id, version), ct);
            return TypedResults.NoContent();
        }).WithSummary("Supprimer une question (?version=)");
    }
}

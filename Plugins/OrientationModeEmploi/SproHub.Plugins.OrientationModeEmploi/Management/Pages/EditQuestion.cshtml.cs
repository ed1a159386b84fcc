using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Shared.Errors;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Management.Pages;

public sealed class EditQuestionModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public QuestionForm Question { get; set; } = new();
    public GuideView Guide { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Question = QuestionForm.From(Guide.Questions.FirstOrDefault(q => q.Id == Id) ?? throw new NotFoundException("Cette question n'existe pas dans ce territoire."));
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var q = await mediator.Send(new UpdateQuestion(Id, Question.ThemeId, Question.Text, Question.Keywords, Question.Answerers, Question.Version), ct);
        return $"Question « {q.Text} » enregistrée.";
    }, nameof(Question), ct, new { Id });

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        await mediator.Send(new DeleteQuestion(Id, Question.Version), ct);
        return ("Question supprimée du guide.", $"/t/{Territory}/mode-emploi/gestion");
    }, nameof(Question), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Guide = await mediator.Send(new GetGuide(), cancellationToken);
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.ClipContests.Gallery;
using SproHub.Shared.Pages;

namespace SproHub.Plugins.ClipContests.Questionnaire.Pages;

/// <summary>The prize-giving's questionnaire, answered on a phone without an account.</summary>
public sealed class AnswerModel(IMediator mediator) : FormPageModel
{
    public sealed class AnswerForm
    {
        public Respondent? Respondent { get; set; }
        public int? Satisfaction { get; set; }
        public bool? KnewSproBefore { get; set; }
        public bool? KnowsWhereToAsk { get; set; }
        public bool? WantsToDiscoverAJob { get; set; }
        public string? Comment { get; set; }
    }

    [FromRoute] public int Year { get; set; }
    [BindProperty] public AnswerForm Form { get; set; } = new();
    public bool Open { get; private set; }
    public string Title { get; private set; } = "";
    public bool Answered { get; private set; }

    public Task OnGetAsync(CancellationToken ct)
    {
        GalleryEndpoints.VisitorKey(HttpContext); // the phone gets its cookie with the form, so that its answer counts once
        return LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new AnswerQuestionnaire(Year, GalleryEndpoints.RequiredVisitorKey(HttpContext), Form.Respondent ?? (Respondent)(-1), Form.Satisfaction ?? 0,
            Form.KnewSproBefore == true, Form.KnowsWhereToAsk == true, Form.WantsToDiscoverAJob == true, Form.Comment), ct);
        return "Merci ! Vos réponses sont enregistrées.";
    }, nameof(Form), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Open, Title) = await mediator.Send(new IsQuestionnaireOpen(Year), cancellationToken);
        Answered = Message is not null;
    }
}

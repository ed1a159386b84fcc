using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Plugins.OrientationModeEmploi.Questions;
using SproHub.Plugins.OrientationModeEmploi.Search;
using SproHub.Plugins.OrientationModeEmploi.Themes;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Management.Pages;

/// <summary>The coordinator keeps the guide up to date: what was searched in vain, questions, themes, structure sheets.</summary>
public sealed class ManageModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public sealed class ThemeEdit
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public int Position { get; set; }
        public int Version { get; set; }
    }

    public GuideView Guide { get; private set; } = null!;
    public IReadOnlyList<UnansweredSearchView> Unanswered { get; private set; } = [];
    public string Territory => territory.Current!.Slug;
    [BindProperty] public QuestionForm NewQuestion { get; set; } = new();
    [BindProperty] public string NewThemeName { get; set; } = "";

    public async Task OnGetAsync(string? question, CancellationToken ct)
    {
        // "Add this question" from the list of searches without an answer.
        if (!string.IsNullOrWhiteSpace(question)) NewQuestion.Text = question;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostQuestionAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var q = await mediator.Send(new CreateQuestion(NewQuestion.ThemeId, NewQuestion.Text, NewQuestion.Keywords, NewQuestion.Answerers), ct);
        return $"Question « {q.Text} » ajoutée au guide.";
    }, nameof(NewQuestion), ct);

    public Task<IActionResult> OnPostThemeAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var theme = await mediator.Send(new CreateTheme(NewThemeName), ct);
        return $"Thème « {theme.Name} » créé.";
    }, "NewTheme", ct);

    public Task<IActionResult> OnPostEditThemeAsync(ThemeEdit edit, CancellationToken ct) => SubmitAsync(async () =>
    {
        var theme = await mediator.Send(new UpdateTheme(edit.Id, edit.Name, edit.Position, edit.Version), ct);
        return $"Thème « {theme.Name} » enregistré.";
    }, "edit", ct);

    public Task<IActionResult> OnPostDeleteThemeAsync(ThemeEdit edit, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new DeleteTheme(edit.Id, edit.Version), ct);
        return "Thème supprimé.";
    }, "edit", ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new DismissUnansweredSearch(id), ct);
        return "Recherche retirée de la liste.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Guide = await mediator.Send(new GetGuide(), cancellationToken);
        Unanswered = await mediator.Send(new ListUnansweredSearches(), cancellationToken);
    }
}

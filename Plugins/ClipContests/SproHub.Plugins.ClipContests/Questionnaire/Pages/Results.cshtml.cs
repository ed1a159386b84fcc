using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Questionnaire.Pages;

/// <summary>The questionnaire's results as charts (with their table), and its opening at the prize-giving.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class ResultsModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    [FromRoute] public int Year { get; set; }
    public QuestionnaireResults Results { get; private set; } = null!;
    public string Territory => territory.Current!.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(bool open, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new OpenQuestionnaire(Year, open), ct);
        return open ? "Questionnaire ouvert : le public répond depuis son téléphone." : "Questionnaire fermé.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Results = await mediator.Send(new GetQuestionnaireResults(Year), cancellationToken);
}

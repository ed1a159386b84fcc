using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Situations.Pages;

/// <summary>The request form and the diagnostic sheet, with the consent collected first.</summary>
[RequiresPermission(CelluleHandicapModule.TakePartPermission)] // as SubmitSituation: the host refuses the page itself to others
public sealed class SubmitModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public sealed class SituationForm
    {
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public DateOnly? BirthDate { get; set; }
        public string? Town { get; set; }
        public Recognition Recognition { get; set; } = Recognition.NeSaitPas;
        public string? RecognitionDetails { get; set; }
        public string Situation { get; set; } = "";
        public string Path { get; set; } = "";
        public string Needs { get; set; } = "";
        public string Question { get; set; } = "";
        public DateOnly? ConsentDate { get; set; }
        public bool ConsentExamination { get; set; }
        public bool ConsentSharing { get; set; }
        public bool ConsentFollowUp { get; set; }
        public bool YoungPersonConsent { get; set; }
        public bool GuardianConsent { get; set; }
        public string? GuardianName { get; set; }
        public string? GuardianRelation { get; set; }
    }

    [BindProperty] public SituationForm Form { get; set; } = new();
    public string Territory => territory.Current!.Slug;

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        var f = Form;
        var submitted = await mediator.Send(new SubmitSituation(f.FirstName ?? "", f.LastName ?? "", f.BirthDate ?? default, f.Town, f.Recognition, f.RecognitionDetails,
            f.Situation ?? "", f.Path ?? "", f.Needs ?? "", f.Question ?? "", f.ConsentDate ?? default, f.ConsentExamination, f.ConsentSharing, f.ConsentFollowUp,
            f.YoungPersonConsent, f.GuardianConsent, f.GuardianName, f.GuardianRelation), ct);
        var where = submitted.SessionDate is { } d ? $"inscrite à la concertation du {d:dd/MM/yyyy}" : "en attente de la prochaine concertation prévue";
        return ($"Situation {submitted.Reference} déposée, {where}.", $"/t/{Territory}/cellule/situations/{submitted.Id}");
    }, nameof(Form), ct);

    protected override Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

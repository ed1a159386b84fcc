using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.CelluleHandicap.Concertation;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Situations.Pages;

/// <summary>A young person's file: the prescriber's and the attending partners' only; opening it is recorded.</summary>
public sealed class SituationModel(IMediator mediator, ITerritoryContext territory, TimeProvider clock) : FormPageModel
{
    public sealed class InputForm { public Guid PartnerId { get; set; } public string Text { get; set; } = ""; }
    public sealed class ExaminationForm
    {
        public Guid SessionId { get; set; }
        public string Synthesis { get; set; } = "";
        public string Decisions { get; set; } = "";
        public Guid StepPartnerId { get; set; }
        public string StepAction { get; set; } = "";
    }
    public sealed class TextForm { public string Text { get; set; } = ""; }
    public sealed class ClosureForm { public Outcome Outcome { get; set; } public DateOnly? ClosedOn { get; set; } }
    public sealed class WithdrawalForm { public DateOnly? WithdrawnOn { get; set; } }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public SituationView View { get; private set; } = null!;
    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];
    public string Territory => territory.Current!.Slug;
    public DateOnly Today => ParisTime.Today(clock);
    [BindProperty] public InputForm Input { get; set; } = new();
    [BindProperty] public ExaminationForm Exam { get; set; } = new();
    [BindProperty] public TextForm Point { get; set; } = new();
    [BindProperty] public ClosureForm Closure { get; set; } = new();
    [BindProperty] public WithdrawalForm Withdrawal { get; set; } = new();

    /// <summary>The held sessions where it was on the agenda to be examined and is not yet: the prescriber records them.</summary>
    public IEnumerable<AgendaEntryView> ToRecord => View.Agenda.Where(a => a.Kind == AgendaItemKind.Examen && a.Date <= Today && View.Examinations.All(e => e.ExaminedOn != a.Date));

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostInputAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new AddPartnerInput(Id, Input.PartnerId, Input.Text ?? ""), ct);
        return "Vos éléments sont ajoutés à la fiche.";
    }, nameof(Input), ct, new { Id });

    public Task<IActionResult> OnPostExaminationAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RecordExamination(Id, Exam.SessionId, Exam.Synthesis ?? "", Exam.Decisions ?? "",
            [new NextStepInput(Exam.StepPartnerId, Exam.StepAction ?? "")]), ct);
        return "Fiche diagnostic complétée : décisions et suites enregistrées.";
    }, nameof(Exam), ct, new { Id });

    public Task<IActionResult> OnPostFollowUpAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RecordFollowUp(Id, Point.Text ?? ""), ct);
        return "Point de situation enregistré.";
    }, nameof(Point), ct, new { Id });

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new CloseSituation(Id, Closure.Outcome, Closure.ClosedOn ?? default), ct);
        return "Situation close.";
    }, nameof(Closure), ct, new { Id });

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new WithdrawConsent(Id, Withdrawal.WithdrawnOn ?? default), ct);
        return "Consentement retiré : la situation quitte les ordres du jour et ses données sont effacées.";
    }, nameof(Withdrawal), ct, new { Id });

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new GetSituation(Id), cancellationToken);
        Partners = await mediator.Send(new ListPartners(), cancellationToken);
    }
}

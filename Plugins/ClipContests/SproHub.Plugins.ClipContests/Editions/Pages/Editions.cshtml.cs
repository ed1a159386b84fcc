using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Editions.Pages;

/// <summary>The territory's editions; the coordinator opens the year's here.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class EditionsModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory, IStructureDirectory structures, TimeProvider clock) : FormPageModel
{
    public sealed class EditionForm
    {
        public int Year { get; set; }
        public string Title { get; set; } = "Clip moi un métier";
        public string Themes { get; set; } = "Égalité entre les femmes et les hommes\nAlternance\nLutte contre les discriminations";
        public DateOnly? RegistrationEnds { get; set; }
        public DateOnly? FilmingEnds { get; set; }
        public DateOnly? SubmissionEnds { get; set; }
        public DateOnly? JuryStarts { get; set; }
        public DateOnly? JuryEnds { get; set; }
        /// <summary>One role per structure of the territory, empty for those not taking part.</summary>
        public Dictionary<Guid, PartnerRole?> Roles { get; set; } = [];
    }

    public IReadOnlyList<EditionSummary> Editions { get; private set; } = [];
    public IReadOnlyList<StructureInfo> Structures { get; private set; } = [];
    public bool CanManage => user.Can(ClipContestsModule.ManagePermission);
    public string TerritoryName => territory.Current!.Name;
    public string Territory => territory.Current!.Slug;
    [BindProperty] public EditionForm NewEdition { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct)
    {
        NewEdition.Year = ParisTime.Today(clock).Year + (ParisTime.Today(clock).Month >= 9 ? 1 : 0);
        return LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        var f = NewEdition;
        var edition = await mediator.Send(new OpenEdition(f.Year, f.Title ?? "", (f.Themes ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            f.RegistrationEnds ?? default, f.FilmingEnds ?? default, f.SubmissionEnds ?? default, f.JuryStarts ?? default, f.JuryEnds ?? default,
            f.Roles.Where(r => r.Value is not null).Select(r => new PartnerInput(r.Key, r.Value!.Value)).ToList()), ct);
        return ($"Édition {edition.Year} ouverte : les structures partenaires peuvent inscrire leurs équipes.", $"/t/{Territory}/clips/{edition.Year}");
    }, nameof(NewEdition), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Editions = await mediator.Send(new ListEditions(), cancellationToken);
        if (CanManage) Structures = await structures.ListAsync(Territory, cancellationToken);
    }
}

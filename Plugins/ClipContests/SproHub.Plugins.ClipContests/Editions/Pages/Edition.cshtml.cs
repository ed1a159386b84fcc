using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Editions.Pages;

/// <summary>An edition: its calendar and partners, its teams; agents of the partner structures register theirs here.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class EditionModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public sealed class ParticipantRow
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? ParentName { get; set; }
        public DateOnly? ParentConsentOn { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName) && BirthDate is null;
        public ParticipantInput ToInput() => new(FirstName ?? "", LastName ?? "", BirthDate ?? default, ParentName, ParentConsentOn);
    }

    public sealed class TeamForm
    {
        public string Name { get; set; } = "";
        public Guid StructureId { get; set; }
        public string? LeadEmail { get; set; }
        /// <summary>Five rows; those left empty are not participants.</summary>
        public List<ParticipantRow> Participants { get; set; } = [.. Enumerable.Range(0, Team.MaxSize).Select(_ => new ParticipantRow())];
    }

    public sealed class CalendarForm
    {
        public string? Title { get; set; }
        public string? Themes { get; set; }
        public DateOnly? RegistrationEnds { get; set; }
        public DateOnly? FilmingEnds { get; set; }
        public DateOnly? SubmissionEnds { get; set; }
        public DateOnly? JuryStarts { get; set; }
        public DateOnly? JuryEnds { get; set; }
        public int Version { get; set; }
    }

    [FromRoute] public int Year { get; set; }
    [BindProperty] public CalendarForm Change { get; set; } = new();
    public EditionView Edition { get; private set; } = null!;
    [BindProperty] public TeamForm NewTeam { get; set; } = new();
    public bool CanManage => user.Can(ClipContestsModule.ManagePermission);
    public bool CanRegister => user.Can(ClipContestsModule.LeadTeamPermission) && Edition.Phase == EditionPhase.Registration;
    public string Territory => territory.Current!.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostTeamAsync(CancellationToken ct) => SubmitThenRedirectAsync(async () =>
    {
        while (NewTeam.Participants.Count < Team.MaxSize) NewTeam.Participants.Add(new ParticipantRow());
        var team = await mediator.Send(new RegisterTeam(Year, NewTeam.Name ?? "", NewTeam.StructureId,
            NewTeam.Participants.Where(p => !p.IsEmpty).Select(p => p.ToInput()).ToList(), CanManage ? NewTeam.LeadEmail : null), ct);
        return ($"Équipe « {team.Name} » inscrite avec {team.Participants.Count} participants.", $"/t/{Territory}/clips/equipes/{team.Id}");
    }, nameof(NewTeam), ct);

    public Task<IActionResult> OnPostChangeAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var c = Change;
        await mediator.Send(new ChangeEdition(Year, c.Title ?? "", (c.Themes ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            c.RegistrationEnds ?? default, c.FilmingEnds ?? default, c.SubmissionEnds ?? default, c.JuryStarts ?? default, c.JuryEnds ?? default, c.Version), ct);
        return "Édition modifiée.";
    }, nameof(Change), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Edition = await mediator.Send(new GetEdition(Year), cancellationToken);
        if (Change.Title is null)
        {
            var (e, c) = (Edition, Edition.Calendar);
            Change = new CalendarForm { Title = e.Title, Themes = string.Join("\n", e.Themes), RegistrationEnds = c.RegistrationEnds, FilmingEnds = c.FilmingEnds,
                SubmissionEnds = c.SubmissionEnds, JuryStarts = c.JuryStarts, JuryEnds = c.JuryEnds, Version = e.Version };
        }
        while (NewTeam.Participants.Count < Team.MaxSize) NewTeam.Participants.Add(new ParticipantRow());
    }
}

using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Editions.Pages;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Shared.Errors;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Teams.Pages;

/// <summary>A team as its lead manages it: participants, project, signed permissions, clip; the coordination publishes it.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
// A clip's video is up to 2 Go; the form's file is buffered to a temporary file by ASP.NET, then streamed to the store.
[RequestSizeLimit(ClipUploadLimit), RequestFormLimits(MultipartBodyLengthLimit = ClipUploadLimit)]
public sealed class TeamModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    private const long ClipUploadLimit = 2L * 1024 * 1024 * 1024 + 1024 * 1024;

    public sealed class ProjectForm
    {
        public string? Job { get; set; }
        public string? Theme { get; set; }
        public string? Scenario { get; set; }
        public string? FilmedPerson { get; set; }
        public string? Workplace { get; set; }
    }
    public sealed class PermissionForm
    {
        public PermissionKind Kind { get; set; }
        public string? SignedBy { get; set; }
        public DateOnly? SignedOn { get; set; }
        public IFormFile? Document { get; set; }
    }
    public sealed class ClipForm
    {
        public string? Description { get; set; }
        public string? VideoLink { get; set; }
    }

    [FromRoute] public Guid Id { get; set; }
    public TeamView Team { get; private set; } = null!;
    [BindProperty] public EditionModel.ParticipantRow NewParticipant { get; set; } = new();
    [BindProperty] public ProjectForm Project { get; set; } = new();
    [BindProperty] public PermissionForm Permission { get; set; } = new();
    [BindProperty] public ClipForm Clip { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public bool CanManage => user.Can(ClipContestsModule.ManagePermission);
    public string Territory => territory.Current!.Slug;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostParticipantAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new AddParticipant(Id, NewParticipant.ToInput(), Version), ct);
        return $"{NewParticipant.FirstName} {NewParticipant.LastName} rejoint l'équipe.";
    }, nameof(NewParticipant), ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid participantId, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RemoveParticipant(Id, participantId, Version), ct);
        return "Participant retiré de l'équipe ; ses données sont effacées.";
    }, "", ct);

    public Task<IActionResult> OnPostProjectAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new ChangeProject(Id, Project.Job, Project.Theme, Project.Scenario, Project.FilmedPerson, Project.Workplace, Version), ct);
        return "Projet enregistré.";
    }, nameof(Project), ct);

    public Task<IActionResult> OnPostPermissionAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var document = Permission.Document ?? throw new RuleViolationException("document", "obligatoire", "Joignez l'autorisation signée (PDF ou photo).");
        await using var content = document.OpenReadStream();
        await mediator.Send(new RecordPermission(Id, Permission.Kind, Permission.SignedBy ?? "", Permission.SignedOn ?? default, content, document.FileName), ct);
        return $"Autorisation enregistrée : {FilmingPermission.Label(Permission.Kind)}.";
    }, nameof(Permission), ct);

    public Task<IActionResult> OnPostClipAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new DescribeClip(Id, Clip.Description, Clip.VideoLink), ct);
        return "Clip enregistré.";
    }, nameof(Clip), ct);

    public Task<IActionResult> OnPostClipFileAsync(ClipFileKind kind, IFormFile? file, CancellationToken ct) => SubmitAsync(async () =>
    {
        if (file is null) throw new RuleViolationException(Clips.Clip.Accepts(kind).Field, "obligatoire", "Choisissez le fichier à déposer.");
        await using var content = file.OpenReadStream();
        await mediator.Send(new UploadClipFile(Id, kind, content, file.FileName), ct);
        return kind switch { ClipFileKind.Video => "Vidéo déposée.", ClipFileKind.Poster => "Affiche déposée.", _ => "Sous-titres déposés." };
    }, "", ct);

    public Task<IActionResult> OnPostSkillsAsync(List<string> skills, string? otherSkill, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new Certificates.ChooseSkills(Id, skills, otherSkill, Version), ct);
        return "Compétences enregistrées pour les attestations.";
    }, "", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid clipId, bool published, CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new PublishClip(clipId, published), ct);
        return published ? "Clip publié dans la galerie." : "Clip retiré de la galerie.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Team = await mediator.Send(new GetTeam(Id), cancellationToken);
        Version = Team.Version;
        ModelState.Remove(nameof(Version));
        if (!ModelState.ContainsKey("Project.Job"))
            Project = new ProjectForm { Job = Team.Project.Job, Theme = Team.Project.Theme, Scenario = Team.Project.Scenario, FilmedPerson = Team.Project.FilmedPerson, Workplace = Team.Project.Workplace };
        if (Team.Clip is { } clip && string.IsNullOrEmpty(Clip.Description)) Clip = new ClipForm { Description = clip.Description, VideoLink = clip.VideoLink };
    }
}

using Microsoft.AspNetCore.Authorization;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SproHub.Plugins.MaBoite.Spaces;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Publications.Pages;

/// <summary>The agents' side of the portal: publish, see how many people read, withdraw.</summary>
[Authorize] // the host's cookie sends a signed-out visitor to the login page, and back
public sealed class ManageModel(IMediator mediator, ITerritoryContext territory, IStructureDirectory structures) : FormPageModel
{
    public sealed class PublicationForm
    {
        public PublicationKind Kind { get; set; } = PublicationKind.Actualite;
        public string Title { get; set; } = "";
        public string Markdown { get; set; } = "";
        public string? Link { get; set; }
        public List<PublicType> PublicTypes { get; set; } = [];
        public int? AgeMin { get; set; }
        public int? AgeMax { get; set; }
        public Guid? StructureId { get; set; }
        public DateOnly? EventOn { get; set; }
        public string? Place { get; set; }
    }

    public string Territory => territory.Current!.Slug;
    [BindProperty] public PublicationForm Form { get; set; } = new();
    [BindProperty] public Guid WithdrawId { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }
    [BindProperty] public int WithdrawVersion { get; set; }
    public IReadOnlyList<PublicationLine> Publications { get; private set; } = [];
    public IReadOnlyList<StructureInfo> Structures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var f = Form;
        var line = await mediator.Send(new Publish(f.Kind, f.Title ?? "", f.Markdown ?? "", f.Link, f.PublicTypes, f.AgeMin, f.AgeMax, f.StructureId, f.EventOn, f.Place), ct);
        return $"« {line.Title} » est publié ({line.Audience}).";
    }, nameof(Form), ct);

    /// <summary>A guide or a form of at most 20 Mo (buffered by ASP.NET on the disk, never in memory, above 64 ko).</summary>
    public Task<IActionResult> OnPostAttachAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        if (Attachment is null) throw new SproHub.Shared.Errors.RuleViolationException("attachment", "obligatoire", "Choisissez un document.");
        await using var content = Attachment.OpenReadStream();
        var line = await mediator.Send(new AttachDocument(WithdrawId, content, Attachment.FileName), ct);
        return $"« {line.AttachmentName} » est joint à « {line.Title} ».";
    }, "", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => SubmitAsync(async () =>
        $"« {(await mediator.Send(new Withdraw(WithdrawId, WithdrawVersion), ct)).Title} » est retiré.", "", ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Publications = await mediator.Send(new ListPublications(), cancellationToken);
        Structures = (await structures.ListAsync(Territory, cancellationToken)).OrderBy(s => s.Name).ToList();
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Notes.Pages;

/// <summary>The territory's notes; its coordinator records new ones here.</summary>
public sealed class NotesModel(IMediator mediator, ICurrentUser user, ITerritoryContext territory) : FormPageModel
{
    public sealed class NoteForm
    {
        public DateOnly? Date { get; set; }
        public string Title { get; set; } = "";
        public string? Text { get; set; }
    }

    public IReadOnlyList<NoteView> Notes { get; private set; } = [];
    public bool CanManage => user.Can(OrientationModeEmploiModule.ManagePermission);
    public string TerritoryName => territory.Current!.Name;
    [BindProperty] public NoteForm NewNote { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var note = await mediator.Send(new RecordNote(NewNote.Date ?? default, NewNote.Title, NewNote.Text), ct);
        return $"Note « {note.Title} » enregistrée.";
    }, nameof(NewNote), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Notes = await mediator.Send(new ListNotes(), cancellationToken);
}

using FluentValidation;
using MediatR;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Notes;

/// <summary>Records a note in the current territory; the host checks the permission before anything else.</summary>
[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record RecordNote(DateOnly Date, string Title, string? Text) : IRequest<NoteView>;

public sealed class RecordNoteValidator : AbstractValidator<RecordNote>
{
    public RecordNoteValidator()
    {
        RuleFor(r => r.Date).NotEmpty().WithMessage("Indiquez la date.");
        RuleFor(r => r.Title).NotEmpty().WithMessage("Donnez un titre à la note.").MaximumLength(Note.TitleMaxLength);
        RuleFor(r => r.Text).MaximumLength(Note.TextMaxLength);
    }
}

internal sealed class RecordNoteHandler(OrientationModeEmploiDbContext db, ITerritoryContext territory, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<RecordNote, NoteView>
{
    public async Task<NoteView> Handle(RecordNote request, CancellationToken cancellationToken)
    {
        var note = Note.Record(territory.Current!.Slug, request.Date, request.Title, request.Text, user.DisplayName, ParisTime.Today(clock));
        db.Notes.Add(note);
        // The indicator's value and the audit entry are saved with the note: all or nothing.
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), clock.GetUtcNow(), OrientationModeEmploiModule.Id,
            OrientationModeEmploiModule.Indicators.NotesRecorded, note.TerritoryId, note.Date, 1, note.Id.ToString()));
        audit.Queue(db, new AuditEntry(OrientationModeEmploiModule.Id, "note.enregistree", "note", note.Id.ToString(), note.TerritoryId, note.Title));
        await db.SaveChangesAsync(cancellationToken);
        return NoteView.From(note);
    }
}

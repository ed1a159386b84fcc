using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Shared.Security;

namespace SproHub.Plugins.OrientationModeEmploi.Notes;

public sealed record NoteView(Guid Id, DateOnly Date, string Title, string? Text, string? Author, int Version)
{
    public static NoteView From(Note note) => new(note.Id, note.Date, note.Title, note.Text, note.Author, note.Version);
}

/// <summary>The current territory's notes, most recent first.</summary>
[RequiresPermission(OrientationModeEmploiModule.ReadPermission)]
public sealed record ListNotes : IRequest<IReadOnlyList<NoteView>>;

internal sealed class ListNotesHandler(OrientationModeEmploiDbContext db) : IRequestHandler<ListNotes, IReadOnlyList<NoteView>>
{
    public async Task<IReadOnlyList<NoteView>> Handle(ListNotes request, CancellationToken cancellationToken) =>
        (await db.Notes.AsNoTracking().OrderByDescending(n => n.Date).ThenBy(n => n.Title).ToListAsync(cancellationToken)).Select(NoteView.From).ToList();
}

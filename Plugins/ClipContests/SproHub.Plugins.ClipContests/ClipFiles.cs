using SproHub.Shared.Files;

namespace SproHub.Plugins.ClipContests;

/// <summary>A file the plugin keeps in the platform's store: its id there, and what to show and serve of it.</summary>
public sealed class AttachedFile
{
    public Guid FileId { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";

    public static AttachedFile From(StoredFile stored) =>
        new() { FileId = stored.Id, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256 };
}

/// <summary>A stored file's content, ready to be served.</summary>
public sealed record FileContent(AttachedFile File, Stream Content);

/// <summary>
/// Stores a new file in place of another: the new one is streamed to the store first, then the row pointing at it is
/// saved; if that save fails the new file goes, and once it succeeds the replaced one goes. Nothing is left half done.
/// </summary>
internal sealed class ClipFiles(IFileStore store)
{
    public async Task<AttachedFile> ReplaceAsync(AttachedFile? previous, Stream content, string fileName, long maxBytes, IReadOnlyCollection<string> types, string field,
        Func<AttachedFile, Task> save, CancellationToken cancellationToken)
    {
        var stored = AttachedFile.From(await store.SaveAsync(content, fileName, maxBytes, types, field, cancellationToken));
        try { await save(stored); }
        catch
        {
            await store.DeleteAsync(stored.FileId, CancellationToken.None);
            throw;
        }
        if (previous is not null) await store.DeleteAsync(previous.FileId, CancellationToken.None);
        return stored;
    }

    public async Task<FileContent> OpenAsync(AttachedFile file, CancellationToken cancellationToken) =>
        new(file, await store.OpenAsync(file.FileId, cancellationToken) ?? throw new SproHub.Shared.Errors.NotFoundException("Le contenu de ce fichier est introuvable."));

    public Task DeleteAsync(AttachedFile file) => store.DeleteAsync(file.FileId, CancellationToken.None);
}

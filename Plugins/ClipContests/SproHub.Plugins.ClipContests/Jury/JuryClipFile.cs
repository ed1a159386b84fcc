using MediatR;
using SproHub.Plugins.ClipContests.Clips;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.ClipContests.Jury;

/// <summary>A competing clip's video, poster or subtitles for the jury (published or not) and the coordination.</summary>
[RequiresPermission(ClipContestsModule.JuryPermission)]
public sealed record OpenCompetingClipFile(int Year, Guid ClipId, ClipFileKind Kind) : IRequest<FileContent>;

internal sealed class OpenCompetingClipFileHandler(JuryAccess access, ClipFiles files) : IRequestHandler<OpenCompetingClipFile, FileContent>
{
    public async Task<FileContent> Handle(OpenCompetingClipFile request, CancellationToken cancellationToken)
    {
        var edition = await access.EditionAsync(request.Year, cancellationToken);
        access.Me(await access.MembersAsync(edition.Id, cancellationToken));
        var clip = (await access.CompetingAsync(edition.Id, cancellationToken)).FirstOrDefault(c => c.Clip.Id == request.ClipId)?.Clip;
        var file = clip?.File(request.Kind) ?? throw new NotFoundException("Ce fichier n'est pas celui d'un clip en compétition.");
        return await files.OpenAsync(file, cancellationToken);
    }
}

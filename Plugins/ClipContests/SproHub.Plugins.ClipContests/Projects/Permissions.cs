using FluentValidation;
using MediatR;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Projects;

/// <summary>
/// The lead uploads a signed permission (a scan or photo, typed by its content), dated; a new one of the same kind
/// replaces the last.
/// </summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record RecordPermission(Guid TeamId, PermissionKind Kind, string SignedBy, DateOnly SignedOn, Stream Document, string FileName) : IRequest<TeamView>;

public sealed class RecordPermissionValidator : AbstractValidator<RecordPermission>
{
    public RecordPermissionValidator()
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage("Choisissez l'autorisation : tournage, diffusion ou lieu de travail.");
        RuleFor(r => r.SignedBy).NotEmpty().WithMessage("Indiquez qui a signé (la personne filmée ou l'employeur).").MaximumLength(FilmingPermission.SignedByMaxLength);
        RuleFor(r => r.SignedOn).NotEmpty().WithMessage("Indiquez la date de la signature.");
        RuleFor(r => r.FileName).NotEmpty().WithMessage("Joignez l'autorisation signée (PDF ou photo).");
    }
}

/// <summary>A permission's signed sheet, for the team's lead and the coordination.</summary>
[RequiresPermission(ClipContestsModule.ReadPermission)]
public sealed record OpenPermission(Guid TeamId, PermissionKind Kind) : IRequest<FileContent>;

internal sealed class PermissionHandlers(ClipContestsDbContext db, TeamAccess access, ClipFiles files, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<RecordPermission, TeamView>, IRequestHandler<OpenPermission, FileContent>
{
    public async Task<TeamView> Handle(RecordPermission request, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(request.TeamId, cancellationToken);
        var today = ParisTime.Today(clock);
        FilmingPermission.CheckDate(request.SignedOn, today, edition.Year);
        var previous = team.Permissions.FirstOrDefault(p => p.Kind == request.Kind);
        await files.ReplaceAsync(previous?.Document, request.Document, request.FileName, FilmingPermission.MaxBytes, FileContentTypes.ScannedDocument, "document", async stored =>
        {
            if (previous is not null) team.Permissions.Remove(previous);
            team.Permissions.Add(new FilmingPermission
            {
                TeamId = team.Id, Kind = request.Kind, SignedBy = request.SignedBy.Trim(), SignedOn = request.SignedOn, Document = stored,
                RecordedAt = clock.GetUtcNow(), RecordedBy = user.DisplayName ?? "",
            });
            audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "autorisation.deposee", "equipe", team.Id.ToString(), team.TerritoryId,
                $"{team.Name} : {FilmingPermission.Label(request.Kind)}, signée le {request.SignedOn:dd/MM/yyyy}"));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return TeamView.From(team, edition, today);
    }

    public async Task<FileContent> Handle(OpenPermission request, CancellationToken cancellationToken)
    {
        var (team, _) = await access.ManagedAsync(request.TeamId, cancellationToken);
        var permission = team.Permissions.FirstOrDefault(p => p.Kind == request.Kind) ?? throw new NotFoundException("Cette autorisation n'a pas été déposée.");
        await access.AuditReadAsync(team, $"autorisation signée ({FilmingPermission.Label(request.Kind)})", cancellationToken);
        return await files.OpenAsync(permission.Document, cancellationToken);
    }
}

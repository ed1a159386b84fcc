using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Editions;

/// <summary>The coordinator changes an edition's title, themes or calendar (a deadline moved); the version read guards concurrent edits.</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record ChangeEdition(int Year, string Title, IReadOnlyList<string>? Themes, DateOnly RegistrationEnds, DateOnly FilmingEnds, DateOnly SubmissionEnds,
    DateOnly JuryStarts, DateOnly JuryEnds, int Version) : IRequest<EditionView>, IVersionedRequest;

public sealed class ChangeEditionValidator : AbstractValidator<ChangeEdition>
{
    public ChangeEditionValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("Donnez un titre à l'édition.").MaximumLength(Edition.TitleMaxLength);
        RuleFor(r => r.Themes).NotEmpty().WithMessage("Donnez au moins un thème à l'édition.");
        RuleForEach(r => r.Themes).MaximumLength(Edition.ThemeMaxLength);
    }
}

internal sealed class ChangeEditionHandler(ClipContestsDbContext db, ICurrentUser user, IAuditLog audit, TimeProvider clock) : IRequestHandler<ChangeEdition, EditionView>
{
    public async Task<EditionView> Handle(ChangeEdition request, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Year == request.Year, cancellationToken) ?? throw new NotFoundException($"Aucune édition {request.Year} dans ce territoire.");
        db.Entry(edition).ExpectVersion(request.Version);
        if (edition.JuryClosedAt is not null) throw new RuleViolationException("year", "jury-clos", "Le jury est clos : l'édition ne change plus.");
        var themes = request.Themes!.Select(t => t.Trim()).ToList();
        // A theme a team has chosen stays: removing it would leave the team's project without its theme.
        var used = await db.Teams.Where(t => t.EditionId == edition.Id && t.Project.Theme != null).Select(t => t.Project.Theme!).Distinct().ToListAsync(cancellationToken);
        if (used.FirstOrDefault(u => !themes.Contains(u, StringComparer.OrdinalIgnoreCase)) is { } kept)
            throw new RuleViolationException("themes", "theme-utilise", $"Le thème « {kept} » est celui d'un projet : gardez-le.");
        edition.Change(request.Title, themes, new Calendar(request.RegistrationEnds, request.FilmingEnds, request.SubmissionEnds, request.JuryStarts, request.JuryEnds));
        db.Entry(edition).State = EntityState.Modified;
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "edition.modifiee", "edition", edition.Id.ToString(), edition.TerritoryId,
            $"{edition.Title} {edition.Year} : inscriptions jusqu'au {edition.RegistrationEnds:dd/MM/yyyy}, dépôt jusqu'au {edition.SubmissionEnds:dd/MM/yyyy}, jury du {edition.JuryStarts:dd/MM/yyyy} au {edition.JuryEnds:dd/MM/yyyy}"));
        await db.SaveChangesAsync(cancellationToken);
        return EditionView.From(edition, await db.Teams.AsNoTracking().Include(t => t.Participants).Where(t => t.EditionId == edition.Id).ToListAsync(cancellationToken), ParisTime.Today(clock), user);
    }
}

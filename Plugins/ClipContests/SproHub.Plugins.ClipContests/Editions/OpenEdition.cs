using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.ClipContests.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Editions;

public sealed record PartnerInput(Guid StructureId, PartnerRole Role);

/// <summary>The coordinator opens the year's edition: themes, calendar, and the structures taking part with their roles.</summary>
[RequiresPermission(ClipContestsModule.ManagePermission)]
public sealed record OpenEdition(int Year, string Title, IReadOnlyList<string>? Themes, DateOnly RegistrationEnds, DateOnly FilmingEnds, DateOnly SubmissionEnds,
    DateOnly JuryStarts, DateOnly JuryEnds, IReadOnlyList<PartnerInput>? Partners) : IRequest<EditionView>
{
    public Calendar Calendar => new(RegistrationEnds, FilmingEnds, SubmissionEnds, JuryStarts, JuryEnds);
}

public sealed class OpenEditionValidator : AbstractValidator<OpenEdition>
{
    public OpenEditionValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("Indiquez l'année de l'édition (2000 à 2100).");
        RuleFor(r => r.Title).NotEmpty().WithMessage("Donnez un titre à l'édition (par exemple « Clip moi un métier »).").MaximumLength(Edition.TitleMaxLength);
        RuleFor(r => r.Themes).NotEmpty().WithMessage("Donnez au moins un thème à l'édition.");
        RuleForEach(r => r.Themes).MaximumLength(Edition.ThemeMaxLength);
        RuleFor(r => r.RegistrationEnds).NotEmpty().WithMessage("Indiquez la clôture des inscriptions.");
        RuleFor(r => r.FilmingEnds).NotEmpty().WithMessage("Indiquez la fin du tournage.");
        RuleFor(r => r.SubmissionEnds).NotEmpty().WithMessage("Indiquez la date limite de dépôt des clips.");
        RuleFor(r => r.JuryStarts).NotEmpty().WithMessage("Indiquez l'ouverture du jury.");
        RuleFor(r => r.JuryEnds).NotEmpty().WithMessage("Indiquez la clôture du jury.");
        RuleFor(r => r.Partners).NotEmpty().WithMessage("Choisissez au moins une structure partenaire.");
        RuleForEach(r => r.Partners).ChildRules(p => p.RuleFor(x => x.Role).IsInEnum());
    }
}

internal sealed class OpenEditionHandler(ClipContestsDbContext db, ITerritoryContext territory, IStructureDirectory structures, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<OpenEdition, EditionView>
{
    public async Task<EditionView> Handle(OpenEdition request, CancellationToken cancellationToken)
    {
        var territoryId = territory.Current!.Slug;
        if (await db.Editions.AnyAsync(e => e.Year == request.Year, cancellationToken))
            throw new RuleViolationException("year", "edition-unique", $"L'édition {request.Year} existe déjà dans ce territoire.");
        var known = (await structures.ListAsync(territoryId, cancellationToken)).ToDictionary(s => s.Id);
        var partners = new List<EditionPartner>();
        foreach (var (input, i) in request.Partners!.Select((p, i) => (p, i)))
        {
            if (!known.TryGetValue(input.StructureId, out var structure))
                throw new RuleViolationException($"partners[{i}].structureId", "structure-du-territoire", "Cette structure n'est pas membre du SPRO de ce territoire.");
            partners.Add(new EditionPartner { StructureId = structure.Id, StructureName = structure.Name, Role = input.Role });
        }
        var edition = Edition.Open(territoryId, request.Year, request.Title, request.Themes!, request.Calendar, partners, user.DisplayName ?? "");
        db.Editions.Add(edition);
        audit.Queue(db, new AuditEntry(ClipContestsModule.Id, "edition.ouverte", "edition", edition.Id.ToString(), territoryId, $"{edition.Title} {edition.Year}"));
        await db.SaveOrConflictAsync($"L'édition {request.Year} vient d'être ouverte par quelqu'un d'autre.", "edition-unique", cancellationToken);
        return EditionView.From(edition, [], ParisTime.Today(clock), user);
    }
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Plugins.OrientationModeEmploi.Guide;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Sheets;

/// <summary>Writes a structure's sheet: its first version without <paramref name="Version"/>, later ones with the version read.</summary>
[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record SaveSheet(Guid StructureId, string Answer, string? Modalities, string? Contact, int? Version) : IRequest<SheetView>;

public sealed class SaveSheetValidator : AbstractValidator<SaveSheet>
{
    public SaveSheetValidator()
    {
        RuleFor(r => r.Answer).NotEmpty().WithMessage("Décrivez la réponse que la structure apporte.").MaximumLength(StructureSheet.AnswerMaxLength);
        RuleFor(r => r.Modalities).MaximumLength(StructureSheet.ModalitiesMaxLength);
        RuleFor(r => r.Contact).MaximumLength(StructureSheet.ContactMaxLength);
    }
}

internal sealed class SaveSheetHandler(OrientationModeEmploiDbContext db, GuideReader reader, ITerritoryContext territory, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<SaveSheet, SheetView>
{
    public async Task<SheetView> Handle(SaveSheet request, CancellationToken cancellationToken)
    {
        if (!(await reader.StructureIdsAsync(cancellationToken)).Contains(request.StructureId))
            throw new NotFoundException("Cette structure n'est pas une structure membre du SPRO de ce territoire.");
        var sheet = await db.Sheets.FirstOrDefaultAsync(s => s.StructureId == request.StructureId, cancellationToken);
        if (sheet is null)
        {
            if (request.Version is > 0)
                throw new ConflictException("La fiche de cette structure a été supprimée entre-temps : rechargez la page.", "stale-version");
            sheet = new StructureSheet { TerritoryId = territory.Current!.Slug, StructureId = request.StructureId };
            db.Sheets.Add(sheet);
        }
        else
        {
            // The first writer wins; the second must have seen the first one's text.
            db.Entry(sheet).ExpectVersion(request.Version ?? 0);
        }
        sheet.Answer = request.Answer.Trim();
        sheet.Modalities = string.IsNullOrWhiteSpace(request.Modalities) ? null : request.Modalities.Trim();
        sheet.Contact = string.IsNullOrWhiteSpace(request.Contact) ? null : request.Contact.Trim();
        sheet.UpdatedAt = clock.GetUtcNow();
        audit.Queue(db, new AuditEntry(OrientationModeEmploiModule.Id, "fiche.enregistree", "structure", request.StructureId.ToString(), sheet.TerritoryId, "Fiche structure mise à jour"));
        await db.SaveChangesAsync(cancellationToken);
        return SheetView.From(sheet);
    }
}

internal static class SheetEndpoints
{
    public sealed record SheetBody(string Answer, string? Modalities, string? Contact, int? Version);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/structures/{structureId:guid}/sheet", async Task<Ok<SheetView>> (Guid structureId, SheetBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SaveSheet(structureId, body.Answer, body.Modalities, body.Contact, body.Version), ct)))
            .WithSummary("Écrire la fiche d'une structure (version requise pour modifier)");
}

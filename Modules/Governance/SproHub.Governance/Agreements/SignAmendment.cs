using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Governance.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Agreements;

/// <summary>A scanned copy of the signed page, streamed to the file store.</summary>
public sealed record ScannedCopy(Stream Content, string FileName);

/// <summary>
/// A structure's signature of an amendment: by the person who may sign for it (an acknowledgement in the platform,
/// or the scanned copy), or recorded by the coordinator or the Région from the scanned copy they received.
/// </summary>
[RequiresPermission(GovernanceModule.SignAmendmentsPermission)]
public sealed record SignAmendment(Guid Id, Guid StructureId, DateOnly SignedOn, string? SignatoryName, string? SignatoryRole, bool Acknowledged, ScannedCopy? Scan)
    : IRequest<AmendmentView>;

/// <summary>What a signature says; checked by the handler once it knows the caller may sign (a denial comes before any rule).</summary>
internal sealed record SignatureFields(DateOnly SignedOn, string? SignatoryName, string? SignatoryRole, bool Acknowledged, ScannedCopy? Scan);

internal sealed class SignatureFieldsValidator : AbstractValidator<SignatureFields>
{
    public SignatureFieldsValidator()
    {
        RuleFor(r => r.SignatoryName).NotEmpty().WithMessage("Indiquez le nom du signataire.").MaximumLength(200);
        RuleFor(r => r.SignatoryRole).NotEmpty().WithMessage("Indiquez la qualité du signataire (directeur, présidente...).").MaximumLength(200);
        RuleFor(r => r.SignedOn).NotEmpty().WithMessage("Indiquez la date de signature.");
        RuleFor(r => r.Acknowledged).Must((r, acknowledged) => acknowledged || r.Scan is not null).WithErrorCode("preuve-de-signature")
            .WithMessage("Cochez l'accusé de signature ou joignez la copie scannée de l'avenant signé.");
    }
}

internal sealed class SignAmendmentHandler(GovernanceDbContext db, ITerritoryContext territory, IPersonDirectory people, IFileStore files, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SignAmendment, AmendmentView>
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    public async Task<AmendmentView> Handle(SignAmendment request, CancellationToken cancellationToken)
    {
        var amendment = await db.Amendments.LoadAsync(request.Id, cancellationToken);
        // Who may record it, before anything else is said: the structure's own signatory, or the follow-up
        // (coordinator, Région) from a scanned copy.
        var mine = user.Email is { } email ? await people.FindByEmailAsync(territory.Current!.Slug, email, cancellationToken) : [];
        var ownSignatory = mine.Any(p => p.StructureId == request.StructureId && p.MaySign);
        if (!ownSignatory && !user.Can(GovernanceModule.FollowAgreementsPermission))
            throw new ForbiddenException("Seule une personne habilitée à signer pour cette structure peut signer l'avenant.");
        var invalid = new SignatureFieldsValidator().Validate(new SignatureFields(request.SignedOn, request.SignatoryName, request.SignatoryRole, request.Acknowledged, request.Scan));
        if (!invalid.IsValid) throw new ValidationException(invalid.Errors);
        if (!ownSignatory && request.Scan is null)
            throw new RuleViolationException("scan", "copie-scannee-requise", "Pour enregistrer la signature d'une autre structure, joignez la copie scannée de l'avenant signé.");

        amendment.Require(AmendmentStatus.Forwarded, "signer l'avenant");
        var signature = amendment.Signatures.FirstOrDefault(s => s.StructureId == request.StructureId)
                        ?? throw new RuleViolationException("structureId", "structure-signataire", "Cette structure n'est pas appelée à signer cet avenant.");
        if (signature.SignedOn is not null)
            throw new ConflictException($"{signature.StructureName} a déjà signé cet avenant le {signature.SignedOn:dd/MM/yyyy}.", "deja-signe");
        if (request.SignedOn > ParisTime.Today(clock) || amendment.CprVoteOn is { } vote && request.SignedOn < vote)
            throw new RuleViolationException("signedOn", "date-de-signature", $"La signature se date entre le vote de la CPR ({amendment.CprVoteOn:dd/MM/yyyy}) et aujourd'hui.");

        // The file last: a refusal above stores nothing.
        var stored = request.Scan is { } scan ? await files.SaveAsync(scan.Content, scan.FileName, MaxScanBytes, FileContentTypes.ScannedDocument, "scan", cancellationToken) : null;
        signature.SignedOn = request.SignedOn;
        signature.SignatoryName = request.SignatoryName!.Trim();
        signature.SignatoryRole = request.SignatoryRole!.Trim();
        signature.Method = stored is null ? SignatureMethod.Acknowledgement : SignatureMethod.ScannedCopy;
        signature.DocumentId = stored?.Id;
        signature.DocumentName = stored?.FileName;
        signature.DocumentSha256 = stored?.Sha256;
        signature.DocumentContentType = stored?.ContentType;
        signature.RecordedBy = user.DisplayName;
        db.Entry(amendment).Property(a => a.Version).IsModified = true;
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, "avenant.signe", "avenant", amendment.Id.ToString(), amendment.TerritoryId,
            $"{signature.StructureName} : {signature.SignatoryName} ({signature.SignatoryRole}), {(stored is null ? "accusé de signature" : "copie scannée")}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch when (stored is not null)
        {
            await files.DeleteAsync(stored.Id, CancellationToken.None); // no orphan file when the signature is not kept
            throw;
        }
        return amendment.View();
    }
}

/// <summary>The scanned copy of a signature, for the territory's network.</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record GetSignedCopy(Guid Id, Guid StructureId) : IRequest<(Stream Content, string FileName, string ContentType)>;

internal sealed class GetSignedCopyHandler(GovernanceDbContext db, IFileStore files) : IRequestHandler<GetSignedCopy, (Stream, string, string)>
{
    public async Task<(Stream, string, string)> Handle(GetSignedCopy request, CancellationToken cancellationToken)
    {
        var amendment = await db.Amendments.LoadAsync(request.Id, cancellationToken);
        var signature = amendment.Signatures.FirstOrDefault(s => s.StructureId == request.StructureId && s.DocumentId is not null)
                        ?? throw new NotFoundException("Aucune copie scannée pour cette signature.");
        var content = await files.OpenAsync(signature.DocumentId!.Value, cancellationToken) ?? throw new NotFoundException("La copie scannée est introuvable dans le stockage.");
        return (content, signature.DocumentName ?? "avenant-signe", signature.DocumentContentType ?? "application/octet-stream");
    }
}

internal static class SignatureEndpoints
{
    public sealed record SignBody(Guid StructureId, DateOnly SignedOn, string SignatoryName, string SignatoryRole, bool Acknowledged);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/amendments/{id:guid}/signatures", async Task<Ok<AmendmentView>> (Guid id, SignBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SignAmendment(id, body.StructureId, body.SignedOn, body.SignatoryName, body.SignatoryRole, body.Acknowledged, null), ct)))
            .WithSummary("Signer pour sa structure par accusé de signature dans la plateforme");
        // The scanned copy is the request body itself (application/pdf, image/png or image/jpeg), streamed to the store.
        api.MapPut("/amendments/{id:guid}/signatures/{structureId:guid}/scan", async Task<Ok<AmendmentView>> (Guid id, Guid structureId, DateOnly? signedOn, string? signatoryName, string? signatoryRole,
                string? fileName, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SignAmendment(id, structureId, signedOn ?? default, signatoryName, signatoryRole, false, new ScannedCopy(http.Body, fileName ?? "avenant-signe.pdf")), ct)))
            .Accepts<Stream>("application/pdf", "image/png", "image/jpeg")
            .WithSummary("Enregistrer une signature avec la copie scannée (corps de la requête ; signedOn, signatoryName, signatoryRole en paramètres)");
        api.MapGet("/amendments/{id:guid}/signatures/{structureId:guid}/scan", async (Guid id, Guid structureId, IMediator mediator, CancellationToken ct) =>
        {
            var (content, name, type) = await mediator.Send(new GetSignedCopy(id, structureId), ct);
            return TypedResults.Stream(content, type, name);
        }).WithSummary("Télécharger la copie scannée d'une signature");
    }
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Agreements;

/// <summary>The Région records a local SPRO's implementation agreement and the structures that signed it.</summary>
[RequiresPermission(GovernanceModule.ManageAgreementsPermission)]
public sealed record RecordAgreement(string Title, DateOnly SignedOn, IReadOnlyList<Guid> StructureIds) : IRequest<AgreementView>;

/// <summary>The Région drafts an amendment adding partners to an implementation agreement.</summary>
[RequiresPermission(GovernanceModule.ManageAgreementsPermission)]
public sealed record DraftAmendment(Guid AgreementId, string Title, string Purpose, IReadOnlyList<Guid> NewPartnerIds) : IRequest<AmendmentView>;

/// <summary>The Région records the CPR's vote.</summary>
[RequiresPermission(GovernanceModule.ManageAgreementsPermission)]
public sealed record VoteAmendment(Guid Id, DateOnly CprVoteOn, int Version) : IRequest<AmendmentView>, IVersionedRequest;

/// <summary>The Région sends the voted amendment to the territory's coordinator; the signatories are fixed then.</summary>
[RequiresPermission(GovernanceModule.ManageAgreementsPermission)]
public sealed record SendAmendment(Guid Id, int Version) : IRequest<AmendmentView>, IVersionedRequest;

/// <summary>The coordinator forwards it to every member: signing opens.</summary>
[RequiresPermission(GovernanceModule.FollowAgreementsPermission)]
public sealed record ForwardAmendment(Guid Id, int Version) : IRequest<AmendmentView>, IVersionedRequest;

/// <summary>A reminder to the structures that have not signed yet.</summary>
[RequiresPermission(GovernanceModule.FollowAgreementsPermission)]
public sealed record RemindSignatories(Guid Id) : IRequest<AmendmentView>;

/// <summary>The Région compiles the signatures and returns the amendment to the territory; its partners join.</summary>
[RequiresPermission(GovernanceModule.ManageAgreementsPermission)]
public sealed record CompileAmendment(Guid Id, DateOnly CompiledOn, int Version) : IRequest<AmendmentView>, IVersionedRequest;

public sealed class RecordAgreementValidator : AbstractValidator<RecordAgreement>
{
    public RecordAgreementValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("Indiquez l'intitulé de la convention.").MaximumLength(300);
        RuleFor(r => r.StructureIds).NotNull();
        RuleFor(r => r.SignedOn).NotEmpty().WithMessage("Indiquez la date de signature.");
        RuleFor(r => r.StructureIds).NotEmpty().WithMessage("Indiquez les structures signataires.");
    }
}

public sealed class DraftAmendmentValidator : AbstractValidator<DraftAmendment>
{
    public DraftAmendmentValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("Indiquez l'objet de l'avenant.").MaximumLength(300);
        RuleFor(r => r.Purpose).MaximumLength(4000);
        RuleFor(r => r.NewPartnerIds).NotEmpty().WithMessage("Choisissez le ou les partenaires que l'avenant ajoute.");
    }
}

public sealed class VoteAmendmentValidator : AbstractValidator<VoteAmendment>
{
    public VoteAmendmentValidator() => RuleFor(r => r.CprVoteOn).NotEmpty().WithMessage("Indiquez la date du vote de la CPR.");
}

public sealed class CompileAmendmentValidator : AbstractValidator<CompileAmendment>
{
    public CompileAmendmentValidator() => RuleFor(r => r.CompiledOn).NotEmpty().WithMessage("Indiquez la date de compilation.");
}

internal sealed class AmendmentWorkflowHandlers(GovernanceDbContext db, ITerritoryContext territory, IStructureDirectory structures, IPersonDirectory people,
    INotifier notifier, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<RecordAgreement, AgreementView>, IRequestHandler<DraftAmendment, AmendmentView>, IRequestHandler<VoteAmendment, AmendmentView>,
      IRequestHandler<SendAmendment, AmendmentView>, IRequestHandler<ForwardAmendment, AmendmentView>, IRequestHandler<RemindSignatories, AmendmentView>,
      IRequestHandler<CompileAmendment, AmendmentView>
{
    private string Slug => territory.Current!.Slug;
    private DateOnly Today => ParisTime.Today(clock);

    public async Task<AgreementView> Handle(RecordAgreement request, CancellationToken cancellationToken)
    {
        var ofTerritory = await OfTerritoryAsync(request.StructureIds, "structureIds", cancellationToken);
        var agreement = new Agreement { Kind = AgreementKind.Implementation, TerritoryId = Slug, Title = request.Title.Trim(), SignedOn = request.SignedOn };
        agreement.Parties.AddRange(ofTerritory.Select(s => new AgreementParty { AgreementId = agreement.Id, StructureId = s.Id, Name = s.Name, Network = s.Type, JoinedOn = request.SignedOn }));
        db.Agreements.Add(agreement);
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, "convention.enregistree", "convention", agreement.Id.ToString(), Slug, $"{agreement.Title} : {SproHub.Shared.Text.French.Count(agreement.Parties.Count, "signataire", "signataires")}"));
        await db.SaveChangesAsync(cancellationToken);
        return agreement.View(Today, []);
    }

    public async Task<AmendmentView> Handle(DraftAmendment request, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.Include(a => a.Parties).FirstOrDefaultAsync(a => a.Id == request.AgreementId, cancellationToken)
                        ?? throw new NotFoundException("Cette convention n'existe pas pour ce territoire.");
        if (agreement.Kind != AgreementKind.Implementation || agreement.TerritoryId != Slug)
            throw new RuleViolationException("agreementId", "convention-de-mise-en-oeuvre", "Un avenant porte sur la convention de mise en œuvre de ce SPRO local.");
        var partners = await OfTerritoryAsync(request.NewPartnerIds, "newPartnerIds", cancellationToken);
        var already = partners.Where(p => agreement.Parties.Any(x => x.StructureId == p.Id)).Select(p => p.Name).ToList();
        if (already.Count > 0)
            throw new RuleViolationException("newPartnerIds", "deja-signataire", $"{SproHub.Shared.Text.French.Word(already.Count, "Déjà signataire", "Déjà signataires")} de la convention : {string.Join(", ", already)}.");
        var pending = await db.Amendments.AsNoTracking().Include(a => a.NewPartners)
            .Where(a => a.AgreementId == agreement.Id && a.Status != AmendmentStatus.Compiled).ToListAsync(cancellationToken);
        var inProgress = pending.SelectMany(a => a.NewPartners.Select(p => new { p.StructureId, p.Name, a.Number })).Where(p => request.NewPartnerIds.Contains(p.StructureId)).ToList();
        if (inProgress.Count > 0)
            throw new RuleViolationException("newPartnerIds", "avenant-en-cours", string.Join(" ; ", inProgress.Select(p => $"{p.Name} rejoint déjà la convention par l'avenant n° {p.Number} en cours")) + ".");
        var number = (await db.Amendments.Where(a => a.AgreementId == agreement.Id).MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0) + 1;
        var amendment = new Amendment { AgreementId = agreement.Id, TerritoryId = Slug, Number = number, Title = request.Title.Trim(), Purpose = (request.Purpose ?? "").Trim() };
        amendment.NewPartners.AddRange(partners.Select(p => new NewPartner { AmendmentId = amendment.Id, StructureId = p.Id, Name = p.Name, Network = p.Type }));
        db.Amendments.Add(amendment);
        Audit(amendment, "avenant.redige", $"Avenant n° {number} : {amendment.Title}");
        await db.SaveChangesAsync(cancellationToken);
        return amendment.View();
    }

    public async Task<AmendmentView> Handle(VoteAmendment request, CancellationToken cancellationToken)
    {
        var amendment = await LoadAsync(request.Id, request.Version, cancellationToken);
        amendment.Require(AmendmentStatus.Draft, "enregistrer le vote");
        if (request.CprVoteOn > Today) throw new RuleViolationException("cprVoteOn", "date-passee", "Le vote de la CPR s'enregistre une fois qu'il a eu lieu.");
        amendment.CprVoteOn = request.CprVoteOn;
        amendment.Status = AmendmentStatus.Voted;
        Audit(amendment, "avenant.vote", $"Voté en CPR le {request.CprVoteOn:dd/MM/yyyy}");
        await db.SaveChangesAsync(cancellationToken);
        return amendment.View();
    }

    public async Task<AmendmentView> Handle(SendAmendment request, CancellationToken cancellationToken)
    {
        var amendment = await LoadAsync(request.Id, request.Version, cancellationToken);
        amendment.Require(AmendmentStatus.Voted, "envoyer l'avenant au coordonnateur");
        var agreement = await db.Agreements.Include(a => a.Parties).FirstAsync(a => a.Id == amendment.AgreementId, cancellationToken);
        amendment.ListSignatories(agreement, Today);
        amendment.SentAt = clock.GetUtcNow();
        amendment.Status = AmendmentStatus.SentToCoordinator;
        var coordinators = await people.CoordinatorsAsync(Slug, Today, cancellationToken);
        Notify(amendment, coordinators, $"Avenant n° {amendment.Number} à transmettre aux membres",
            $"La Région vous adresse l'avenant n° {amendment.Number} « {amendment.Title} », voté en CPR le {amendment.CprVoteOn:dd/MM/yyyy}.\n\n"
            + $"Il ajoute : {string.Join(", ", amendment.NewPartners.Select(p => p.Name))}.\n\nTransmettez-le aux membres du réseau depuis SPRO Hub : chaque structure signataire le signera.");
        Audit(amendment, "avenant.envoye", $"Envoyé au coordonnateur ; {SproHub.Shared.Text.French.Count(amendment.Signatures.Count, "signature attendue", "signatures attendues")}");
        await db.SaveChangesAsync(cancellationToken);
        return amendment.View();
    }

    public async Task<AmendmentView> Handle(ForwardAmendment request, CancellationToken cancellationToken)
    {
        var amendment = await LoadAsync(request.Id, request.Version, cancellationToken);
        amendment.Require(AmendmentStatus.SentToCoordinator, "transmettre l'avenant aux membres");
        amendment.ForwardedAt = clock.GetUtcNow();
        amendment.Status = AmendmentStatus.Forwarded;
        var agents = await people.ListAsync(amendment.Signatures.Select(s => s.StructureId).ToList(), cancellationToken);
        Notify(amendment, agents, $"Avenant n° {amendment.Number} à la convention du SPRO : à signer",
            $"Votre coordonnateur vous transmet l'avenant n° {amendment.Number} « {amendment.Title} ».\n\n{amendment.Purpose}\n\n"
            + "La personne habilitée de votre structure le signe dans SPRO Hub (accusé de signature ou copie scannée).");
        Audit(amendment, "avenant.transmis", "Transmis aux membres");
        await db.SaveChangesAsync(cancellationToken);
        return amendment.View();
    }

    public async Task<AmendmentView> Handle(RemindSignatories request, CancellationToken cancellationToken)
    {
        var amendment = await db.Amendments.LoadAsync(request.Id, cancellationToken);
        amendment.Require(AmendmentStatus.Forwarded, "relancer les signataires");
        var waiting = amendment.Signatures.Where(s => s.SignedOn is null).ToList();
        if (waiting.Count == 0) throw new RuleViolationException("signatures", "deja-signe", "Toutes les structures ont signé : personne à relancer.");
        var agents = await people.ListAsync(waiting.Select(s => s.StructureId).ToList(), cancellationToken);
        // The people who may sign; a structure without one is reminded through all its agents.
        var recipients = waiting.SelectMany(s =>
        {
            var ofStructure = agents.Where(a => a.StructureId == s.StructureId).ToList();
            return ofStructure.Any(a => a.MaySign) ? ofStructure.Where(a => a.MaySign) : ofStructure;
        }).ToList();
        foreach (var signature in waiting)
        {
            signature.Reminders++;
            signature.LastRemindedAt = clock.GetUtcNow();
        }
        Notify(amendment, recipients, $"Relance : avenant n° {amendment.Number} en attente de votre signature",
            $"L'avenant n° {amendment.Number} « {amendment.Title} » attend encore la signature de votre structure.\n\nSignez-le dans SPRO Hub : accusé de signature ou copie scannée.");
        Audit(amendment, "avenant.relance", SproHub.Shared.Text.French.Count(waiting.Count, "structure relancée", "structures relancées"));
        db.Entry(amendment).Property(a => a.Version).IsModified = true; // the page's version moves with the reminders
        await db.SaveChangesAsync(cancellationToken);
        return amendment.View();
    }

    public async Task<AmendmentView> Handle(CompileAmendment request, CancellationToken cancellationToken)
    {
        var amendment = await LoadAsync(request.Id, request.Version, cancellationToken);
        if (request.CompiledOn > Today) throw new RuleViolationException("compiledOn", "date-passee", "La date de compilation ne peut pas être à venir.");
        var agreement = await db.Agreements.Include(a => a.Parties).FirstAsync(a => a.Id == amendment.AgreementId, cancellationToken);
        amendment.Compile(agreement, request.CompiledOn);
        var agents = await people.ListAsync(amendment.Signatures.Select(s => s.StructureId).ToList(), cancellationToken);
        Notify(amendment, agents, $"Avenant n° {amendment.Number} compilé par la Région",
            $"Toutes les structures ont signé l'avenant n° {amendment.Number} « {amendment.Title} ». La Région l'a compilé le {request.CompiledOn:dd/MM/yyyy} et le renvoie au territoire.\n\n"
            + $"Nouveaux signataires de la convention : {string.Join(", ", amendment.NewPartners.Select(p => p.Name))}.");
        Audit(amendment, "avenant.compile", $"Compilé le {request.CompiledOn:dd/MM/yyyy}");
        await db.SaveChangesAsync(cancellationToken);
        return amendment.View();
    }

    private async Task<Amendment> LoadAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var amendment = await db.Amendments.LoadAsync(id, cancellationToken);
        db.Entry(amendment).ExpectVersion(version);
        return amendment;
    }

    private async Task<IReadOnlyList<StructureInfo>> OfTerritoryAsync(IReadOnlyList<Guid> ids, string field, CancellationToken cancellationToken)
    {
        var ofTerritory = (await structures.ListAsync(Slug, cancellationToken)).Where(s => ids.Contains(s.Id)).ToList();
        if (ofTerritory.Count != ids.Distinct().Count())
            throw new RuleViolationException(field, "structure-du-territoire", "Choisissez des structures membres de ce SPRO local.");
        return ofTerritory;
    }

    private void Notify(Amendment amendment, IEnumerable<PersonInfo> to, string subject, string body)
    {
        var recipients = NotificationRecipients.Of(to);
        if (recipients.Count == 0) return;
        notifier.Queue(db, new Notification(GovernanceModule.Id, GovernanceModule.AmendmentKind, Slug, recipients, subject, body, $"/t/{Slug}/conventions/avenants/{amendment.Id}"));
    }

    private void Audit(Amendment amendment, string action, string details) =>
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, action, "avenant", amendment.Id.ToString(), Slug, details));
}

internal static class AmendmentWorkflowEndpoints
{
    public sealed record VoteBody(DateOnly CprVoteOn, int Version);
    public sealed record VersionBody(int Version);
    public sealed record CompileBody(DateOnly CompiledOn, int Version);
    public sealed record DraftBody(string Title, string? Purpose, IReadOnlyList<Guid> NewPartnerIds);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/agreements", async Task<Created<AgreementView>> (RecordAgreement request, IMediator mediator, CancellationToken ct) =>
        {
            var agreement = await mediator.Send(request, ct);
            return TypedResults.Created($"agreements/{agreement.Id}", agreement);
        }).WithSummary("Région : enregistrer la convention de mise en œuvre et ses structures signataires");
        api.MapPost("/agreements/{id:guid}/amendments", async Task<Created<AmendmentView>> (Guid id, DraftBody body, IMediator mediator, CancellationToken ct) =>
        {
            var amendment = await mediator.Send(new DraftAmendment(id, body.Title, body.Purpose ?? "", body.NewPartnerIds), ct);
            return TypedResults.Created($"amendments/{amendment.Id}", amendment);
        }).WithSummary("Région : rédiger un avenant ajoutant des partenaires");
        api.MapPost("/amendments/{id:guid}/vote", async Task<Ok<AmendmentView>> (Guid id, VoteBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new VoteAmendment(id, body.CprVoteOn, body.Version), ct))).WithSummary("Région : enregistrer le vote de la CPR");
        api.MapPost("/amendments/{id:guid}/sending", async Task<Ok<AmendmentView>> (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SendAmendment(id, body.Version), ct))).WithSummary("Région : envoyer l'avenant au coordonnateur");
        api.MapPost("/amendments/{id:guid}/forwarding", async Task<Ok<AmendmentView>> (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ForwardAmendment(id, body.Version), ct))).WithSummary("Coordonnateur : transmettre l'avenant aux membres (ouvre les signatures)");
        api.MapPost("/amendments/{id:guid}/reminders", async Task<Ok<AmendmentView>> (Guid id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RemindSignatories(id), ct))).WithSummary("Relancer les structures qui n'ont pas signé");
        api.MapPost("/amendments/{id:guid}/compilation", async Task<Ok<AmendmentView>> (Guid id, CompileBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CompileAmendment(id, body.CompiledOn, body.Version), ct))).WithSummary("Région : compiler les signatures et renvoyer l'avenant au territoire");
    }
}

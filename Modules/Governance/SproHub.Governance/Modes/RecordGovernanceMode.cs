using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Governance.Meetings;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Modes;

/// <summary>The governance mode in force in the current territory: its coordinator and members see what they are held to.</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record GetGovernanceMode : IRequest<GovernanceModeView>;

public sealed record ModeRuleBody(MeetingType Type, Frequency Frequency, MeetingLevel Level);

public sealed record ReferentBody(string BasinId, Guid PersonId);

/// <summary>
/// The Région records a local SPRO's governance mode: its meetings, their cadence and level, its basins' referents. The
/// version is the one read with the mode; 0 while the default applies (the first record creates it), hence not an
/// <see cref="IVersionedRequest"/>, whose versions start at 1.
/// </summary>
[RequiresPermission(GovernanceModule.ManageModesPermission)]
public sealed record RecordGovernanceMode(IReadOnlyList<ModeRuleBody> Rules, IReadOnlyList<ReferentBody> Referents, int Version) : IRequest<GovernanceModeView>;

public sealed class RecordGovernanceModeValidator : AbstractValidator<RecordGovernanceMode>
{
    public RecordGovernanceModeValidator()
    {
        RuleFor(r => r.Rules).NotEmpty().WithMessage("Choisissez au moins une réunion que le SPRO local tient.")
            .Must(rules => rules.Select(r => r.Type).Distinct().Count() == rules.Count).WithErrorCode("type-unique").WithMessage("Chaque type de réunion n'apparaît qu'une fois.");
        RuleForEach(r => r.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Type).IsInEnum().WithMessage("Type de réunion inconnu.")
                .Must(t => GovernanceModes.LocalTypes.Contains(t)).WithErrorCode("reunion-de-la-region").WithMessage("La réunion régionale des coordonnateurs est celle de la Région, pas d'un SPRO local.");
            rule.RuleFor(r => r.Frequency).IsInEnum().WithMessage("Fréquence inconnue.");
            rule.RuleFor(r => r.Level).IsInEnum().WithMessage("Niveau inconnu : le SPRO local ou chacun de ses bassins.");
        });
        RuleFor(r => r.Referents).Must(list => list.Select(r => r.BasinId).Distinct().Count() == list.Count).WithErrorCode("bassin-unique").WithMessage("Un bassin a un seul référent territorial.");
        RuleForEach(r => r.Referents).ChildRules(referent =>
        {
            referent.RuleFor(r => r.BasinId).NotEmpty().WithMessage("Indiquez le bassin.");
            referent.RuleFor(r => r.PersonId).NotEmpty().WithMessage("Choisissez le référent dans l'annuaire.");
        });
        RuleFor(r => r.Version).GreaterThanOrEqualTo(0).WithMessage("La version est un nombre positif (0 pour un premier enregistrement).");
    }
}

internal sealed class GovernanceModeHandlers(GovernanceDbContext db, ITerritoryContext territory, ITerritoryDirectory territories, IStructureDirectory structures,
    IPersonDirectory people, ModeReader modes, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<GetGovernanceMode, GovernanceModeView>, IRequestHandler<RecordGovernanceMode, GovernanceModeView>
{
    public Task<GovernanceModeView> Handle(GetGovernanceMode request, CancellationToken cancellationToken) => modes.ForAsync(territory.Current!, cancellationToken);

    public async Task<GovernanceModeView> Handle(RecordGovernanceMode request, CancellationToken cancellationToken)
    {
        var current = territory.Current!;
        if (current.Kind != TerritoryKind.LocalSpro)
            throw new RuleViolationException("territory", "spro-local", "Un mode de gouvernance se décide pour un SPRO local ; la Région réunit les coordonnateurs tous les deux mois.");
        var basins = GovernanceModes.BasinsOf(current.Slug, await territories.ListAsync(cancellationToken)).ToDictionary(b => b.Slug);
        for (var i = 0; i < request.Rules.Count; i++)
            if (request.Rules[i].Level == MeetingLevel.EachBasin && basins.Count == 0)
                throw new RuleViolationException($"rules[{i}].level", "sans-bassin", $"Le {current.Name} n'est pas organisé en bassins : ses réunions se tiennent au niveau du SPRO local.");
        var candidates = await CandidatesAsync(current.Slug, cancellationToken);
        for (var i = 0; i < request.Referents.Count; i++)
        {
            if (!basins.ContainsKey(request.Referents[i].BasinId))
                throw new RuleViolationException($"referents[{i}].basinId", "bassin-du-territoire", $"« {request.Referents[i].BasinId} » n'est pas un bassin du {current.Name}.");
            if (!candidates.ContainsKey(request.Referents[i].PersonId))
                throw new RuleViolationException($"referents[{i}].personId", "personne-de-l-annuaire", "Le référent est un agent d'une structure de ce SPRO local, choisi dans l'annuaire.");
        }

        var mode = await db.Modes.Include(m => m.Rules).Include(m => m.Referents).AsSplitQuery().FirstOrDefaultAsync(m => m.TerritoryId == current.Slug, cancellationToken);
        if (mode is null)
        {
            if (request.Version != 0)
                throw new ConflictException("Ce mode de gouvernance n'est plus celui que vous aviez : rechargez la page.", "stale-version");
            db.Modes.Add(mode = new GovernanceMode { TerritoryId = current.Slug });
        }
        else db.Entry(mode).ExpectVersion(request.Version);

        // In place, by key: a rule or a referent kept is updated, not deleted and added again.
        mode.Rules.RemoveAll(r => request.Rules.All(x => x.Type != r.Type));
        foreach (var body in request.Rules)
        {
            var rule = mode.Rules.FirstOrDefault(r => r.Type == body.Type);
            if (rule is null) mode.Rules.Add(rule = new ModeRule { TerritoryId = current.Slug, Type = body.Type });
            (rule.Frequency, rule.Level) = (body.Frequency, body.Level);
        }
        mode.Referents.RemoveAll(r => request.Referents.All(x => x.BasinId != r.BasinId));
        foreach (var body in request.Referents)
        {
            var referent = mode.Referents.FirstOrDefault(r => r.BasinId == body.BasinId);
            if (referent is null) mode.Referents.Add(referent = new BasinReferent { TerritoryId = current.Slug, BasinId = body.BasinId, Name = "" });
            (referent.PersonId, referent.Name) = (body.PersonId, candidates[body.PersonId].FullName);
        }
        mode.UpdatedAt = clock.GetUtcNow();
        mode.UpdatedBy = user.DisplayName;
        audit.Queue(db, new AuditEntry(GovernanceModule.Id, "gouvernance.mode-enregistre", "mode-gouvernance", current.Slug, current.Slug,
            string.Join(" ; ", request.Rules.Select(r => $"{MeetingLabels.Of(r.Type)} : {Cadence.Expectation(r.Frequency)}, {GovernanceModes.Label(r.Level)}"))));
        await db.SaveOrConflictAsync("Le mode de gouvernance a été enregistré au même moment par quelqu'un d'autre : rechargez la page.", "ecriture-concurrente", cancellationToken);
        return await modes.ForAsync(current, cancellationToken);
    }

    /// <summary>Who may be a basin's referent: the agents of the local SPRO's structures, those serving the whole department included.</summary>
    private async Task<Dictionary<Guid, PersonInfo>> CandidatesAsync(string slug, CancellationToken cancellationToken)
    {
        var ids = (await structures.ListAsync(slug, cancellationToken)).Concat(await structures.DepartmentWideAsync(slug, cancellationToken)).Select(s => s.Id).Distinct().ToList();
        return (await people.ListAsync(ids, cancellationToken)).ToDictionary(p => p.Id);
    }
}

internal static class GovernanceModeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/mode", async Task<Ok<GovernanceModeView>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetGovernanceMode(), ct))).WithSummary("Le mode de gouvernance du territoire : réunions, cadence, niveau, référents des bassins");
        api.MapPut("/mode", async Task<Ok<GovernanceModeView>> (RecordGovernanceMode request, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(request, ct))).WithSummary("Enregistrer le mode de gouvernance d'un SPRO local (Région ; version requise, 0 la première fois)");
    }
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Network.Structures;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Agents;

public sealed record AgentCountLine(Guid StructureId, string StructureName, string TypeLabel, int? Agents, int Version);

public sealed record TypeTotal(string TypeLabel, int Structures, int Counted, int Agents);

/// <summary>A local SPRO's structures and their agents for a year, with the totals per type of structure.</summary>
public sealed record AgentCountsView(int Year, IReadOnlyList<AgentCountLine> Lines, IReadOnlyList<TypeTotal> Totals)
{
    public int Agents => Totals.Sum(t => t.Agents);
}

[RequiresPermission(NetworkModule.ReadInternalPermission)]
public sealed record GetAgentCounts(int Year) : IRequest<AgentCountsView>;

/// <param name="Version">The version read with the line; 0 for a structure not yet counted that year.</param>
public sealed record AgentCountInput(Guid StructureId, int Agents, int Version);

/// <summary>Records the year's numbers of the current local SPRO's structures: all of them, or none when one was changed meanwhile.</summary>
[RequiresPermission(NetworkModule.ManageStructuresPermission)]
public sealed record SetAgentCounts(int Year, IReadOnlyList<AgentCountInput>? Counts) : IRequest<AgentCountsView>;

public static class AgentYears
{
    public static bool Valid(int year, TimeProvider clock) => year >= 2015 && year <= ParisTime.Today(clock).Year;
}

public sealed class GetAgentCountsValidator : AbstractValidator<GetAgentCounts>
{
    public GetAgentCountsValidator(TimeProvider clock) =>
        RuleFor(r => r.Year).Must(y => AgentYears.Valid(y, clock)).WithErrorCode("annee-connue").WithMessage("L'année va de 2015 à l'année en cours.");
}

public sealed class SetAgentCountsValidator : AbstractValidator<SetAgentCounts>
{
    public SetAgentCountsValidator(TimeProvider clock)
    {
        RuleFor(r => r.Year).Must(y => AgentYears.Valid(y, clock)).WithErrorCode("annee-connue").WithMessage("L'année va de 2015 à l'année en cours.");
        RuleFor(r => r.Counts).NotEmpty().WithMessage("Indiquez au moins une structure et son nombre d'agents.");
        RuleForEach(r => r.Counts).ChildRules(c => c.RuleFor(x => x.Agents).InclusiveBetween(0, 100_000).WithMessage("Le nombre d'agents va de 0 à 100 000."));
    }
}

internal sealed class AgentCountHandlers(NetworkDbContext db, ITerritoryContext territory, ICurrentUser user, IAuditLog audit, TimeProvider clock)
    : IRequestHandler<GetAgentCounts, AgentCountsView>, IRequestHandler<SetAgentCounts, AgentCountsView>
{
    public async Task<AgentCountsView> Handle(GetAgentCounts request, CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        var structures = await db.Structures.AsNoTracking().Where(s => s.TerritoryId == slug).ToListAsync(cancellationToken);
        var counts = await db.AgentCounts.AsNoTracking().Where(c => c.TerritoryId == slug && c.Year == request.Year).ToDictionaryAsync(c => c.StructureId, cancellationToken);
        var lines = structures.OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(s => (Structure: s, Count: counts.GetValueOrDefault(s.Id))).ToList();
        var totals = lines.GroupBy(l => l.Structure.NetworkLabel).OrderBy(g => g.Key)
            .Select(g => new TypeTotal(g.Key, g.Count(), g.Count(l => l.Count is not null), g.Sum(l => l.Count?.Agents ?? 0))).ToList();
        return new AgentCountsView(request.Year,
            lines.Select(l => new AgentCountLine(l.Structure.Id, l.Structure.Name, l.Structure.NetworkLabel, l.Count?.Agents, l.Count?.Version ?? 0)).ToList(), totals);
    }

    public async Task<AgentCountsView> Handle(SetAgentCounts request, CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        var ids = request.Counts!.Select(c => c.StructureId).ToList();
        if (ids.Distinct().Count() != ids.Count) throw new RuleViolationException("counts", "structure-unique", "Chaque structure n'apparaît qu'une fois.");
        var known = await db.Structures.Where(s => s.TerritoryId == slug && ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (known.Count != ids.Count) throw new RuleViolationException("counts", "structure-du-territoire", "Chaque structure comptée doit être une structure membre de ce SPRO local.");
        var existing = await db.AgentCounts.Where(c => c.TerritoryId == slug && c.Year == request.Year && ids.Contains(c.StructureId)).ToDictionaryAsync(c => c.StructureId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var input in request.Counts!)
        {
            if (existing.TryGetValue(input.StructureId, out var count)) db.Entry(count).ExpectVersion(input.Version);
            else if (input.Version != 0) throw new ConflictException("Un nombre d'agents a été retiré entre-temps : rechargez la page.", "stale-version");
            else db.AgentCounts.Add(count = new AgentCount { StructureId = input.StructureId, Year = request.Year, TerritoryId = slug });
            count.Agents = input.Agents;
            count.UpdatedAt = now;
            count.UpdatedBy = user.DisplayName;
        }
        audit.Queue(db, new AuditEntry(NetworkModule.Id, "agents.comptes", "territoire", slug, slug, $"Nombre d'agents {request.Year} de {SproHub.Shared.Text.French.Count(request.Counts!.Count, "structure", "structures")}"));
        await db.SaveChangesAsync(cancellationToken);
        return await Handle(new GetAgentCounts(request.Year), cancellationToken);
    }
}

internal static class AgentCountEndpoints
{
    public sealed record CountsBody(IReadOnlyList<AgentCountInput>? Counts);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/agents/{year:int}", async Task<Ok<AgentCountsView>> (int year, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetAgentCounts(year), ct))).WithSummary("Nombre d'agents des structures du territoire pour une année");
        api.MapPut("/agents/{year:int}", async Task<Ok<AgentCountsView>> (int year, CountsBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SetAgentCounts(year, body.Counts), ct))).WithSummary("Enregistrer le nombre d'agents de structures du territoire (tout ou rien)");
    }
}

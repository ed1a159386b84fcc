using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Governance.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

public sealed record CadenceLine(MeetingType Type, string TypeLabel, string Expectation, string Period, CadenceState State, string StateLabel, int Meetings, bool Behind);

public sealed record TerritoryCadence(string TerritoryId, string TerritoryName, int Year, IReadOnlyList<CadenceLine> Lines)
{
    public IReadOnlyList<CadenceLine> Behind => Lines.Where(l => l.Behind).ToList();
}

/// <summary>Whether the current local SPRO holds its meetings at the expected cadence this year (periods begun so far).</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record GetCadence(int? Year = null) : IRequest<TerritoryCadence>;

/// <summary>The Région's view: every local SPRO's cadence, those behind first.</summary>
[RequiresPermission(GovernanceModule.RegionOverviewPermission)]
public sealed record GetRegionalCadence(int? Year = null) : IRequest<IReadOnlyList<TerritoryCadence>>;

public sealed class GetCadenceValidator : AbstractValidator<GetCadence>
{
    public GetCadenceValidator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
}

public sealed class GetRegionalCadenceValidator : AbstractValidator<GetRegionalCadence>
{
    public GetRegionalCadenceValidator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
}

internal sealed class CadenceHandlers(GovernanceDbContext db, ITerritoryContext territory, ITerritoryDirectory territories, TimeProvider clock)
    : IRequestHandler<GetCadence, TerritoryCadence>, IRequestHandler<GetRegionalCadence, IReadOnlyList<TerritoryCadence>>
{
    public async Task<TerritoryCadence> Handle(GetCadence request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? ParisTime.Today(clock).Year;
        var meetings = await MeetingDaysAsync(db.Meetings, year, cancellationToken);
        return Of(territory.Current!, year, meetings.Select(m => (m.Type, m.Day, m.Held)));
    }

    public async Task<IReadOnlyList<TerritoryCadence>> Handle(GetRegionalCadence request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? ParisTime.Today(clock).Year;
        // Région-wide on purpose: every local SPRO's meetings (dates and types only).
        var meetings = await MeetingDaysAsync(db.Meetings.IgnoreQueryFilters(), year, cancellationToken);
        var byTerritory = meetings.ToLookup(m => m.TerritoryId);
        return (await territories.ListAsync(cancellationToken)).Where(t => t.Kind == TerritoryKind.LocalSpro)
            .Select(t => Of(t, year, byTerritory[t.Slug].Select(m => (m.Type, m.Day, m.Held))))
            .OrderByDescending(c => c.Behind.Count).ThenBy(c => c.TerritoryName).ToList();
    }

    private static async Task<List<(string TerritoryId, MeetingType Type, DateOnly Day, bool Held)>> MeetingDaysAsync(IQueryable<Meeting> meetings, int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var rows = await meetings.AsNoTracking().Where(m => m.Day >= from && m.Day < to && m.Status != MeetingStatus.Cancelled)
            .Select(m => new { m.TerritoryId, m.Type, m.Day, m.Status }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.TerritoryId, r.Type, r.Day, r.Status == MeetingStatus.Held)).ToList();
    }

    private TerritoryCadence Of(TerritoryInfo t, int year, IEnumerable<(MeetingType Type, DateOnly Day, bool Held)> meetings)
    {
        var list = meetings.ToList();
        var today = ParisTime.Today(clock);
        var lines = Cadence.TerritoryTypes.SelectMany(type => Cadence.Check(type, year, list.Where(m => m.Type == type).Select(m => (m.Day, m.Held)), today)
            .Select(c => new CadenceLine(type, MeetingLabels.Of(type), Cadence.RuleOf(type).Expectation, c.Period.Label, c.State, Cadence.Label(c.State), c.Meetings, c.Behind))).ToList();
        return new TerritoryCadence(t.Slug, t.Name, year, lines);
    }
}

internal static class CadenceEndpoints
{
    public static void Map(IEndpointRouteBuilder territoryApi, IEndpointRouteBuilder api)
    {
        territoryApi.MapGet("/cadence", async Task<Ok<TerritoryCadence>> (int? year, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetCadence(year), ct))).WithSummary("La cadence des réunions du territoire : périodes tenues, prévues, à planifier, en retard");
        api.MapGet("/cadence", async Task<Ok<IReadOnlyList<TerritoryCadence>>> (int? year, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetRegionalCadence(year), ct))).WithSummary("Cadence des réunions de chaque SPRO local (Région)");
    }
}

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

/// <param name="BasinId">The basin whose meeting this is, when the mode holds this type in each basin; its referent organises it.</param>
public sealed record CadenceLine(MeetingType Type, string TypeLabel, string Expectation, string Period, CadenceState State, string StateLabel, int Meetings, bool Behind,
    string? BasinId = null, string? Basin = null, string? Referent = null)
{
    /// <summary>The first day of the period: with the type and the basin, what an alert is told once for.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public DateOnly PeriodStart { get; init; }

    /// <summary>« Comité local de coordination — Bassin de Tours » where the line is a basin's.</summary>
    public string Title => Basin is null ? TypeLabel : $"{TypeLabel} — {Basin}";
}

public sealed record TerritoryCadence(string TerritoryId, string TerritoryName, int Year, IReadOnlyList<CadenceLine> Lines)
{
    public IReadOnlyList<CadenceLine> Behind => Lines.Where(l => l.Behind).ToList();
}

/// <summary>Whether the current local SPRO (or the Région, for its coordinators' meeting) holds the meetings of its governance mode
/// at their cadence this year (periods begun so far).</summary>
[RequiresPermission(GovernanceModule.ReadPermission)]
public sealed record GetCadence(int? Year = null) : IRequest<TerritoryCadence>;

/// <summary>The Région's view: every local SPRO's cadence under its own mode, those behind first.</summary>
[RequiresPermission(GovernanceModule.RegionOverviewPermission)]
public sealed record GetRegionalCadence(int? Year = null) : IRequest<IReadOnlyList<TerritoryCadence>>;

/// <summary>The Région's own cadence: its meeting of the coordinators every two months.</summary>
[RequiresPermission(GovernanceModule.RegionOverviewPermission)]
public sealed record GetRegionCadence(int? Year = null) : IRequest<TerritoryCadence>;

public sealed class GetCadenceValidator : AbstractValidator<GetCadence>
{
    public GetCadenceValidator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
}

public sealed class GetRegionCadenceValidator : AbstractValidator<GetRegionCadence>
{
    public GetRegionCadenceValidator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
}

public sealed class GetRegionalCadenceValidator : AbstractValidator<GetRegionalCadence>
{
    public GetRegionalCadenceValidator() => RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("L'année va de 2000 à 2100.");
}

internal sealed class CadenceHandlers(GovernanceDbContext db, ITerritoryContext territory, ITerritoryDirectory territories, Modes.ModeReader modes, TimeProvider clock)
    : IRequestHandler<GetCadence, TerritoryCadence>, IRequestHandler<GetRegionalCadence, IReadOnlyList<TerritoryCadence>>, IRequestHandler<GetRegionCadence, TerritoryCadence>
{
    public async Task<TerritoryCadence> Handle(GetCadence request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? ParisTime.Today(clock).Year;
        var meetings = await MeetingDaysAsync(db.Meetings, year, cancellationToken);
        return Of(await modes.ForAsync(territory.Current!, cancellationToken), year, meetings);
    }

    public async Task<IReadOnlyList<TerritoryCadence>> Handle(GetRegionalCadence request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? ParisTime.Today(clock).Year;
        // Région-wide on purpose: every local SPRO's meetings (dates and types only).
        var meetings = (await MeetingDaysAsync(db.Meetings.IgnoreQueryFilters(), year, cancellationToken)).ToLookup(m => m.TerritoryId);
        var local = (await territories.ListAsync(cancellationToken)).Where(t => t.Kind == TerritoryKind.LocalSpro).Select(t => t.Slug).ToHashSet();
        return (await modes.AllAsync(cancellationToken)).Where(m => local.Contains(m.TerritoryId))
            .Select(m => Of(m, year, meetings[m.TerritoryId].ToList()))
            .OrderByDescending(c => c.Behind.Count).ThenBy(c => c.TerritoryName).ToList();
    }

    public async Task<TerritoryCadence> Handle(GetRegionCadence request, CancellationToken cancellationToken)
    {
        var year = request.Year ?? ParisTime.Today(clock).Year;
        var region = await territories.FindAsync(SproRoles.RegionScope, cancellationToken) ?? throw new NotFoundException("La Région n'est pas dans les territoires.");
        // Région-wide on purpose: the Région's own meetings, read from outside its territory (the overview page).
        var meetings = await MeetingDaysAsync(db.Meetings.IgnoreQueryFilters().Where(m => m.TerritoryId == region.Slug), year, cancellationToken);
        return Of(await modes.ForAsync(region, cancellationToken), year, meetings);
    }

    internal static async Task<List<(string TerritoryId, MeetingType Type, string? BasinId, DateOnly Day, bool Held)>> MeetingDaysAsync(IQueryable<Meeting> meetings, int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var rows = await meetings.AsNoTracking().Where(m => m.Day >= from && m.Day < to && m.Status != MeetingStatus.Cancelled)
            .Select(m => new { m.TerritoryId, m.Type, m.BasinId, m.Day, m.Status }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.TerritoryId, r.Type, r.BasinId, r.Day, r.Status == MeetingStatus.Held)).ToList();
    }

    private TerritoryCadence Of(Modes.GovernanceModeView mode, int year, IEnumerable<(string TerritoryId, MeetingType Type, string? BasinId, DateOnly Day, bool Held)> meetings) =>
        new(mode.TerritoryId, mode.TerritoryName, year, Modes.ModeCadence.Lines(mode, year, meetings.Select(m => (m.Type, m.BasinId, m.Day, m.Held)).ToList(), ParisTime.Today(clock)));
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

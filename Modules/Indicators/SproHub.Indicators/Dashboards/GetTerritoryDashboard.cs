using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Cycle;
using SproHub.Indicators.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Dashboards;

/// <param name="Code">The API's key; people read <paramref name="Number"/> (the Région's indicators) and <paramref name="Label"/>.</param>
public sealed record DashboardLine(string Code, string Label, string Unit, IndicatorKind Kind, IndicatorSource Source, string? Numerator, string? Denominator, IndicatorFigure? Figure, string? ModuleId,
    string? Number = null);

public sealed record DashboardSection(EvaluativeQuestion Question, string Title, IReadOnlyList<DashboardLine> Lines);

public sealed record MeetingRow(DateOnly Day, string Subject, string MeetingType, int InvitedStructures, int ParticipatingStructures, IndicatorFigure Attendance);

public sealed record ApprovedVersionView(int Number, string? CorrectionReason, string SubmittedBy, DateTimeOffset SubmittedAt, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <param name="ShowsApproved">The figures are the latest approved version's (locked), not the live ones.</param>
/// <param name="Form">What the coordinator typed (7, 7bis per type of structure, 24, 25); null for those who only read.</param>
public sealed record TerritoryDashboard(string TerritoryId, string TerritoryName, int Year, DashboardStatus Status, int Number, string? CorrectionReason, bool ShowsApproved,
    IReadOnlyList<DashboardSection> Sections, IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<ApprovedVersionView> Versions, FormView? Form, string? CoordinatingStructure,
    bool MayEdit, bool MaySubmit, bool MayApprove, bool MayCorrect, int Version);

/// <summary>A local SPRO's dashboard of a year: the three questions' indicators, the meetings behind 1 and 2, its cycle. Members read it once approved.</summary>
[RequiresPermission(IndicatorsModule.ReadPermission)]
public sealed record GetTerritoryDashboard(int Year) : IRequest<TerritoryDashboard>;

public sealed class GetTerritoryDashboardValidator : AbstractValidator<GetTerritoryDashboard>
{
    public GetTerritoryDashboardValidator() => RuleFor(r => r.Year).EvaluationYear();
}

internal sealed class GetTerritoryDashboardHandler(DashboardViews views) : IRequestHandler<GetTerritoryDashboard, TerritoryDashboard>
{
    public Task<TerritoryDashboard> Handle(GetTerritoryDashboard request, CancellationToken cancellationToken) => views.BuildAsync(request.Year, cancellationToken);
}

/// <summary>The dashboard as the caller may see it: the coordinator and the Région the live figures and the form; members the approved version only.</summary>
internal sealed class DashboardViews(IndicatorsDbContext db, DashboardFigures figures, DashboardForms forms, IndicatorCatalogue catalogue, ITerritoryContext territory, ICurrentUser user)
{
    public async Task<TerritoryDashboard> BuildAsync(int year, CancellationToken cancellationToken)
    {
        var current = territory.Current!;
        if (current.Kind != TerritoryKind.LocalSpro) throw new NotFoundException("Les tableaux de bord d'évaluation sont ceux des SPRO locaux.");
        var dashboard = await forms.FindAsync(year, cancellationToken);
        var latest = dashboard?.Approved.OrderByDescending(a => a.Number).FirstOrDefault();
        var region = user.Can(IndicatorsModule.ApprovePermission) || user.Can(IndicatorsModule.RegionPermission);
        var coordinator = user.HasRole(SproRoles.TerritoryCoordinator, current.Slug);
        var member = !region && !coordinator;
        if (member && latest is null)
            throw new ForbiddenException($"Le tableau de bord {year} ({current.Name}) n'est pas encore approuvé par la Région : les structures membres le consultent une fois approuvé. Voyez une année précédente.");
        // Members see the latest approved version; everyone sees it while the dashboard is approved (locked).
        var status = member ? DashboardStatus.Approved : dashboard?.Status ?? DashboardStatus.Draft;
        var form = await forms.ViewAsync(dashboard, cancellationToken);
        var snapshot = latest is not null && status == DashboardStatus.Approved ? Snapshot.Read(latest.Figures) : await SnapshotAsync(form, year, cancellationToken);
        IndicatorCatalogue.DivideAverages(snapshot.Figures, catalogue.For(current.Slug));
        var versions = (dashboard?.Approved ?? []).OrderBy(a => a.Number).Select(a => new ApprovedVersionView(a.Number, a.CorrectionReason, a.SubmittedBy, a.SubmittedAt, a.ApprovedBy, a.ApprovedAt)).ToList();
        var editable = coordinator && status == DashboardStatus.Draft;
        return new TerritoryDashboard(current.Slug, current.Name, year, status, member ? latest!.Number : dashboard?.Number ?? 1,
            member ? latest!.CorrectionReason : dashboard?.CorrectionReason, status == DashboardStatus.Approved && latest is not null,
            Sections(catalogue.For(current.Slug), code => snapshot.Figures.GetValueOrDefault(code)), snapshot.Meetings, versions,
            form with { Trainings = snapshot.Trainings }, status == DashboardStatus.Approved && latest is not null ? latest.CoordinatingStructure : dashboard?.CoordinatingStructure,
            editable, editable, region && !coordinator && status == DashboardStatus.Submitted, coordinator && status == DashboardStatus.Approved, dashboard?.Version ?? 0);
    }

    /// <summary>The dashboard as it stands now: the platform's facts, the meetings behind 1 and 2, the trainings typed.</summary>
    public async Task<SnapshotData> SnapshotAsync(Dashboard? dashboard, int year, CancellationToken cancellationToken) =>
        await SnapshotAsync(await forms.ViewAsync(dashboard, cancellationToken), year, cancellationToken);

    private async Task<SnapshotData> SnapshotAsync(FormView form, int year, CancellationToken cancellationToken)
    {
        var slug = territory.Current!.Slug;
        var values = (await figures.LiveAsync([slug], year, cancellationToken))[slug];
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.TerritoryId == slug && m.Day >= from && m.Day <= to).OrderBy(m => m.Day)
            .Select(m => new { m.Day, m.Subject, m.MeetingType, m.InvitedStructures, m.ParticipatingStructures }).ToListAsync(cancellationToken);
        return new SnapshotData(values,
            meetings.Select(m => new MeetingRow(m.Day, m.Subject, m.MeetingType, m.InvitedStructures, m.ParticipatingStructures, IndicatorFigure.Rate(m.ParticipatingStructures, m.InvitedStructures))).ToList(),
            form.Trainings);
    }

    public static IReadOnlyList<DashboardSection> Sections(IReadOnlyList<IndicatorDefinition> definitions, Func<string, IndicatorFigure?> figure) =>
        Enum.GetValues<EvaluativeQuestion>().Select(q => new DashboardSection(q, IndicatorDefinition.QuestionLabel(q), definitions.Where(d => d.Question == q)
            .Select(d => new DashboardLine(d.Code, d.Label, d.Unit, d.Kind, d.Source, d.Numerator, d.Denominator, Figures.Shown(figure(d.Code), d.Kind), d.ModuleId, d.Number)).ToList())).ToList();
}

internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder territoryApi) =>
        territoryApi.MapGet("/dashboards/{year:int}", async Task<Ok<TerritoryDashboard>> (int year, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetTerritoryDashboard(year), ct))).WithSummary("Le tableau de bord d'évaluation du SPRO local pour une année, par question évaluative");
}

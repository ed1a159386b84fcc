using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Indicators.Catalogue;
using SproHub.Indicators.Dashboards;
using SproHub.Indicators.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Notifications;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Indicators.Cycle;

public sealed record TrainingInput(string StructureType, decimal Trained, decimal Agents);

/// <summary>The coordinator types what the platform cannot know (version 0 for a dashboard not yet started): trainings per type of structure (7, 7bis), the coordination (24, 25).</summary>
[RequiresPermission(IndicatorsModule.SubmitPermission)]
public sealed record SaveDashboardForm(int Year, IReadOnlyList<TrainingInput> Trainings, string? CoordinatingStructure, decimal? CoordinationAgents, decimal? CoordinationFte, int Version)
    : IRequest<TerritoryDashboard>;

/// <summary>The coordinator submits the year's dashboard to the Région.</summary>
[RequiresPermission(IndicatorsModule.SubmitPermission)]
public sealed record SubmitDashboard(int Year, int Version) : IRequest<TerritoryDashboard>;

/// <summary>The Région approves a submitted dashboard: its figures are kept, locked, as this version.</summary>
[RequiresPermission(IndicatorsModule.ApprovePermission)]
public sealed record ApproveDashboard(int Year, int Version) : IRequest<TerritoryDashboard>, IVersionedRequest;

/// <summary>An approved dashboard is corrected by a new version, with its reason; the approved one stays.</summary>
[RequiresPermission(IndicatorsModule.SubmitPermission)]
public sealed record CorrectDashboard(int Year, string Reason, int Version) : IRequest<TerritoryDashboard>, IVersionedRequest;

public sealed class SaveDashboardFormValidator : AbstractValidator<SaveDashboardForm>
{
    /// <summary>More than any local network will ever count, well within what the columns hold.</summary>
    public const int MaxAgents = 100_000;

    public SaveDashboardFormValidator()
    {
        RuleFor(r => r.Trainings).NotNull().WithMessage("Indiquez les agents par type de structure.");
        RuleForEach(r => r.Trainings).NotNull().ChildRules(t =>
        {
            t.RuleFor(x => x.StructureType).NotEmpty().WithMessage("Nommez le type de structure.").MaximumLength(60);
            t.RuleFor(x => x.Trained).InclusiveBetween(0, MaxAgents).WithMessage($"Le nombre d'agents formés va de 0 à {MaxAgents}.").Must(v => v == decimal.Truncate(v)).WithErrorCode("entier").WithMessage("Un nombre d'agents est entier.");
            t.RuleFor(x => x.Agents).InclusiveBetween(0, MaxAgents).WithMessage($"Le nombre d'agents va de 0 à {MaxAgents}.").Must(v => v == decimal.Truncate(v)).WithErrorCode("entier").WithMessage("Un nombre d'agents est entier.");
            t.RuleFor(x => x.Trained).LessThanOrEqualTo(x => x.Agents).WithErrorCode("formes-au-plus-agents").WithMessage("Il n'y a pas plus d'agents formés que d'agents dans ces structures.");
        });
        RuleFor(r => r.Trainings).Must(t => t is null || t.Where(x => x is not null).GroupBy(x => MemberStructureTypes.Canonical(x.StructureType ?? ""), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .WithErrorCode("type-unique").WithMessage("Chaque type de structure n'apparaît qu'une fois.");
        RuleFor(r => r.CoordinatingStructure).MaximumLength(200);
        RuleFor(r => r.CoordinationAgents).InclusiveBetween(0, MaxAgents).WithMessage($"Le nombre d'agents va de 0 à {MaxAgents}.");
        RuleFor(r => r.CoordinationFte).InclusiveBetween(0, MaxAgents).WithMessage($"Les ETP vont de 0 à {MaxAgents}.")
            .LessThanOrEqualTo(r => r.CoordinationAgents ?? decimal.MaxValue).WithErrorCode("etp-au-plus-agents").WithMessage("Les ETP de coordination ne dépassent pas le nombre d'agents qui y travaillent.");
    }
}

public sealed class CorrectDashboardValidator : AbstractValidator<CorrectDashboard>
{
    public CorrectDashboardValidator() => RuleFor(r => r.Reason).NotEmpty().WithMessage("Indiquez la raison de la correction.").MaximumLength(500);
}

internal sealed class DashboardCycleHandlers(IndicatorsDbContext db, DashboardForms forms, ITerritoryContext territory, ICurrentUser user, IAuditLog audit, TimeProvider clock, DashboardViews views,
    IPersonDirectory people, INotifier notifier)
    : IRequestHandler<SaveDashboardForm, TerritoryDashboard>, IRequestHandler<SubmitDashboard, TerritoryDashboard>, IRequestHandler<ApproveDashboard, TerritoryDashboard>, IRequestHandler<CorrectDashboard, TerritoryDashboard>
{
    private string Slug => territory.Current!.Slug;

    public async Task<TerritoryDashboard> Handle(SaveDashboardForm request, CancellationToken cancellationToken)
    {
        DemandCoordinator();
        var dashboard = await ForChangeAsync(request.Year, request.Version, create: true, cancellationToken);
        dashboard.EnsureEditable();
        // Types are kept under seed 002's names (« Pôle emploi » typed is France Travail's row).
        var typed = request.Trainings.Select(t => (Type: MemberStructureTypes.Canonical(t.StructureType), t.Trained, t.Agents))
            .SelectMany(t => new[] { (IndicatorCatalogue.AgentsTrained, t.Type, t.Trained), (IndicatorCatalogue.AgentsInStructures, t.Type, t.Agents) }).ToList();
        if (request.CoordinationAgents is { } agents) typed.Add((IndicatorCatalogue.CoordinationAgents, "", agents));
        if (request.CoordinationFte is { } fte) typed.Add((IndicatorCatalogue.CoordinationFte, "", fte));
        // Values are updated in place (one row per indicator and type of structure), those no longer typed removed.
        dashboard.Values.RemoveAll(v => !typed.Any(t => t.Item1 == v.Code && string.Equals(t.Item2, v.Dimension, StringComparison.OrdinalIgnoreCase)));
        foreach (var (code, dimension, value) in typed)
        {
            var row = dashboard.Values.FirstOrDefault(v => v.Code == code && string.Equals(v.Dimension, dimension, StringComparison.OrdinalIgnoreCase));
            if (row is null) dashboard.Values.Add(row = new FormValue { DashboardId = dashboard.Id, Code = code, Dimension = dimension });
            row.Value = value;
        }
        dashboard.CoordinatingStructure = string.IsNullOrWhiteSpace(request.CoordinatingStructure) ? null : request.CoordinatingStructure.Trim();
        audit.Queue(db, new AuditEntry(IndicatorsModule.Id, "tableau.saisi", "tableau", dashboard.Id.ToString(), Slug,
            $"{request.Year}, version {dashboard.Number} : {request.Trainings.Sum(t => t.Trained)} agents formés sur {request.Trainings.Sum(t => t.Agents)}, {request.CoordinationFte} ETP de coordination"));
        await db.SaveChangesAsync(cancellationToken);
        return await views.BuildAsync(request.Year, cancellationToken);
    }

    public async Task<TerritoryDashboard> Handle(SubmitDashboard request, CancellationToken cancellationToken)
    {
        DemandCoordinator();
        var dashboard = await ForChangeAsync(request.Year, request.Version, create: false, cancellationToken);
        dashboard.EnsureEditable();
        // What the coordinator submits is what the Région approves: events arriving meanwhile wait for a correction.
        dashboard.Submit(user.DisplayName, clock.GetUtcNow(), Snapshot.Write(await views.SnapshotAsync(dashboard, request.Year, cancellationToken)));
        audit.Queue(db, new AuditEntry(IndicatorsModule.Id, "tableau.soumis", "tableau", dashboard.Id.ToString(), Slug, $"{request.Year}, version {dashboard.Number}"));
        Tell(await people.RegionAdministratorsAsync(cancellationToken), request.Year, $"Tableau de bord {request.Year} soumis — {territory.Current!.Name}",
            $"{user.DisplayName} a soumis la version {dashboard.Number} du tableau de bord d'évaluation {request.Year} de {territory.Current!.Name}{(dashboard.CorrectionReason is null ? "" : $" (correction : {dashboard.CorrectionReason})")}.\n\nIl attend l'approbation de la Région.");
        await db.SaveChangesAsync(cancellationToken);
        return await views.BuildAsync(request.Year, cancellationToken);
    }

    public async Task<TerritoryDashboard> Handle(ApproveDashboard request, CancellationToken cancellationToken)
    {
        var dashboard = await ForChangeAsync(request.Year, request.Version, create: false, cancellationToken);
        if (user.HasRole(SproRoles.TerritoryCoordinator, Slug)) throw new ForbiddenException("La Région approuve le tableau de bord ; son coordinateur ne s'approuve pas lui-même.");
        // A dashboard submitted without its figures kept (typed in before the platform) is taken as it stands.
        var submitted = dashboard.SubmittedFigures ?? Snapshot.Write(await views.SnapshotAsync(dashboard, request.Year, cancellationToken));
        dashboard.Approve(user.DisplayName ?? "?", clock.GetUtcNow(), submitted);
        audit.Queue(db, new AuditEntry(IndicatorsModule.Id, "tableau.approuve", "tableau", dashboard.Id.ToString(), Slug, $"{request.Year}, version {dashboard.Number}"));
        Tell(NotificationRecipients.Of(await people.CoordinatorsAsync(Slug, ParisTime.Today(clock), cancellationToken)), request.Year,
            $"Tableau de bord {request.Year} approuvé — {territory.Current!.Name}",
            $"La Région a approuvé la version {dashboard.Number} du tableau de bord d'évaluation {request.Year} : ses chiffres sont arrêtés et les structures membres peuvent le consulter.");
        await db.SaveChangesAsync(cancellationToken);
        return await views.BuildAsync(request.Year, cancellationToken);
    }

    public async Task<TerritoryDashboard> Handle(CorrectDashboard request, CancellationToken cancellationToken)
    {
        DemandCoordinator();
        var dashboard = await ForChangeAsync(request.Year, request.Version, create: false, cancellationToken);
        dashboard.OpenCorrection(request.Reason.Trim());
        audit.Queue(db, new AuditEntry(IndicatorsModule.Id, "tableau.correction", "tableau", dashboard.Id.ToString(), Slug, $"{request.Year}, version {dashboard.Number} : {dashboard.CorrectionReason}"));
        Tell(await people.RegionAdministratorsAsync(cancellationToken), request.Year, $"Tableau de bord {request.Year} en correction — {territory.Current!.Name}",
            $"{user.DisplayName} ouvre la version {dashboard.Number} du tableau de bord {request.Year} approuvé : {dashboard.CorrectionReason}\n\nLa version approuvée reste celle des totaux régionaux jusqu'à l'approbation de la nouvelle.");
        await db.SaveChangesAsync(cancellationToken);
        return await views.BuildAsync(request.Year, cancellationToken);
    }

    /// <summary>The Région when a dashboard awaits it, the coordinators when theirs is approved: in-app and by e-mail, with the link.</summary>
    private void Tell(IReadOnlyList<NotificationRecipient> recipients, int year, string subject, string body)
    {
        if (recipients.Count > 0)
            notifier.Queue(db, new Notification(IndicatorsModule.Id, IndicatorsModule.CycleKind, Slug, recipients, subject, body, $"/t/{Slug}/indicateurs?annee={year}"));
    }

    /// <summary>The territory's own coordinator fills, submits and corrects; the Région approves what it did not write.</summary>
    private void DemandCoordinator()
    {
        if (!user.HasRole(SproRoles.TerritoryCoordinator, Slug))
            throw new ForbiddenException("Le tableau de bord se complète et se soumet par le coordinateur du SPRO local ; la Région l'approuve.");
    }

    private async Task<Dashboard> ForChangeAsync(int year, int version, bool create, CancellationToken cancellationToken)
    {
        if (territory.Current!.Kind != TerritoryKind.LocalSpro) throw new NotFoundException("Les tableaux de bord d'évaluation sont ceux des SPRO locaux.");
        if (year is < InputRules.FirstYear or > InputRules.LastYear) throw new RuleViolationException("year", "annee", $"L'année va de {InputRules.FirstYear} à {InputRules.LastYear}.");
        var dashboard = await forms.FindAsync(year, cancellationToken);
        if (dashboard is null)
        {
            if (!create || version != 0) throw new RuleViolationException("status", "tableau-a-soumettre", "Ce tableau de bord n'a pas encore été complété.");
            db.Dashboards.Add(dashboard = new Dashboard { TerritoryId = Slug, Year = year });
            return dashboard;
        }
        db.Entry(dashboard).ExpectVersion(version);
        db.Entry(dashboard).Property(d => d.Status).IsModified = true;
        return dashboard;
    }
}

internal static class CycleEndpoints
{
    public sealed record FormBody(IReadOnlyList<TrainingInput> Trainings, string? CoordinatingStructure, decimal? CoordinationAgents, decimal? CoordinationFte, int Version);
    public sealed record VersionBody(int Version);
    public sealed record CorrectionBody(string Reason, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/dashboards/{year:int}/form", async Task<Ok<TerritoryDashboard>> (int year, FormBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SaveDashboardForm(year, body.Trainings, body.CoordinatingStructure, body.CoordinationAgents, body.CoordinationFte, body.Version), ct)))
            .WithSummary("Coordinateur : saisir les indicateurs 7, 7bis (par type de structure), 24 et 25");
        api.MapPost("/dashboards/{year:int}/submission", async Task<Ok<TerritoryDashboard>> (int year, VersionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SubmitDashboard(year, body.Version), ct))).WithSummary("Coordinateur : soumettre le tableau de bord de l'année à la Région");
        api.MapPost("/dashboards/{year:int}/approval", async Task<Ok<TerritoryDashboard>> (int year, VersionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ApproveDashboard(year, body.Version), ct))).WithSummary("Région : approuver le tableau de bord soumis (chiffres arrêtés)");
        api.MapPost("/dashboards/{year:int}/correction", async Task<Ok<TerritoryDashboard>> (int year, CorrectionBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CorrectDashboard(year, body.Reason, body.Version), ct))).WithSummary("Ouvrir une nouvelle version motivée d'un tableau de bord approuvé");
    }
}

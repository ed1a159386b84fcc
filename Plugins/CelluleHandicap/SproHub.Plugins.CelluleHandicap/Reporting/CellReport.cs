using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SproHub.Plugins.CelluleHandicap.Concertation;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Audit;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap.Reporting;

/// <param name="Value">As shown: a count of people under <see cref="CellReport.SmallCount"/> reads « &lt; 5 ».</param>
public sealed record StatLine(string Section, string Label, string Value);
public sealed record IssueView(Guid Id, int Year, IssueAddressee Addressee, string Title, string Text, string RecordedBy, DateTimeOffset RecordedAt);
/// <param name="LastPurge">What the latest retention purge erased in this cell, if it ever erased something.</param>
public sealed record ReportView(int Year, IReadOnlyList<StatLine> Figures, IReadOnlyList<IssueView> Issues, bool CanExport, bool CanReportIssues,
    int RetentionYears, PurgeView? LastPurge);

public sealed record PurgeView(DateTimeOffset RanAt, int SituationsErased, int ReadsDeleted, DateOnly ClosedBefore);

/// <summary>The cell's year in figures, for everyone of the territory's network: counts only, small ones masked, never a name.</summary>
[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record GetReport(int Year) : IRequest<ReportView>;

/// <summary>The yearly table of cases (XLSX): one pseudonymised row per situation, the figures, the territorial issues.</summary>
[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record ExportCases(int Year) : IRequest<byte[]>;

[RequiresPermission(CelluleHandicapModule.ReadPermission)]
public sealed record ReportIssue(int Year, IssueAddressee Addressee, string Title, string Text) : IRequest<IssueView>;

public sealed class ReportIssueValidator : AbstractValidator<ReportIssue>
{
    public ReportIssueValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2015, 2100).WithMessage("Une année entre 2015 et 2100.");
        RuleFor(r => r.Addressee).IsInEnum();
        RuleFor(r => r.Title).NotEmpty().WithMessage("Donnez un titre à la problématique.").MaximumLength(TerritorialIssue.TitleMaxLength);
        RuleFor(r => r.Text).NotEmpty().WithMessage("Décrivez la problématique du territoire.").MaximumLength(TerritorialIssue.TextMaxLength);
    }
}

public sealed class CellReport(CelluleHandicapDbContext db, CellMembership membership, ICurrentUser user, IAuditLog audit, ITerritoryContext territory, TimeProvider clock,
    Privacy.RetentionPurge retention)
    : IRequestHandler<GetReport, ReportView>, IRequestHandler<ExportCases, byte[]>, IRequestHandler<ReportIssue, IssueView>
{
    /// <summary>Below this many people a figure could point at someone: it reads « &lt; 5 ».</summary>
    public const int SmallCount = 5;

    public static string People(int count) => count < SmallCount ? $"< {SmallCount}" : count.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    private async Task<bool> MayExportAsync(CancellationToken cancellationToken) =>
        user.Can(CelluleHandicapModule.ManagePermission) || (await membership.MyPartnersAsync(cancellationToken)).Count > 0;

    public async Task<ReportView> Handle(GetReport request, CancellationToken cancellationToken)
    {
        var (_, figures) = await ComputeAsync(request.Year, cancellationToken);
        var issues = await db.Issues.AsNoTracking().Where(i => i.Year == request.Year).ToListAsync(cancellationToken);
        var mayExport = await MayExportAsync(cancellationToken);
        // A few rows a year: ordered here (SQLite does not order DateTimeOffset).
        var last = (await db.PurgeReports.AsNoTracking().ToListAsync(cancellationToken)).MaxBy(p => p.RanAt);
        return new ReportView(request.Year, figures, issues.OrderBy(i => i.RecordedAt).Select(View).ToList(), mayExport, mayExport, retention.RetentionYears,
            last is null ? null : new PurgeView(last.RanAt, last.SituationsErased, last.ReadsDeleted, last.ClosedBefore));
    }

    public async Task<byte[]> Handle(ExportCases request, CancellationToken cancellationToken)
    {
        if (!await MayExportAsync(cancellationToken)) throw new ForbiddenException("Le tableau des cas est remis à la coordination et aux partenaires de la cellule.");
        var (cases, figures) = await ComputeAsync(request.Year, cancellationToken);
        var issues = await db.Issues.AsNoTracking().Where(i => i.Year == request.Year).ToListAsync(cancellationToken);
        var sheets = new Dictionary<string, object>
        {
            ["Situations"] = cases,
            ["Bilan"] = figures.Select(f => new Dictionary<string, object?> { ["Rubrique"] = f.Section, ["Indicateur"] = f.Label, ["Valeur"] = f.Value }).ToList(),
            ["Problématiques"] = issues.OrderBy(i => i.RecordedAt).Select(i => new Dictionary<string, object?>
                { ["Destinataire"] = i.Addressee.ToString().ToUpperInvariant(), ["Titre"] = i.Title, ["Description"] = i.Text, ["Signalée par"] = i.RecordedBy }).ToList(),
        };
        await audit.RecordAsync(new AuditEntry(CelluleHandicapModule.Id, "tableau-des-cas.exporte", "bilan", request.Year.ToString(), territory.Current!.Slug, SproHub.Shared.Text.French.Count(cases.Count, "situation", "situations")), cancellationToken);
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return buffer.ToArray();
    }

    public async Task<IssueView> Handle(ReportIssue request, CancellationToken cancellationToken)
    {
        if (!await MayExportAsync(cancellationToken)) throw new ForbiddenException("La coordination et les partenaires de la cellule signalent les problématiques du territoire.");
        var issue = new TerritorialIssue { TerritoryId = territory.Current!.Slug, Year = request.Year, Addressee = request.Addressee, Title = request.Title.Trim(),
            Text = request.Text.Trim(), RecordedBy = user.DisplayName ?? user.Email ?? "?", RecordedAt = clock.GetUtcNow() };
        db.Issues.Add(issue);
        audit.Queue(db, new AuditEntry(CelluleHandicapModule.Id, "problematique.signalee", "problematique", issue.Id.ToString(), issue.TerritoryId, issue.Title));
        await db.SaveChangesAsync(cancellationToken);
        return View(issue);
    }

    private static IssueView View(TerritorialIssue i) => new(i.Id, i.Year, i.Addressee, i.Title, i.Text, i.RecordedBy, i.RecordedAt);

    /// <summary>The year's situations (submitted that year, or still followed in it) as pseudonymised rows, and the figures.</summary>
    private async Task<(List<Dictionary<string, object?>> Cases, IReadOnlyList<StatLine> Figures)> ComputeAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 2015 or > 2100) throw new RuleViolationException("year", "annee", "Une année entre 2015 et 2100.");
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var situations = await db.Situations.AsNoTracking()
            .Where(s => s.SubmittedOn <= end && (s.SubmittedOn >= start || s.ClosedOn == null || s.ClosedOn >= start))
            .OrderBy(s => s.Reference).ToListAsync(cancellationToken);
        var ids = situations.Select(s => s.Id).ToList();
        var examinations = await db.Examinations.AsNoTracking().Where(e => ids.Contains(e.SituationId)).Select(e => new { e.SituationId, e.ExaminedOn }).ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.SituationId)).Select(f => new { f.SituationId, f.RecordedOn, f.OnTime }).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.Date >= start && s.Date <= end).ToListAsync(cancellationToken);
        var today = ParisTime.Today(clock);

        var cases = situations.Select(s => new Dictionary<string, object?>
        {
            ["Référence"] = s.Reference,
            ["Âge au consentement"] = Situation.AgeBracket(s.AgeAtConsent),
            ["Reconnaissance du handicap"] = Situation.RecognitionLabel(s.Recognition),
            ["Structure du prescripteur"] = s.PrescriberOrganisation ?? "",
            ["Déposée le"] = s.SubmittedOn.ToDateTime(TimeOnly.MinValue),
            ["Premier examen"] = s.FirstExaminedOn?.ToDateTime(TimeOnly.MinValue),
            ["Délai (jours)"] = s.FirstExaminedOn is { } first ? first.DayNumber - s.SubmittedOn.DayNumber : null,
            ["Examens"] = examinations.Count(e => e.SituationId == s.Id),
            ["Points de situation"] = followUps.Count(f => f.SituationId == s.Id),
            ["État"] = Situation.StateLabel(s.State),
            ["Issue"] = s.Outcome is { } o ? Situation.OutcomeLabel(o) : "",
            ["Close le"] = s.ClosedOn?.ToDateTime(TimeOnly.MinValue),
        }).ToList();

        bool InYear(DateOnly? d) => d is { } x && x >= start && x <= end;
        var submitted = situations.Where(s => InYear(s.SubmittedOn)).ToList();
        var examinedFirst = situations.Where(s => InYear(s.FirstExaminedOn)).ToList();
        var followed = situations.Count(s => followUps.Any(f => f.SituationId == s.Id && InYear(f.RecordedOn)));
        var closed = situations.Where(s => InYear(s.ClosedOn)).ToList();
        var dueIds = await (from item in db.AgendaItems
                            join session in db.Sessions on item.SessionId equals session.Id
                            where item.Kind == AgendaItemKind.PointDeSituation && session.Date >= start && session.Date <= end && session.Date <= today
                            select item.SituationId).ToListAsync(cancellationToken);
        var figures = new List<StatLine>
        {
            new("Activité", "Concertations tenues", sessions.Count(s => s.Kind == SessionKind.Concertation && s.Date <= today).ToString()),
            new("Activité", "Comités de pilotage tenus", sessions.Count(s => s.Kind == SessionKind.ComitePilotage && s.Date <= today).ToString()),
            new("Situations", "Présentées", People(submitted.Count)),
            new("Situations", "Examinées (premier examen)", People(examinedFirst.Count)),
            new("Situations", "Suivies (point de situation donné)", People(followed)),
            new("Situations", "Consentements retirés", People(situations.Count(s => InYear(s.ConsentWithdrawnOn)))),
            new("Délai", "Délai moyen entre dépôt et premier examen",
                examinedFirst.Count < SmallCount ? $"non publié (< {SmallCount} situations)" : $"{examinedFirst.Average(s => s.FirstExaminedOn!.Value.DayNumber - s.SubmittedOn.DayNumber):0} jours"),
            new("Suivi", "Points de situation attendus", People(dueIds.Count)),
            new("Suivi", "Points de situation donnés à temps", People(followUps.Count(f => f.OnTime && InYear(f.RecordedOn)))),
        };
        figures.AddRange(Enum.GetValues<Outcome>().Select(o => new StatLine("Issues", Situation.OutcomeLabel(o), People(closed.Count(s => s.Outcome == o)))));
        figures.AddRange(submitted.GroupBy(s => Situation.AgeBracket(s.AgeAtConsent)).OrderBy(g => g.Key).Select(g => new StatLine("Âge", g.Key, People(g.Count()))));
        figures.AddRange(submitted.GroupBy(s => s.Recognition).OrderBy(g => g.Key).Select(g => new StatLine("Reconnaissance", Situation.RecognitionLabel(g.Key), People(g.Count()))));
        return (cases, figures);
    }
}

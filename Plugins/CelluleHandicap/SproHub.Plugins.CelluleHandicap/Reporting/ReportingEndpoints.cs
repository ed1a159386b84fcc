using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.CelluleHandicap.Reporting;

internal static class ReportingEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports/{year:int}");
        reports.MapGet("/", async Task<Ok<ReportView>> (int year, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetReport(year), ct)))
            .WithSummary("Le bilan de l'année : des effectifs, jamais un nom (moins de 5 : « < 5 »)");
        reports.MapGet("/cases.xlsx", async Task<FileContentHttpResult> (int year, IMediator m, CancellationToken ct) =>
            TypedResults.File(await m.Send(new ExportCases(year), ct), XlsxType, $"cellule-handicap-jeunes-{year}.xlsx")).WithSummary("Le tableau annuel des cas, pseudonymisé (XLSX)");
        reports.MapPost("/issues", async Task<Created<IssueView>> (int year, IssueBody body, IMediator m, CancellationToken ct) =>
        {
            var issue = await m.Send(new ReportIssue(year, body.Addressee, body.Title, body.Text), ct);
            return TypedResults.Created($"issues/{issue.Id}", issue);
        }).WithSummary("Signaler une problématique territoriale au PLITH ou au PRITH (sans donnée personnelle)");
    }

    public sealed record IssueBody(IssueAddressee Addressee, string Title, string Text);
}

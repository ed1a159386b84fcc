using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Programme;

internal static class ProgrammeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/programme", async Task<Ok<ProgrammeView>> (int? year, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetProgramme(year), ct))).WithSummary("Le programme public : émissions à venir et passées").AllowAnonymous().CacheOutput(CometeModule.ProgrammeCache);
        api.MapGet("/programme.ics", async (IMediator m, ITerritoryContext territory, HttpContext http, IConfiguration configuration, CancellationToken ct) =>
        {
            var shows = await m.Send(new GetCalendarShows(), ct);
            // Links in the feed use the configured public address: the Host header is the caller's to choose.
            var baseUrl = configuration["Platform:PublicBaseUrl"]?.TrimEnd('/') is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}";
            var ics = ProgrammeCalendar.Write(shows, territory.Current!, baseUrl);
            return TypedResults.Text(ics, "text/calendar; charset=utf-8");
        }).WithSummary("Le programme en flux iCal (abonnement d'agenda)").AllowAnonymous().CacheOutput(CometeModule.ProgrammeCache);
    }
}

/// <summary>The programme as an iCalendar feed (RFC 5545) a listener subscribes to.</summary>
public static class ProgrammeCalendar
{
    public static string Write(IReadOnlyList<ShowView> shows, TerritoryInfo territory, string baseUrl)
    {
        var calendar = new Calendar { ProductId = "-//SPRO Hub//COMETE//FR" };
        calendar.AddProperty("X-WR-CALNAME", $"COMETE — {territory.Name}");
        calendar.AddTimeZone(new VTimeZone("Europe/Paris"));
        foreach (var show in shows)
        {
            var guests = string.Join(", ", show.Guests.Select(g => $"{g.Name} ({g.RoleLabel})"));
            var description = $"Émission COMETE sur le secteur {show.Sector}." + (guests.Length > 0 ? $" Invités : {guests}." : "")
                + (show.Replay is { IsAvailable: true } ? $" Rediffusion : {baseUrl}/t/{territory.Slug}/comete/replays/{show.Id}" : "");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{show.Id}@sprohub.comete",
                Summary = $"COMETE — {show.Title ?? show.Sector}",
                Description = description,
                Start = new CalDateTime(show.Date.ToDateTime(show.StartTime), "Europe/Paris"),
                End = new CalDateTime(show.Date.ToDateTime(show.EndTime), "Europe/Paris"),
                Status = show.State switch { ShowState.Planned => EventStatus.Tentative, ShowState.Cancelled => EventStatus.Cancelled, _ => EventStatus.Confirmed },
                Url = new Uri($"{baseUrl}/t/{territory.Slug}/comete#emission-{show.Id}"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}

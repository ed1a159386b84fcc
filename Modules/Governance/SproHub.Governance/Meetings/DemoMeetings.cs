using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Governance.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Meetings;

/// <summary>Indre-et-Loire's year of meetings: committees held (with attendance and minutes) and the next one planned.</summary>
internal static class DemoMeetings
{
    public const string Territory = "indre-et-loire";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GovernanceDbContext>();
        if (await db.Meetings.IgnoreQueryFilters().AnyAsync(cancellationToken)) return;
        var structures = await services.GetRequiredService<IStructureDirectory>().ListAsync(Territory, cancellationToken);
        if (structures.Count == 0) return;
        var people = await services.GetRequiredService<IPersonDirectory>().ListAsync(structures.Select(s => s.Id).ToList(), cancellationToken);
        var today = ParisTime.Today(services.GetRequiredService<TimeProvider>());

        // One committee per quarter already passed this year, the latest with its minutes; the next one planned.
        var quarterStarts = Enumerable.Range(0, 4).Select(q => new DateOnly(today.Year, 3 * q + 1, 1)).Where(d => d.AddMonths(3) <= today).ToList();
        var n = 0;
        foreach (var start in quarterStarts)
        {
            var meeting = New(start.AddDays(20 + n), "Comité local de coordination", structures, people);
            meeting.Status = MeetingStatus.Held;
            meeting.InvitationsSentAt = meeting.StartsAt.AddDays(-21);
            // Most structures came: every other person signed, so some structures are absent.
            foreach (var (invitee, i) in meeting.Invitees.Select((x, i) => (x, i))) invitee.Present = (i + n) % 3 != 0;
            n++;
            if (start == quarterStarts[^1])
            {
                meeting.Minutes = "Tour de table des structures.\n\nPrésentation des chiffres de fréquentation du trimestre.";
                meeting.MinutesPublishedAt = meeting.EndsAt.AddDays(3);
                meeting.Decisions.Add(new Decision { MeetingId = meeting.Id, Order = 1, Text = "Organiser une matinée d'échange de pratiques sur l'accueil des publics." });
                meeting.Actions.Add(new MeetingAction { MeetingId = meeting.Id, TerritoryId = Territory, What = "Proposer trois dates pour la matinée d'échange", Who = structures[0].Name, StructureId = structures[0].Id, DueOn = today.AddDays(-5) });
                meeting.Actions.Add(new MeetingAction { MeetingId = meeting.Id, TerritoryId = Territory, What = "Diffuser le calendrier des forums", Who = structures[1 % structures.Count].Name, StructureId = structures[1 % structures.Count].Id, DueOn = today.AddDays(20) });
            }
            db.Meetings.Add(meeting);
            var rate = meeting.CountAttendance();
            db.AddIntegrationEvent(new MeetingHeld(Guid.NewGuid(), meeting.EndsAt, Territory, meeting.Id, meeting.Type.ToString(), meeting.Subject, meeting.Day, rate.Invited, rate.Participating));
        }
        // The next one in three weeks or so, within the quarter under way so that the demo territory keeps its cadence.
        var quarterEnd = new DateOnly(today.Year, 3 * ((today.Month - 1) / 3) + 1, 1).AddMonths(3).AddDays(-1);
        db.Meetings.Add(New(today.AddDays(24) > quarterEnd ? quarterEnd : today.AddDays(24), "Comité local de coordination", structures, people));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Meeting New(DateOnly day, string subject, IReadOnlyList<StructureInfo> structures, IReadOnlyList<PersonInfo> people)
    {
        var startsAt = new DateTime(day, new TimeOnly(9, 30));
        var offset = ParisTime.Zone.GetUtcOffset(startsAt);
        var meeting = new Meeting
        {
            TerritoryId = Territory, Type = MeetingType.LocalCommittee, Subject = subject,
            Day = day, StartsAt = new DateTimeOffset(startsAt, offset), EndsAt = new DateTimeOffset(startsAt.AddHours(2.5), offset),
            Place = "Mission Locale de Tours, salle du conseil", Agenda = "Tour de table des structures\nActualités de l'orientation\nQuestions diverses",
            UpdatedBy = "démo",
        };
        meeting.Structures.AddRange(structures.Select(s => new InvitedStructure { MeetingId = meeting.Id, StructureId = s.Id, Name = s.Name, Type = s.Type }));
        meeting.Invitees.AddRange(people.Where(p => p.Email is not null).Select(p => new Invitee
            { MeetingId = meeting.Id, PersonId = p.Id, StructureId = p.StructureId, Name = p.FullName, Email = p.Email!, Function = p.Function }));
        meeting.UpdatedAt = meeting.StartsAt.AddDays(-30);
        meeting.CountAttendance();
        return meeting;
    }
}

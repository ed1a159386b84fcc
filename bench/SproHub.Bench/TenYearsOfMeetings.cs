using Microsoft.Data.Sqlite;
using static SproHub.Bench.Sql;

namespace SproHub.Bench;

/// <summary>
/// Ten years of network meetings in every local SPRO, written straight into the database: a meeting a month, each
/// with 15 invited structures and 30 invited people, attendance recorded.
/// </summary>
internal static class TenYearsOfMeetings
{
    public const int Years = 10;
    public const int PerYear = 12;
    public const int Structures = 15;
    public const int PeoplePerStructure = 2;
    private static readonly string[] Types = ["LocalCommittee", "LocalCommittee", "DepartmentalCoordination"];

    public static int Seed(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var meeting = Command(connection, """
            INSERT INTO governance_meetings ("Id", "TerritoryId", "Type", "Subject", "StartsAt", "EndsAt", "Day", "Place", "VideoLink", "Agenda", "Status",
              "InvitationsSentAt", "InvitationSequence", "Minutes", "MinutesPublishedAt", "UpdatedAt", "UpdatedBy", "Version", "InvitedStructures", "ParticipatingStructures")
            VALUES ($id, $territory, $type, $subject, $starts, $ends, $day, 'Salle du conseil', NULL, 'Tour de table', 'Held', $starts, 1, NULL, NULL, $starts, 'bench', 1, $invited, $participating)
            """);
        var structure = Command(connection, """
            INSERT INTO governance_meeting_structures ("MeetingId", "StructureId", "Name", "Type", "Participated") VALUES ($meeting, $structure, $name, 'Mission Locale', 0)
            """);
        var invitee = Command(connection, """
            INSERT INTO governance_meeting_invitees ("Id", "MeetingId", "PersonId", "StructureId", "Name", "Email", "Function", "ReplyToken", "Reply", "RepliedAt", "Present")
            VALUES ($id, $meeting, NULL, $structure, $name, $email, NULL, $token, 'WillAttend', NULL, $present)
            """);
        var count = 0;
        foreach (var territory in TenYearsOfShows.Territories)
        {
            var structureIds = Enumerable.Range(0, Structures).Select(_ => Id()).ToArray();
            for (var year = 2016; year < 2016 + Years; year++)
            for (var month = 1; month <= PerYear; month++)
            {
                var id = Id();
                var starts = new DateTimeOffset(year, month, 15, 8, 30, 0, TimeSpan.Zero);
                var participating = Enumerable.Range(0, Structures).Count(s => Enumerable.Range(0, PeoplePerStructure).Any(p => Present(s, p, month)));
                Run(meeting, ("$id", id), ("$territory", territory), ("$type", Types[month % Types.Length]), ("$subject", $"Réunion de {month:00}/{year}"),
                    ("$starts", Instant(starts)), ("$ends", Instant(starts.AddHours(2))), ("$day", $"{year}-{month:00}-15"), ("$invited", Structures), ("$participating", participating));
                for (var s = 0; s < Structures; s++)
                {
                    Run(structure, ("$meeting", id), ("$structure", structureIds[s]), ("$name", $"Structure {s}"));
                    for (var p = 0; p < PeoplePerStructure; p++)
                        Run(invitee, ("$id", Id()), ("$meeting", id), ("$structure", structureIds[s]), ("$name", $"Agent {s}.{p}"), ("$email", $"agent{s}.{p}@exemple.fr"),
                            ("$token", Guid.NewGuid().ToString("N")), ("$present", Present(s, p, month) ? 1 : 0));
                }
                count++;
            }
        }
        transaction.Commit();
        return count;
    }

    private static bool Present(int structure, int person, int month) => (structure * 7 + person + month) % 4 != 0 && (structure + month) % 5 != 0;
}

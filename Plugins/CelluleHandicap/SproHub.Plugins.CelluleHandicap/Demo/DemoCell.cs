using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.CelluleHandicap.Concertation;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Partners;
using SproHub.Plugins.CelluleHandicap.Privacy;
using SproHub.Plugins.CelluleHandicap.Sessions;
using SproHub.Plugins.CelluleHandicap.Situations;
using SproHub.Shared.Data;
using SproHub.Shared.Events;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.CelluleHandicap;

/// <summary>
/// The two cells of the demo, with invented partners' representatives (the demo accounts of the README) and invented
/// young people: Cher has held two concertations and prepares the next one; Orléans starts. Idempotent.
/// </summary>
internal static class DemoCell
{
    public const string Prescriber = "conseil@cher.demo";
    public const string Secretariat = "cio@cher.demo";
    public const string Mdph = "mdph@cher.demo";
    public const string CapEmploi = "capemploi@cher.demo";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<ITerritoryDirectory>();
        foreach (var slug in new[] { "cher", "orleans" })
        {
            using var scope = services.CreateScope();
            var territory = await directory.FindAsync(slug, cancellationToken);
            if (territory is null) continue;
            scope.ServiceProvider.GetRequiredService<ITerritoryContext>().Enter(territory);
            var db = scope.ServiceProvider.GetRequiredService<CelluleHandicapDbContext>();
            if (await db.Partners.AnyAsync(cancellationToken)) continue;
            if (slug == "cher") await SeedCherAsync(db, scope.ServiceProvider, cancellationToken);
            else SeedOrleans(db);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static Partner Add(CelluleHandicapDbContext db, string territory, string name, PartnerKind kind, bool hosts, int? turn, params (DayOfWeek, UnavailablePart)[] rules)
    {
        var partner = Partner.Create(territory, name, kind, hosts, turn);
        foreach (var (day, part) in rules) partner.Unavailable(day, part);
        db.Partners.Add(partner);
        return partner;
    }

    private static void SeedOrleans(CelluleHandicapDbContext db)
    {
        var mlo = Add(db, "orleans", "Mission Locale de l'Orléanais", PartnerKind.MissionLocale, true, 1);
        Add(db, "orleans", "CIO d'Orléans", PartnerKind.Cio, true, 2, (DayOfWeek.Thursday, UnavailablePart.Matin));
        Add(db, "orleans", "Cap emploi du Loiret", PartnerKind.CapEmploi, true, null, (DayOfWeek.Monday, UnavailablePart.JourneeEntiere));
        Add(db, "orleans", "MDPH du Loiret", PartnerKind.Mdph, true, null, (DayOfWeek.Tuesday, UnavailablePart.ApresMidi));
        Add(db, "orleans", "Agefiph Centre-Val de Loire", PartnerKind.Agefiph, true, null, (DayOfWeek.Wednesday, UnavailablePart.JourneeEntiere));
        Add(db, "orleans", "France Travail d'Orléans", PartnerKind.PoleEmploi, true, null);
        mlo.Representatives.Add(new Representative { Email = "membre@orleans.demo", Name = "Membre de la Mission Locale (démo)" });
    }

    private static Task SeedCherAsync(CelluleHandicapDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        const string t = "cher";
        var clock = services.GetRequiredService<TimeProvider>();
        var sealer = services.GetRequiredService<SensitiveData>();
        var today = ParisTime.Today(clock);
        var now = clock.GetUtcNow();
        var mlBourges = Add(db, t, "Mission Locale de Bourges", PartnerKind.MissionLocale, true, 1);
        var cio = Add(db, t, "CIO de Bourges", PartnerKind.Cio, true, 2, (DayOfWeek.Thursday, UnavailablePart.Matin));
        var mlVierzon = Add(db, t, "Mission Locale de Vierzon", PartnerKind.MissionLocale, true, 3);
        var capEmploi = Add(db, t, "Cap emploi du Cher", PartnerKind.CapEmploi, true, null, (DayOfWeek.Monday, UnavailablePart.JourneeEntiere));
        var mdph = Add(db, t, "MDPH du Cher", PartnerKind.Mdph, true, null, (DayOfWeek.Tuesday, UnavailablePart.ApresMidi));
        Add(db, t, "Agefiph Centre-Val de Loire", PartnerKind.Agefiph, true, null, (DayOfWeek.Wednesday, UnavailablePart.JourneeEntiere));
        Add(db, t, "France Travail de Vierzon", PartnerKind.PoleEmploi, false, null);
        mlBourges.Representatives.Add(new Representative { Email = Prescriber, Name = "Élise Morvan (Mission Locale de Bourges)" });
        cio.Representatives.Add(new Representative { Email = Secretariat, Name = "Paul Girard (CIO de Bourges)" });
        mdph.Representatives.Add(new Representative { Email = Mdph, Name = "Anaïs Roux (MDPH du Cher)" });
        capEmploi.Representatives.Add(new Representative { Email = CapEmploi, Name = "Yanis Colin (Cap emploi du Cher)" });

        // Two concertations held (at the MDPH, then at the CIO); the CIO, whose turn it is, has the next one to schedule.
        var sessions = new List<Session>();
        Session Held(int daysAgo, Partner venue, Partner secretariat)
        {
            var date = Weekday(today.AddDays(-daysAgo), venue, HalfDay.Matin);
            var session = Session.Schedule(t, SessionKind.Concertation, date, HalfDay.Matin, venue, secretariat, sessions, date);
            session.Publish(new DateTimeOffset(date.AddDays(-Session.AgendaLeadDays).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), date);
            sessions.Add(session);
            return session;
        }
        var first = Held(84, mdph, mlVierzon);
        var second = Held(42, cio, mlBourges);
        db.Sessions.AddRange(sessions);

        var young = new (string First, string Last, int Age, Recognition Recognition, string Need)[]
        {
            ("Jade", "Lemoine", 19, Recognition.Reconnue, "un emploi accompagné après un CAP obtenu en section adaptée"),
            ("Noah", "Perrot", 22, Recognition.DemandeEnCours, "une formation qualifiante compatible avec des troubles de l'attention"),
            ("Emma", "Vasseur", 24, Recognition.NonReconnue, "un diagnostic et une orientation après plusieurs ruptures de formation"),
            ("Louis", "Chevalier", 17, Recognition.Reconnue, "la transition du lycée vers l'apprentissage avec aménagements"),
            ("Chloé", "Masson", 27, Recognition.NeSaitPas, "une reprise d'activité après une longue période sans suivi"),
        };
        var numbers = new Dictionary<int, int>();
        var situations = young.Select((y, i) =>
        {
            var submitted = i < 3 ? first.Date.AddDays(-30 + 14 * (i / 2)) : today.AddDays(-12 + 6 * (i - 3));
            var birth = submitted.AddYears(-y.Age).AddDays(-40);
            var minor = y.Age < 18;
            numbers[submitted.Year] = numbers.GetValueOrDefault(submitted.Year) + 1;
            var s = Situation.Submit(t, $"CHJ-{submitted.Year}-{numbers[submitted.Year]:000}", Prescriber, "Élise Morvan", mlBourges.Name,
                new Identity(y.First, y.Last, birth, "Bourges", minor ? "Sandrine Chevalier" : null, minor ? "mère" : null),
                new DiagnosticSheet($"Jeune suivi par la Mission Locale ; besoin : {y.Need}.", "Parcours scolaire puis plusieurs expériences courtes.", null, y.Need, "Quelle solution coordonnée proposer ?"),
                y.Recognition, submitted, Situation.RequiredPurposes | ConsentPurposes.SuiviDuParcours, true, minor,
                new DateTimeOffset(submitted.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), submitted, (id, who, what) => (sealer.Seal(who, id), sealer.Seal(what, id)));
            db.Situations.Add(s);
            Tell(db, s, CelluleHandicapModule.Indicators.Submitted, submitted, 1, "depot", now);
            return s;
        }).ToList();

        void Examine(Situation s, Session at, string decisions, Partner carrier)
        {
            db.AgendaItems.Add(new AgendaItem { SessionId = at.Id, SituationId = s.Id, Kind = AgendaItemKind.Examen });
            var examination = new Examination { SituationId = s.Id, SessionId = at.Id, ExaminedOn = at.Date, RecordedBy = "Élise Morvan",
                SealedNotes = sealer.Seal(new ExaminationNotes("Fiche complétée avec les apports de la MDPH, de Cap emploi et du CIO.", decisions), s.Id) };
            examination.NextSteps.Add(new NextStep { PartnerId = carrier.Id, SealedAction = sealer.Seal(new TextBox(decisions), s.Id) });
            db.Examinations.Add(examination);
            if (s.MarkExamined(at.Date))
            {
                Tell(db, s, CelluleHandicapModule.Indicators.Examined, at.Date, 1, "examen", now);
                Tell(db, s, CelluleHandicapModule.Indicators.DaysToFirstExamination, at.Date, at.Date.DayNumber - s.SubmittedOn.DayNumber, "delai", now);
            }
        }
        void FollowUp(Situation s, Session at, string text)
        {
            db.AgendaItems.Add(new AgendaItem { SessionId = at.Id, SituationId = s.Id, Kind = AgendaItemKind.PointDeSituation });
            {
                db.FollowUps.Add(new FollowUp { SituationId = s.Id, SessionId = at.Id, RecordedOn = at.Date, OnTime = true, RecordedBy = "Élise Morvan", SealedText = sealer.Seal(new TextBox(text), s.Id) });
                Tell(db, s, CelluleHandicapModule.Indicators.Followed, at.Date, 1, "suivi", now);
                Tell(db, s, CelluleHandicapModule.Indicators.FollowUpsOnTime, at.Date, 1, $"point-{at.Id}", now);
            }
        }
        Examine(situations[0], first, "Orientation vers un emploi accompagné ; Cap emploi prend le relais.", capEmploi);
        Examine(situations[1], first, "Dossier MDPH à compléter ; bilan d'orientation au CIO.", mdph);
        FollowUp(situations[0], second, "Contrat signé dans une entreprise adaptée.");
        FollowUp(situations[1], second, "Dossier déposé à la MDPH, bilan fait.");
        situations[0].Close(Outcome.SolutionTrouvee, second.Date, today);
        Tell(db, situations[0], CelluleHandicapModule.Indicators.SolutionsFound, second.Date, 1, "solution", now);
        Examine(situations[2], second, "Rendez-vous avec le médecin de la MDPH ; remobilisation à la Mission Locale.", mlBourges);
        // The third one's follow-up and two new situations (a minor's, with the parental consent on file) wait for the next concertation.
        return Task.CompletedTask;
    }

    /// <summary>The first weekday on or after this date the venue can host on that half-day.</summary>
    private static DateOnly Weekday(DateOnly from, Partner venue, HalfDay half)
    {
        var date = from;
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || venue.ConflictOn(date, half) is not null) date = date.AddDays(1);
        return date;
    }

    private static void Tell(CelluleHandicapDbContext db, Situation s, string code, DateOnly day, decimal value, string what, DateTimeOffset now) =>
        db.AddIntegrationEvent(new IndicatorValueRecorded(Guid.NewGuid(), now, CelluleHandicapModule.Id, code, s.TerritoryId, day, value, $"{s.Id}/{what}"));
}

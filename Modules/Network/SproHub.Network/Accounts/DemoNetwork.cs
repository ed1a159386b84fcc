using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SproHub.Network.Data;
using SproHub.Network.Structures;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Network.Accounts;

/// <summary>
/// Demo structures (named by type and town) and one invented account per role. Development and tests only;
/// the accounts are listed in the README.
/// </summary>
public static class DemoNetwork
{
    public const string Password = "Demo-SproHub-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string Territory)> Accounts =
    [
        ("admin@region.demo", "Camille Régnier (Région)", SproRoles.RegionAdministrator, SproRoles.RegionScope),
        ("finances@region.demo", "Sacha Delorme (finances, Région)", SproRoles.RegionFinance, SproRoles.RegionScope),
        ("coordination@loir-et-cher.demo", "Lucie Marchand (coordonnatrice 41)", SproRoles.TerritoryCoordinator, "loir-et-cher"),
        ("coordination@cher.demo", "Hugo Berthier (coordonnateur 18)", SproRoles.TerritoryCoordinator, "cher"),
        // The Cellule Handicap Jeunes of Cher (a plugin) knows them as its partners' representatives.
        ("conseil@cher.demo", "Élise Morvan (conseillère, Mission Locale de Bourges)", SproRoles.StructureMember, "cher"),
        ("cio@cher.demo", "Paul Girard (psychologue de l'Éducation nationale, CIO de Bourges)", SproRoles.StructureMember, "cher"),
        ("mdph@cher.demo", "Anaïs Roux (MDPH du Cher)", SproRoles.StructureMember, "cher"),
        ("capemploi@cher.demo", "Yanis Colin (Cap emploi du Cher)", SproRoles.StructureMember, "cher"),
        ("membre@loir-et-cher.demo", "Inès Fontaine (Mission Locale de Blois)", SproRoles.StructureMember, "loir-et-cher"),
        ("coordination@indre-et-loire.demo", "Bastien Leroux (coordonnateur 37)", SproRoles.TerritoryCoordinator, "indre-et-loire"),
        ("membre@indre-et-loire.demo", "Maëlle Guérin (chargée d'accueil, CIO de Tours)", SproRoles.StructureMember, "indre-et-loire"),
        ("gestion@indre-et-loire.demo", "Nadia Perrin (gestionnaire, Mission Locale de Tours)", SproRoles.StructureMember, "indre-et-loire"),
        // A person the SPRO serves, with a space in ma boîte SPRO (a plugin's role: the core only holds it).
        ("personne@orleans.demo", "Jade Lemoine", "citizen", "orleans"),
        // Her adviser, with whom she shares documents.
        (OrleansAdviser, "Théo Vasseur (conseiller, Mission Locale d'Orléans)", SproRoles.StructureMember, "orleans"),
    ];

    private static readonly (string Territory, StructureType Type, string Town)[] Structures =
    [
        ("loir-et-cher", StructureType.MissionLocale, "Blois"), ("loir-et-cher", StructureType.MissionLocale, "Vendôme"),
        ("loir-et-cher", StructureType.MissionLocale, "Romorantin-Lanthenay"), ("loir-et-cher", StructureType.Cio, "Blois"),
        ("loir-et-cher", StructureType.PoleEmploi, "Blois"), ("loir-et-cher", StructureType.Bij, "Blois"),
        ("loir-et-cher", StructureType.ChambreDeMetiers, "Blois"),
        ("cher", StructureType.MissionLocale, "Bourges"), ("cher", StructureType.MissionLocale, "Vierzon"),
        ("cher", StructureType.MissionLocale, "Saint-Amand-Montrond"), ("cher", StructureType.Cio, "Bourges"),
        ("cher", StructureType.CapEmploi, "Bourges"), ("cher", StructureType.PoleEmploi, "Vierzon"),
        ("orleans", StructureType.MissionLocale, "Orléans"), ("orleans", StructureType.Cio, "Orléans"), ("orleans", StructureType.Bij, "Orléans"),
        ("indre-et-loire", StructureType.MissionLocale, "Tours"), ("indre-et-loire", StructureType.Cio, "Tours"),
        ("indre-et-loire", StructureType.MissionLocale, "Amboise"), ("indre-et-loire", StructureType.MissionLocale, "Chinon"),
        ("indre-et-loire", StructureType.PoleEmploi, "Tours"), ("indre-et-loire", StructureType.CapEmploi, "Tours"),
        ("indre-et-loire", StructureType.Bij, "Tours"), ("indre-et-loire", StructureType.ChambreDeMetiers, "Tours"),
        ("indre-et-loire", StructureType.Cci, "Tours"), ("indre-et-loire", StructureType.PrcVae, "Tours"),
        ("indre-et-loire", StructureType.Apec, "Tours"), ("indre-et-loire", StructureType.Fongecif, "Tours"),
        ("chateaudun-nogent", StructureType.MissionLocale, "Châteaudun"), ("chateaudun-nogent", StructureType.Cio, "Châteaudun"),
    ];

    /// <summary>Structures known by their own name rather than by type and town: the Mission Locale of Saint-Amand-Montrond
    /// is the Mission Locale Cher-Sud, the carrier of the Cher's budget in seed 000.</summary>
    private static readonly Dictionary<(string Territory, StructureType Type, string Town), string> OwnNames = new()
    {
        [("cher", StructureType.MissionLocale, "Saint-Amand-Montrond")] = "Mission Locale Cher-Sud",
    };

    /// <summary>Every local SPRO also has a demo coordinator and a demo member, so that any plugin can be tried anywhere.</summary>
    private static IEnumerable<(string Email, string Name, string Role, string Territory)> EveryTerritorysPair(Territories.Territory territory) =>
    [
        ($"coordination@{territory.Slug}.demo", $"Coordination du {territory.Name} (démo)", SproRoles.TerritoryCoordinator, territory.Slug),
        ($"membre@{territory.Slug}.demo", $"Membre d'une structure du {territory.Name} (démo)", SproRoles.StructureMember, territory.Slug),
    ];

    /// <summary>Whom each network usually receives, for the demo's directory.</summary>
    private static PublicServed DemoPublic(StructureType type) => type switch
    {
        StructureType.MissionLocale => PublicServed.Jeunes,
        StructureType.Cio => PublicServed.Scolaires | PublicServed.Jeunes,
        StructureType.PoleEmploi => PublicServed.DemandeursEmploi | PublicServed.Salaries,
        StructureType.CapEmploi => PublicServed.PersonnesHandicapees,
        StructureType.Bij or StructureType.Pij => PublicServed.Jeunes | PublicServed.Scolaires,
        StructureType.Apec => PublicServed.Cadres,
        StructureType.Fongecif or StructureType.PrcVae => PublicServed.Salaries | PublicServed.DemandeursEmploi,
        _ => PublicServed.ToutPublic,
    };

    public const string OrleansAdviser = "conseil@orleans.demo";

    private static readonly string[] FirstNames = ["Camille", "Julien", "Sophie", "Karim", "Élodie", "Thomas", "Nadia", "Hugo", "Léa", "Mathis", "Inès", "Romain"];
    private static readonly string[] LastNames = ["Martin", "Bernard", "Petit", "Durand", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Garnier", "Faure", "Rousseau"];

    /// <summary>Two invented agents per structure of Indre-et-Loire, whose network meetings the demo shows (invitations
    /// and sign-in sheets need people), and its demo coordinator and member as agents of their structures.</summary>
    private static async Task SeedPeopleAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        var structures = await db.Structures.AsNoTracking().Where(s => s.TerritoryId == "indre-et-loire").OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (structures.Count == 0) return;
        var n = 0;
        foreach (var structure in structures)
        {
            foreach (var function in new[] { "directeur·rice", "conseiller·ère" })
            {
                var (first, last) = (FirstNames[n % FirstNames.Length], LastNames[(n * 5 + 3) % LastNames.Length]);
                n++;
                var email = $"{DirectoryText.Normalize(first)}.{DirectoryText.Normalize(last)}.{n}@{structure.TerritoryId}.demo";
                db.People.Add(new Person { FirstName = first, LastName = last, Function = function, Email = email, StructureId = structure.Id, MaySign = function.StartsWith("directeur") });
            }
        }
        var tours = structures.Where(s => s.Town == "Tours").ToList();
        var coordinator = new Person { FirstName = "Bastien", LastName = "Leroux", Function = "coordonnateur du SPRO 37", Email = "coordination@indre-et-loire.demo",
            StructureId = tours.First(s => s.Type == StructureType.MissionLocale).Id };
        db.People.Add(coordinator);
        db.People.Add(new Person { FirstName = "Maëlle", LastName = "Guérin", Function = "chargée d'accueil, signataire par délégation", Email = "membre@indre-et-loire.demo",
            StructureId = tours.First(s => s.Type == StructureType.Cio).Id, MaySign = true });
        // The carrier's administrator, who keeps its subsidy request and spending statement.
        db.People.Add(new Person { FirstName = "Nadia", LastName = "Perrin", Function = "gestionnaire administrative et financière", Email = "gestion@indre-et-loire.demo",
            StructureId = tours.First(s => s.Type == StructureType.MissionLocale).Id });
        // Designated at this school year's plenary, so that what is sent "to the coordinator" reaches someone.
        var today = DateOnly.FromDateTime(DateTime.Today);
        var schoolYear = Coordinators.CoordinatorDesignation.SchoolYearOf(today);
        var plenary = new DateOnly(schoolYear, 9, 22) is var p && p > today ? today : p;
        db.CoordinatorDesignations.Add(new Coordinators.CoordinatorDesignation
        {
            TerritoryId = "indre-et-loire", SchoolYear = schoolYear, PersonId = coordinator.Id, StructureId = coordinator.StructureId!.Value,
            PlenaryDate = plenary, MinutesReference = "Compte rendu de la plénière de rentrée", RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "démo",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Tours's Mission Locale receives at its seat and in an antenna at Loches, with their hours.</summary>
    private static async Task SeedReceptionPointsAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        var ml = await db.Structures.FirstOrDefaultAsync(s => s.TerritoryId == "indre-et-loire" && s.Type == StructureType.MissionLocale && s.Town == "Tours", cancellationToken);
        if (ml is null) return;
        static IEnumerable<OpeningSlot> Days(IEnumerable<DayOfWeek> days, params (int, int, int, int)[] ranges) =>
            days.SelectMany(d => ranges.Select(r => new OpeningSlot { Day = d, Opens = new TimeOnly(r.Item1, r.Item2), Closes = new TimeOnly(r.Item3, r.Item4) }));
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var seat = new ReceptionPoint { StructureId = ml.Id, Name = "Siège", Address = "12 rue de l'Exemple", Town = "Tours", Phone = "02 00 00 00 00", Public = PublicServed.Jeunes };
        seat.Hours.AddRange(Days(weekdays, (9, 0, 12, 30), (13, 30, 17, 30)));
        var antenna = new ReceptionPoint { StructureId = ml.Id, Name = "Antenne de Loches", Address = "3 place de l'Exemple", Town = "Loches", Public = PublicServed.Jeunes };
        antenna.Hours.AddRange(Days([DayOfWeek.Tuesday, DayOfWeek.Thursday], (9, 0, 12, 0)));
        db.ReceptionPoints.AddRange(seat, antenna);
        ml.Index([$"{seat.Name} {seat.Town}", $"{antenna.Name} {antenna.Town}"]);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task SeedAsync(NetworkDbContext db, UserManager<SproUser> users, CancellationToken cancellationToken)
    {
        if (!await db.Structures.AnyAsync(cancellationToken))
        {
            foreach (var (territory, type, town) in Structures)
            {
                var structure = new Structure { Name = OwnNames.GetValueOrDefault((territory, type, town)) ?? $"{Structure.TypeLabel(type)} {Territories.FrenchPlaces.Of(town)}", Type = type, Town = town, TerritoryId = territory, Public = DemoPublic(type),
                    DepartmentWide = type == StructureType.CapEmploi };
                structure.Index();
                db.Structures.Add(structure);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!await db.People.AnyAsync(cancellationToken)) await SeedPeopleAsync(db, cancellationToken);
        if (!await db.ReceptionPoints.AnyAsync(cancellationToken)) await SeedReceptionPointsAsync(db, cancellationToken);
        if (!await db.People.AnyAsync(p => p.Email == OrleansAdviser, cancellationToken)
            && await db.Structures.FirstOrDefaultAsync(s => s.TerritoryId == "orleans" && s.Type == StructureType.MissionLocale, cancellationToken) is { } orleansMl)
        {
            db.People.Add(new Person { FirstName = "Théo", LastName = "Vasseur", Function = "conseiller en insertion", Email = OrleansAdviser, StructureId = orleansMl.Id });
            await db.SaveChangesAsync(cancellationToken);
        }
        var localSpros = await db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.LocalSpro).ToListAsync(cancellationToken);
        foreach (var account in Accounts.Concat(localSpros.SelectMany(EveryTerritorysPair)).DistinctBy(a => a.Email))
        {
            if (await users.FindByEmailAsync(account.Email) is not null) continue;
            var user = new SproUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, TerritoryId = account.Territory, Role = account.Role });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.Data.Sqlite;
using SproHub.Network.Structures;

namespace SproHub.Bench;

/// <summary>A network fifty times the Région's: 10,000 structures and 100,000 people, written straight into the database.</summary>
internal static class LargeNetwork
{
    public const int Structures = 10_000;
    public const int PeoplePerStructure = 10;

    private static readonly string[] Towns = ["Tours", "Orléans", "Bourges", "Blois", "Chartres", "Châteauroux", "Vendôme", "Dreux", "Vierzon", "Montargis", "Amboise", "Chinon", "Issoudun", "Pithiviers", "Romorantin-Lanthenay", "Gien"];

    /// <summary>The words the directory is searched with, as citizens type them.</summary>
    public static readonly string[] Queries = ["q=tours", "q=mission%20locale", "q=cio%20bourges", "q=vendome", "type=Cio", "territory=cher&type=MissionLocale", "q=chateauroux&public=Jeunes", "q=introuvable"];

    public static void Seed(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var structure = connection.CreateCommand();
        structure.CommandText = """
            INSERT INTO network_structures ("Id", "Name", "Type", "Town", "TerritoryId", "SearchText", "Address", "Public", "Version")
            VALUES ($id, $name, $type, $town, $territory, $search, NULL, $public, 1)
            """;
        var person = connection.CreateCommand();
        person.CommandText = """
            INSERT INTO network_people ("Id", "FirstName", "LastName", "Email", "Function", "StructureId", "UserId", "Version")
            VALUES ($id, $first, $last, $email, 'Conseiller', $structure, NULL, 1)
            """;
        var types = Enum.GetValues<StructureType>();
        for (var i = 0; i < Structures; i++)
        {
            var id = Guid.NewGuid();
            var type = types[i % types.Length];
            var town = Towns[i % Towns.Length];
            var name = $"{Structure.TypeLabel(type)} de {town} n°{i}";
            structure.Parameters.Clear();
            structure.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
            structure.Parameters.AddWithValue("$name", name);
            structure.Parameters.AddWithValue("$type", type.ToString());
            structure.Parameters.AddWithValue("$town", town);
            structure.Parameters.AddWithValue("$territory", TenYearsOfShows.Territories[i % TenYearsOfShows.Territories.Length]);
            structure.Parameters.AddWithValue("$search", DirectoryText.Normalize($"{name} {town} {Structure.TypeLabel(type)}"));
            structure.Parameters.AddWithValue("$public", (int)(PublicServed.Jeunes | PublicServed.DemandeursEmploi));
            structure.ExecuteNonQuery();
            for (var p = 0; p < PeoplePerStructure; p++)
            {
                person.Parameters.Clear();
                person.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
                person.Parameters.AddWithValue("$first", $"Prénom{p}");
                person.Parameters.AddWithValue("$last", $"Nom{i}");
                person.Parameters.AddWithValue("$email", $"agent{p}.{i}@structure.exemple.fr");
                person.Parameters.AddWithValue("$structure", id.ToString().ToUpperInvariant());
                person.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }
}

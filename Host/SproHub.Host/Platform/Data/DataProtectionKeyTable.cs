using System.Data.Common;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Npgsql;
using SproHub.Shared.Data;

namespace SproHub.Host.Platform.Data;

/// <summary>
/// The data-protection key ring, shared by every host, in the platform's table (<c>platform_data_protection_keys</c>,
/// the one <c>PersistKeysToDbContext</c> wrote, its migrations unchanged), read and written with one plain connection.
/// The key ring is made before the first answer (<see cref="DatabasePreparation"/>): through EF Core it was the only use
/// of EF Core on the way to <c>/health</c>, about half of the database's preparation (docs/benchmarks.md, start-up).
/// </summary>
public sealed class DataProtectionKeyTable(IConfiguration configuration) : IXmlRepository
{
    private const string Table = "platform_data_protection_keys";
    private readonly Lazy<DatabaseSettings> _settings = new(() => DatabaseSettings.From(configuration));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Xml\" FROM {Table} ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            // As EF Core's repository did: a row without XML is skipped, not an error.
            if (!reader.IsDBNull(0) && reader.GetString(0) is { Length: > 0 } xml) elements.Add(XElement.Parse(xml));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {Table} (\"FriendlyName\", \"Xml\") VALUES (@name, @xml)";
        Add(command, "name", friendlyName);
        Add(command, "xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private DbConnection Open()
    {
        var settings = _settings.Value;
        DbConnection connection = settings.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(settings.ConnectionString)
            : new SqliteConnection(settings.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

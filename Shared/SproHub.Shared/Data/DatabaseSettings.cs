using Microsoft.Extensions.Configuration;

namespace SproHub.Shared.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary><c>Database:Provider</c> and <c>Database:ConnectionString</c>; SQLite lives in <c>Storage:DataPath</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider « {providerText} » inconnu (Sqlite ou Postgres).");
        var connectionString = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:ConnectionString est obligatoire avec PostgreSQL.");
            var dataPath = Path.GetFullPath(configuration["Storage:DataPath"] ?? "data");
            Directory.CreateDirectory(dataPath);
            connectionString = $"Data Source={Path.Combine(dataPath, "sprohub.db")}";
        }
        return new DatabaseSettings(provider, connectionString);
    }
}

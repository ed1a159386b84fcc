using SproHub.Shared.Jobs;

namespace SproHub.Host.Platform;

/// <summary>
/// <c>dotnet SproHub.Host.dll migrate</c> prepares the database and stops; <c>dotnet SproHub.Host.dll rotate-key cellule</c>
/// (any command a module registers) prepares it, runs the command and stops. The server is never started.
/// </summary>
public static class MaintenanceCommands
{
    /// <returns>Null when the arguments name no command: the platform runs.</returns>
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        // Settings given on the command line (--Key value, Key=value) are configuration, not commands.
        var words = args.TakeWhile(a => !a.StartsWith('-') && !a.StartsWith('/') && !a.Contains('=')).ToArray();
        if (words.Length == 0) return null;
        var typed = string.Join(' ', words);
        var commands = app.Services.GetServices<IMaintenanceCommand>().ToList();
        var command = commands.FirstOrDefault(c => c.Name == typed);
        if (typed != "migrate" && command is null)
        {
            await Console.Error.WriteLineAsync($"Commande inconnue : {typed}. Commandes :\n  migrate  applique les migrations et les données de référence, puis s'arrête"
                + string.Concat(commands.Select(c => $"\n  {c.Name}  {c.Description}")));
            return 2;
        }
        await app.PrepareDatabaseAsync();
        return command is null ? 0 : await command.RunAsync(Console.Out, CancellationToken.None);
    }
}

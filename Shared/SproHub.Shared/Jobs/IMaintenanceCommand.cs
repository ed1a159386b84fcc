namespace SproHub.Shared.Jobs;

/// <summary>
/// A command an operator runs on a stopped platform, after the database is prepared:
/// <c>dotnet SproHub.Host.dll rotate-key cellule</c>. Registered by a module in its services; the host lists them.
/// </summary>
public interface IMaintenanceCommand
{
    /// <summary>The words that call it, as typed (« rotate-key cellule »).</summary>
    string Name { get; }

    /// <summary>One line in French for the list of commands.</summary>
    string Description { get; }

    /// <returns>The process's exit code: 0 when done.</returns>
    Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;

namespace SproHub.Host.Modularity;

public sealed record ModuleError(DateTimeOffset At, string Message);

/// <summary>
/// The errors each module raised since this host started: requests of its endpoints and pages that failed,
/// and errors its own code logged (its background work included). Kept in memory, per host.
/// </summary>
public sealed class ModuleErrors(TimeProvider clock)
{
    private const int Kept = 10;
    private readonly ConcurrentDictionary<string, (int Count, IReadOnlyList<ModuleError> Recent)> _byModule = new();

    public void Record(string moduleId, string message)
    {
        var error = new ModuleError(clock.GetUtcNow(), message);
        _byModule.AddOrUpdate(moduleId, _ => (1, [error]), (_, current) => (current.Count + 1, [error, .. current.Recent.Take(Kept - 1)]));
    }

    /// <summary>How many since start-up, and the last ones (newest first, at most ten).</summary>
    public (int Count, IReadOnlyList<ModuleError> Recent) Of(string moduleId) =>
        _byModule.TryGetValue(moduleId, out var entry) ? entry : (0, []);
}

/// <summary>Counts error logs whose category is in a module's assembly (<c>SproHub.Plugins.Comete.*</c>) against that module.</summary>
internal sealed class ModuleErrorLoggerProvider(ModuleRegistry registry, ModuleErrors errors) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName)
    {
        // Two candidates for one id may share an assembly name (a template built twice): the active one is meant.
        var module = registry.All.OrderBy(m => m.IsActive ? 0 : 1)
            .FirstOrDefault(m => m.Assembly?.GetName().Name is { } name && categoryName.StartsWith(name + ".", StringComparison.Ordinal));
        return module is null ? NullLogger.Instance : new ModuleLogger(module.Id, errors);
    }

    public void Dispose() { }

    private sealed class ModuleLogger(string moduleId, ModuleErrors errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            errors.Record(moduleId, exception is null ? formatter(state, exception) : $"{formatter(state, exception)} ({exception.GetType().Name} : {exception.Message})");
        }
    }
}

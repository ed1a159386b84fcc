namespace SproHub.Shared.Jobs;

/// <summary>
/// Completes once the database is prepared (migrations, reference and demo data); faults when it cannot be.
/// Background work waits for it: before it, a module's tables may not exist yet.
/// </summary>
public interface IPlatformReadiness
{
    Task Ready { get; }
}

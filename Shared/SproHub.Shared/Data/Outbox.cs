using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Events;

namespace SproHub.Shared.Data;

/// <summary>An integration event waiting to be published; written in the module's own transaction.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>UTC ticks until which one host has claimed it (several hosts drain the same outbox).</summary>
    public long? LockedUntilTicks { get; set; }
    public string? LastError { get; set; }

    public static OutboxMessage From(IIntegrationEvent integrationEvent) => new()
    {
        EventId = integrationEvent.EventId,
        Type = integrationEvent.GetType().FullName!,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType()),
        OccurredAt = integrationEvent.OccurredAt,
    };
}

public static class ModelConventions
{
    /// <summary>
    /// What every module context applies: its outbox table (<c>{id}_outbox</c>) and the version token
    /// on everything people edit.
    /// </summary>
    public static ModelBuilder ApplySproConventions(this ModelBuilder modelBuilder, string moduleId)
    {
        var prefix = moduleId.Replace('-', '_');
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable($"{prefix}_outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(300);
            b.HasIndex(m => m.ProcessedAt);
        });
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        // Instants are stored in UTC: PostgreSQL's timestamptz accepts nothing else, and SQLite then sorts them as text.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset)) property.SetValueConverter(UtcConverter);
            else if (property.ClrType == typeof(DateTimeOffset?)) property.SetValueConverter(NullableUtcConverter);
        }
        return modelBuilder;
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset> UtcConverter =
        new(v => v.ToUniversalTime(), v => v);
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset?, DateTimeOffset?> NullableUtcConverter =
        new(v => v.HasValue ? v.Value.ToUniversalTime() : v, v => v);

    /// <summary>Queues an integration event in this context's outbox; it is saved with the rest.</summary>
    public static void AddIntegrationEvent(this DbContext context, IIntegrationEvent integrationEvent) =>
        context.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent));
}

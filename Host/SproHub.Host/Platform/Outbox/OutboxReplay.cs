using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SproHub.Shared.Data;
using SproHub.Shared.Events;

namespace SproHub.Host.Platform.Outbox;

/// <summary>Reads back what every module wrote to its outbox, module by module and oldest first, for a replay.</summary>
public sealed class OutboxReplay(IServiceScopeFactory scopes, IEnumerable<ModuleDbContextDescriptor> contexts) : IEventReplay
{
    public async IAsyncEnumerable<IReadOnlyList<IIntegrationEvent>> ReadAsync(IReadOnlyCollection<Type> eventTypes, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byName = eventTypes.ToDictionary(t => t.FullName!);
        var names = byName.Keys.ToList();
        foreach (var descriptor in contexts)
        {
            using var scope = scopes.CreateScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(descriptor.ContextType);
            var after = 0L;
            while (true)
            {
                var page = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id > after && names.Contains(m.Type)).OrderBy(m => m.Id).Take(batchSize)
                    .Select(m => new { m.Id, m.Type, m.Payload }).ToListAsync(cancellationToken);
                if (page.Count == 0) break;
                after = page[^1].Id;
                yield return page.Select(m => (IIntegrationEvent)JsonSerializer.Deserialize(m.Payload, byName[m.Type])!).ToList();
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Shared.Jobs;

namespace SproHub.Plugins.CelluleHandicap.Privacy;

/// <summary>
/// <c>dotnet SproHub.Host.dll rotate-key cellule</c>, platform stopped: a new key (in the key file; or the one the
/// operator configured, the former in <c>CelluleHandicap:PreviousKeys</c>), every sealed value sealed again with it,
/// page by page. The former key stays readable until the end, so a crash loses nothing and running it again finishes
/// the work; then the operator is told the former keys can be removed.
/// </summary>
internal sealed class RotateKey(IServiceScopeFactory scopes, IConfiguration configuration) : IMaintenanceCommand
{
    private const int Page = 500;

    public string Name => "rotate-key cellule";
    public string Description => "scelle à nouveau les données de la Cellule Handicap Jeunes avec une nouvelle clé";

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (SealingKeys.IsConfigured(configuration))
        {
            await output.WriteLineAsync("Clé fournie par CelluleHandicap:EncryptionKey : les données sont scellées à nouveau avec elle "
                + "(l'ancienne clé doit figurer dans CelluleHandicap:PreviousKeys).");
        }
        else
        {
            var (replaced, created) = SealingKeys.RotateKeyFile(configuration);
            await output.WriteLineAsync($"Nouvelle clé {created} écrite dans {SealingKeys.KeyFile(configuration)} ; l'ancienne ({replaced}) reste lisible le temps de l'opération.");
        }
        var keys = SealingKeys.Load(configuration);
        var sealer = new SensitiveData(keys);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CelluleHandicapDbContext>();
        var resealed = await ResealAsync(db, sealer, cancellationToken);

        await output.WriteLineAsync($"{SproHub.Shared.Text.French.Count(resealed, "valeur scellée", "valeurs scellées")} à nouveau avec la clé {keys.Active.Id}.");
        var former = keys.FormerIds.ToList();
        if (former.Count == 0) return 0;
        await output.WriteLineAsync($"Plus aucune donnée ne dépend des anciennes clés ({string.Join(", ", former)}) : elles peuvent être supprimées"
            + (SealingKeys.IsConfigured(configuration)
                ? " de CelluleHandicap:PreviousKeys."
                : $" ({SealingKeys.PreviousFolder(SealingKeys.KeyFile(configuration))}, et CelluleHandicap:PreviousKeys s'il en contient)."));
        return 0;
    }

    private static async Task<int> ResealAsync(CelluleHandicapDbContext db, SensitiveData sealer, CancellationToken cancellationToken)
    {
        int Reseal(object row, string property, Guid owner)
        {
            var value = db.Entry(row).Property(property);
            if (value.CurrentValue is not string sealedValue || sealer.IsCurrent(sealedValue)) return 0;
            value.CurrentValue = sealer.Reseal(sealedValue, owner);
            return 1;
        }

        async Task<int> EachPageAsync<T>(IQueryable<T> rows, Func<T, int> reseal) where T : class
        {
            var count = 0;
            for (var page = 0; ; page++)
            {
                var batch = await rows.IgnoreQueryFilters().OrderBy(r => EF.Property<Guid>(r, "Id")).Skip(page * Page).Take(Page).ToListAsync(cancellationToken);
                count += batch.Sum(reseal);
                await db.SaveChangesAsync(cancellationToken); // one page per transaction: a crash keeps what was done
                db.ChangeTracker.Clear();
                if (batch.Count < Page) return count;
            }
        }

        return await EachPageAsync(db.Situations, s => Reseal(s, nameof(s.SealedIdentity), s.Id) + Reseal(s, nameof(s.SealedSheet), s.Id))
            + await EachPageAsync(db.PartnerInputs, i => Reseal(i, nameof(i.SealedText), i.SituationId))
            + await EachPageAsync(db.Examinations.Include(e => e.NextSteps), e => Reseal(e, nameof(e.SealedNotes), e.SituationId)
                + e.NextSteps.Sum(n => Reseal(n, nameof(n.SealedAction), e.SituationId)))
            + await EachPageAsync(db.FollowUps, f => Reseal(f, nameof(f.SealedText), f.SituationId));
    }
}

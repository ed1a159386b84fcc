namespace SproHub.Host.Modularity;

/// <summary>
/// Who keeps an id that several modules claim (docs/adr/0001-duplicate-plugin-ids.md): a core module always; else the
/// one plugin whose folder is named after the id; else nobody. The order in which folders sort never decides.
/// </summary>
public static class DuplicateIds
{
    public static void Resolve(IEnumerable<InstalledModule> modules)
    {
        foreach (var claim in modules.GroupBy(m => m.Id).Where(g => g.Count() > 1))
        {
            var candidates = claim.ToList();
            var owner = Owner(claim.Key, candidates);
            // A candidate already refused keeps its own reason: it never held the id.
            foreach (var other in candidates.Where(m => m != owner && m.IsActive))
                other.Fail(owner is null ? Unowned(claim.Key, candidates, other) : Taken(claim.Key, owner, other));
        }
    }

    private static InstalledModule? Owner(string id, List<InstalledModule> candidates)
    {
        var core = candidates.Where(m => m.IsCore).ToList();
        if (core.Count > 0) return core.Count == 1 ? core[0] : null;
        var named = candidates.Where(m => m.Folder == id).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private static string Taken(string id, InstalledModule owner, InstalledModule other) => owner.IsCore
        ? $"Identifiant « {id} » réservé au module du cœur {owner.DisplayName} : le plugin du dossier « {other.Folder} » est refusé."
        : $"Identifiant « {id} » déjà pris par le plugin du dossier « {owner.Folder} » : le plugin du dossier « {other.Folder} » est refusé " +
          "(un identifiant appartient au plugin dont le dossier porte son nom). Donnez-lui un identifiant à lui.";

    private static string Unowned(string id, List<InstalledModule> candidates, InstalledModule other) =>
        $"Identifiant « {id} » revendiqué par les plugins des dossiers {string.Join(", ", candidates.Select(c => $"« {c.Folder} »"))}, " +
        $"dont aucun ne porte seul ce nom : tous sont refusés, celui du dossier « {other.Folder} » compris. " +
        $"Placez le bon plugin dans un dossier « {id} » et retirez les autres.";
}

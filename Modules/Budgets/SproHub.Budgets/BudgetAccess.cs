using SproHub.Budgets.Requests;
using SproHub.Shared.Errors;
using SproHub.Shared.Network;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Budgets;

/// <summary>
/// Who sees and handles a local SPRO's money: the Région (its finance officer), the territory's coordinator (reads), and
/// the carrier structure's own agents (request and report); no other member of the network.
/// </summary>
internal sealed class BudgetAccess(IPersonDirectory people, ICurrentUser user, ITerritoryContext territory)
{
    public bool IsRegion => user.Can(BudgetsModule.ManagePermission);

    public bool IsCoordinator => territory.Current is { } t && user.HasRole(SproRoles.TerritoryCoordinator, t.Slug);

    /// <summary>The caller is an agent of the agreement's carrier structure (matched by the e-mail of their account).</summary>
    public async Task<bool> IsCarrierAsync(FinancialAgreement agreement, CancellationToken cancellationToken) =>
        (await OwnStructuresAsync(agreement.TerritoryId, cancellationToken)).Contains(agreement.CarrierStructureId);

    /// <summary>The structures of the current local SPRO the caller is an agent of.</summary>
    public Task<IReadOnlyList<Guid>> OwnStructuresAsync(CancellationToken cancellationToken) => OwnStructuresAsync(territory.Current!.Slug, cancellationToken);

    /// <summary>Asked several times in a request (rights, then the view): the directory is read once per territory.</summary>
    private readonly Dictionary<string, IReadOnlyList<Guid>> _own = [];

    private async Task<IReadOnlyList<Guid>> OwnStructuresAsync(string territoryId, CancellationToken cancellationToken)
    {
        if (_own.TryGetValue(territoryId, out var known)) return known;
        return _own[territoryId] = user.Email is { } email ? (await people.FindByEmailAsync(territoryId, email, cancellationToken)).Select(p => p.StructureId).ToList() : [];
    }

    public async Task<bool> MayReadAsync(FinancialAgreement agreement, CancellationToken cancellationToken) =>
        IsRegion || IsCoordinator || await IsCarrierAsync(agreement, cancellationToken);

    public async Task DemandReaderAsync(FinancialAgreement agreement, CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(agreement, cancellationToken))
            throw new ForbiddenException($"Les chiffres de la convention financière sont réservés à {agreement.CarrierName} (structure porteuse), au coordinateur du SPRO et à la Région.");
    }

    public async Task DemandCarrierAsync(FinancialAgreement agreement, string what, CancellationToken cancellationToken)
    {
        if (!await IsCarrierAsync(agreement, cancellationToken))
            throw new ForbiddenException($"Seuls les agents de {agreement.CarrierName}, structure porteuse, {what}.");
    }
}

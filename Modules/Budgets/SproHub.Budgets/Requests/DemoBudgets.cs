using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Budgets.Data;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Budgets.Requests;

/// <summary>
/// Indre-et-Loire's financial agreements, carried by the Mission Locale de Tours (which coordinates the SPRO): this
/// year's, with its request filed, and next year's, whose request is due by 13 January.
/// </summary>
internal static class DemoBudgets
{
    private const string Territory = "indre-et-loire";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<BudgetsDbContext>();
        if (await db.Agreements.IgnoreQueryFilters().AnyAsync(cancellationToken)) return;
        var carrier = (await services.GetRequiredService<IStructureDirectory>().ListAsync(Territory, cancellationToken))
            .FirstOrDefault(s => s.Type == "Mission Locale" && s.Town == "Tours");
        if (carrier is null) return;
        var today = ParisTime.Today(services.GetRequiredService<TimeProvider>());
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            var (start, end) = FinancialAgreement.PeriodOf(year);
            var agreement = new FinancialAgreement
            {
                TerritoryId = Territory, Year = year, CarrierStructureId = carrier.Id, CarrierName = carrier.Name, CarrierCoordinates = true,
                StartsOn = start, EndsOn = end, RequestDeadline = new DateOnly(year, 1, 13),
            };
            db.Agreements.Add(agreement);
            if (year != today.Year) continue;
            var request = new SubsidyRequest { AgreementId = agreement.Id, TerritoryId = Territory, Status = RequestStatus.Filed, FiledAt = new DateTimeOffset(year, 1, 10, 10, 0, 0, TimeSpan.FromHours(1)), FiledBy = "démo" };
            request.Lines.Add(new RequestLine { RequestId = request.Id, Order = 1, Kind = LineKind.Project, Label = "Forum des métiers de Tours", Amount = 6_000m });
            request.Lines.Add(new RequestLine { RequestId = request.Id, Order = 2, Kind = LineKind.Project, Label = "Professionnalisation des chargés d'accueil", Amount = 4_500m });
            request.Lines.Add(new RequestLine { RequestId = request.Id, Order = 3, Kind = LineKind.Coordination, Label = "Coordination du SPRO", Amount = 4_500m });
            request.UpdatedAt = request.FiledAt.Value;
            db.Requests.Add(request);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

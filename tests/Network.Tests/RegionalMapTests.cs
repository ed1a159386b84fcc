using SproHub.Network.Territories;
using SproHub.Shared.Territories;
using Xunit;

namespace Network.Tests;

public sealed class RegionalMapTests
{
    private readonly IReadOnlyList<Territory> _map = RegionalMap.All();

    [Fact]
    public void Thirteen_local_SPROs_three_per_department_and_ten_per_basin()
    {
        var local = _map.Where(t => t.Kind == TerritoryKind.LocalSpro).ToList();
        Assert.Equal(13, local.Count);
        Assert.Equal(["cher", "indre-et-loire", "loir-et-cher"], local.Where(t => t.Organisation == RegionalMap.PerDepartment).Select(t => t.Slug).Order());
        Assert.Equal(10, local.Count(t => t.Organisation == RegionalMap.PerBasin));
    }

    [Fact]
    public void The_hierarchy_goes_region_department_local_SPRO_basin()
    {
        var bySlug = _map.ToDictionary(t => t.Slug);
        Assert.All(_map.Where(t => t.ParentSlug is not null), t => Assert.True(bySlug[t.ParentSlug!].Kind < t.Kind, t.Slug));
        Assert.Equal(6, _map.Count(t => t.Kind == TerritoryKind.Department));
        Assert.Equal(["Bassin d'Aubigny-sur-Nère", "Bassin de Bourges", "Bassin de Saint-Amand-Montrond", "Bassin de Vierzon"],
            _map.Where(t => t.ParentSlug == "cher").Select(t => t.Name).Order());
        Assert.Equal(_map.Count, _map.Select(t => t.Slug).Distinct().Count());
    }
}

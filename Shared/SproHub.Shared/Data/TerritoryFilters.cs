using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using SproHub.Shared.Territories;

namespace SproHub.Shared.Data;

/// <summary>
/// A module's or plugin's DbContext whose territory-owned entities (those with a <c>TerritoryId</c>) are filtered on the
/// current territory by convention: every query sees that territory's rows only, unless it says it reads Région-wide
/// (<c>IgnoreQueryFilters()</c>). No current territory (Région-wide or background work) sees no territory-owned row.
/// An entity keeps another territory rule with <see cref="TerritoryFilters.HasTerritoryFilter{TEntity}"/>, or none,
/// on purpose, with <see cref="CrossTerritoryAttribute"/>.
/// </summary>
public abstract class TerritoryDbContext(DbContextOptions options, ITerritoryContext territory) : DbContext(options), ITerritoryScopedContext
{
    /// <summary>The territory of the current request or unit of background work.</summary>
    protected ITerritoryContext Territory { get; } = territory;

    /// <inheritdoc />
    public string? CurrentTerritoryId => Territory.Current?.Slug;

    /// <summary>Adds the territory filter convention; an override calls this one.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddTerritoryFilters(this);
}

/// <summary>
/// A DbContext that knows the current territory: <see cref="TerritoryFilters.AddTerritoryFilters{TContext}"/> filters its
/// territory-owned entities on it. <see cref="TerritoryDbContext"/> is one; a context with another base class
/// (Identity's) implements this and calls <c>AddTerritoryFilters(this)</c> from <c>ConfigureConventions</c>.
/// </summary>
public interface ITerritoryScopedContext
{
    /// <summary>Slug of the current territory, read at each query; null for Région-wide or background work.</summary>
    string? CurrentTerritoryId { get; }
}

/// <summary>
/// An entity with a <c>TerritoryId</c> whose rows every territory's queries see, on purpose: the reason says why
/// (the public directory, the Région's cross-territory views, work that runs outside any territory...).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CrossTerritoryAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>The territory isolation convention: one named query filter, <see cref="Key"/>, on every territory-owned entity.</summary>
public static class TerritoryFilters
{
    /// <summary>The name of the territory query filter (<c>IgnoreQueryFilters(["territory"])</c> lifts it alone).</summary>
    public const string Key = "territory";

    /// <summary>The property that makes an entity territory-owned.</summary>
    public const string PropertyName = "TerritoryId";

    /// <summary>
    /// Filters every territory-owned entity of the model on <paramref name="context"/>'s current territory
    /// (<c>TerritoryId == CurrentTerritoryId</c>), except those declaring their own territory filter
    /// (<see cref="HasTerritoryFilter{TEntity}"/>) and those marked <see cref="CrossTerritoryAttribute"/>.
    /// </summary>
    public static ModelConfigurationBuilder AddTerritoryFilters<TContext>(this ModelConfigurationBuilder configurationBuilder, TContext context)
        where TContext : DbContext, ITerritoryScopedContext
    {
        configurationBuilder.Conventions.Add(_ => new TerritoryFilterConvention(context));
        return configurationBuilder;
    }

    /// <summary>
    /// This entity's territory rule when it is not plain equality, e.g. a local SPRO also sees the Région's rows:
    /// <c>b.HasTerritoryFilter(a =&gt; a.TerritoryId == CurrentTerritoryId || a.TerritoryId == Agreement.RegionScope)</c>.
    /// </summary>
    public static EntityTypeBuilder<TEntity> HasTerritoryFilter<TEntity>(this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, bool>> filter)
        where TEntity : class => builder.HasQueryFilter(Key, filter);

    /// <summary>Why this entity's rows are seen by every territory, or null when it is not marked cross-territory.</summary>
    public static string? CrossTerritoryReason(Type entityType) => entityType.GetCustomAttribute<CrossTerritoryAttribute>()?.Reason;

    private sealed class TerritoryFilterConvention(DbContext context) : IModelFinalizingConvention
    {
        private static readonly PropertyInfo Current = typeof(ITerritoryScopedContext).GetProperty(nameof(ITerritoryScopedContext.CurrentTerritoryId))!;
        private static readonly MethodInfo EfProperty = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));

        public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> conventionContext)
        {
            foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
            {
                if (entityType.BaseType is not null)
                {
                    if (entityType.FindDeclaredProperty(PropertyName) is not null && entityType.GetRootType().FindProperty(PropertyName) is null)
                        throw Refused(entityType, $"déclare {PropertyName} sur un type dérivé ; un filtre de requête ne s'applique qu'à la racine ({entityType.GetRootType().DisplayName()}) : déclarez-y {PropertyName}.");
                    continue;
                }
                var property = entityType.FindProperty(PropertyName);
                if (property is null) continue;
                var reason = CrossTerritoryReason(entityType.ClrType);
                var own = entityType.FindDeclaredQueryFilter(Key);
                if (entityType.GetDeclaredQueryFilters().Any(f => f.IsAnonymous) && reason is null)
                    throw Refused(entityType, "a un filtre de requête anonyme : donnez sa règle de territoire avec HasTerritoryFilter, nommez ses autres filtres " +
                        $"(HasQueryFilter(\"nom\", ...)) ou marquez-la [CrossTerritory(\"pourquoi\")].");
                if (reason is not null)
                {
                    if (own is not null) throw Refused(entityType, "est marquée [CrossTerritory] et a pourtant un filtre de territoire : choisissez.");
                    continue;
                }
                if (own is not null) continue;
                if (property.ClrType != typeof(string))
                    throw Refused(entityType, $"a un {PropertyName} de type {property.ClrType.Name} : l'identifiant d'un territoire est son slug (string).");
                // e => EF.Property<string>(e, "TerritoryId") == context.CurrentTerritoryId, the context being the one that runs the query.
                var entity = Expression.Parameter(entityType.ClrType, "e");
                var filter = Expression.Lambda(
                    Expression.Equal(
                        Expression.Call(EfProperty, entity, Expression.Constant(PropertyName)),
                        Expression.Property(Expression.Constant(context, context.GetType()), Current)),
                    entity);
                entityType.SetQueryFilter(Key, filter);
            }
        }

        private static InvalidOperationException Refused(IConventionEntityType entityType, string why) =>
            new($"Isolation des territoires : l'entité {entityType.DisplayName()} ({entityType.ClrType.FullName}) {why}");
    }
}

using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.OrientationModeEmploi.Data;
using SproHub.Shared.Audit;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.OrientationModeEmploi.Themes;

public sealed record ThemeSummary(Guid Id, string Name, int Position, int Version)
{
    public static ThemeSummary From(Theme theme) => new(theme.Id, theme.Name, theme.Position, theme.Version);
}

[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record CreateTheme(string Name) : IRequest<ThemeSummary>;

/// <summary>Renames or moves a theme (a smaller position comes first).</summary>
[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record UpdateTheme(Guid Id, string Name, int Position, int Version) : IRequest<ThemeSummary>, IVersionedRequest;

/// <summary>Only an empty theme can go: its questions would be lost otherwise.</summary>
[RequiresPermission(OrientationModeEmploiModule.ManagePermission)]
public sealed record DeleteTheme(Guid Id, int Version) : IRequest<Unit>, IVersionedRequest;

public sealed class CreateThemeValidator : AbstractValidator<CreateTheme>
{
    public CreateThemeValidator() => RuleFor(r => r.Name).NotEmpty().WithMessage("Nommez le thème.").MaximumLength(Theme.NameMaxLength);
}

public sealed class UpdateThemeValidator : AbstractValidator<UpdateTheme>
{
    public UpdateThemeValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Nommez le thème.").MaximumLength(Theme.NameMaxLength);
        RuleFor(r => r.Position).InclusiveBetween(0, 1000).WithMessage("La position va de 0 à 1000.");
    }
}

internal sealed class ThemeHandlers(OrientationModeEmploiDbContext db, ITerritoryContext territory, IAuditLog audit)
    : IRequestHandler<CreateTheme, ThemeSummary>, IRequestHandler<UpdateTheme, ThemeSummary>, IRequestHandler<DeleteTheme, Unit>
{
    public async Task<ThemeSummary> Handle(CreateTheme request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        await EnsureUniqueAsync(name, null, cancellationToken);
        var position = await db.Themes.Select(t => (int?)t.Position).MaxAsync(cancellationToken) ?? 0;
        var theme = new Theme { TerritoryId = territory.Current!.Slug, Name = name, Position = position + 1 };
        db.Themes.Add(theme);
        Audit("theme.cree", theme, $"Thème « {name} » créé");
        await db.SaveChangesAsync(cancellationToken);
        return ThemeSummary.From(theme);
    }

    public async Task<ThemeSummary> Handle(UpdateTheme request, CancellationToken cancellationToken)
    {
        var theme = await FindAsync(request.Id, request.Version, cancellationToken);
        var name = request.Name.Trim();
        await EnsureUniqueAsync(name, theme.Id, cancellationToken);
        theme.Name = name;
        theme.Position = request.Position;
        Audit("theme.modifie", theme, $"Thème « {name} », position {request.Position}");
        await db.SaveChangesAsync(cancellationToken);
        return ThemeSummary.From(theme);
    }

    public async Task<Unit> Handle(DeleteTheme request, CancellationToken cancellationToken)
    {
        var theme = await FindAsync(request.Id, request.Version, cancellationToken);
        var questions = await db.Questions.CountAsync(q => q.ThemeId == theme.Id, cancellationToken);
        if (questions > 0)
            throw new RuleViolationException("id", "theme-vide", $"Ce thème compte encore {SproHub.Shared.Text.French.Count(questions, "question", "questions")} : déplacez-les ou supprimez-les d'abord.");
        db.Themes.Remove(theme);
        Audit("theme.supprime", theme, $"Thème « {theme.Name} » supprimé");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Theme> FindAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("Ce thème n'existe pas dans ce territoire.");
        db.Entry(theme).ExpectVersion(version);
        return theme;
    }

    private async Task EnsureUniqueAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        var existing = await db.Themes.Where(t => t.Id != except).Select(t => t.Name).ToListAsync(cancellationToken);
        if (existing.Any(n => string.Equals(n, name, StringComparison.CurrentCultureIgnoreCase)))
            throw new RuleViolationException("name", "theme-unique", $"Le thème « {name} » existe déjà dans ce territoire.");
    }

    private void Audit(string action, Theme theme, string details) =>
        audit.Queue(db, new AuditEntry(OrientationModeEmploiModule.Id, action, "theme", theme.Id.ToString(), theme.TerritoryId, details));
}

internal static class ThemeEndpoints
{
    public sealed record ThemeBody(string Name, int Position, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/themes", async Task<Created<ThemeSummary>> (CreateTheme request, IMediator mediator, CancellationToken ct) =>
        {
            var theme = await mediator.Send(request, ct);
            return TypedResults.Created($"themes/{theme.Id}", theme);
        }).WithSummary("Créer un thème");
        api.MapPut("/themes/{id:guid}", async Task<Ok<ThemeSummary>> (Guid id, ThemeBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateTheme(id, body.Name, body.Position, body.Version), ct))).WithSummary("Renommer ou déplacer un thème");
        api.MapDelete("/themes/{id:guid}", async Task<NoContent> (Guid id, int version, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteTheme(id, version), ct);
            return TypedResults.NoContent();
        }).WithSummary("Supprimer un thème vide (?version=)");
    }
}

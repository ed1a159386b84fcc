using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.Comete.Data;
using SproHub.Plugins.Comete.Shows;
using SproHub.Shared.Data;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.Comete.Series;

public sealed record SeriesView(Guid Id, string Name, string Station, TimeOnly SlotStart, TimeOnly SlotEnd, int Version)
{
    public static SeriesView From(ShowSeries s) => new(s.Id, s.Name, s.Station, s.SlotStart, s.SlotEnd, s.Version);
}

/// <summary>Creates a series with its station and slot (weekdays 9:00-10:00 unless told otherwise).</summary>
[RequiresPermission(CometeModule.ManagePermission)]
public sealed record CreateSeries(string Name, string Station, TimeOnly? SlotStart = null, TimeOnly? SlotEnd = null) : IRequest<SeriesView>;

[RequiresPermission(CometeModule.ManagePermission)]
public sealed record UpdateSeries(Guid Id, string Name, string Station, TimeOnly SlotStart, TimeOnly SlotEnd, int Version) : IVersionedRequest, IRequest<SeriesView>;

public sealed record ListSeries : IRequest<IReadOnlyList<SeriesView>>;

public sealed class CreateSeriesValidator : AbstractValidator<CreateSeries>
{
    public CreateSeriesValidator()
    {
        RuleFor(r => r.Name).SeriesName();
        RuleFor(r => r.Station).Station();
        RuleFor(r => r.SlotEnd).GreaterThan(r => r.SlotStart).When(r => r.SlotStart is not null && r.SlotEnd is not null).AfterStart();
    }
}

public sealed class UpdateSeriesValidator : AbstractValidator<UpdateSeries>
{
    public UpdateSeriesValidator()
    {
        RuleFor(r => r.Name).SeriesName();
        RuleFor(r => r.Station).Station();
        RuleFor(r => r.SlotEnd).GreaterThan(r => r.SlotStart).AfterStart();
    }
}

/// <summary>The rules a series' fields follow wherever they are sent.</summary>
internal static class SeriesRules
{
    public static IRuleBuilderOptions<T, string> SeriesName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Indiquez le nom de la série.").MaximumLength(200);

    public static IRuleBuilderOptions<T, string> Station<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Indiquez la station de radio partenaire.").MaximumLength(200);

    public static IRuleBuilderOptions<T, TValue> AfterStart<T, TValue>(this IRuleBuilderOptions<T, TValue> rule) =>
        rule.WithErrorCode("fin-apres-debut").WithMessage("La fin doit suivre le début.");

    public static IRuleBuilderOptions<T, DateOnly> Weekday<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.Must(ShowSeries.IsWeekday).WithErrorCode("jour-ouvre").WithMessage("Une émission COMETE a lieu en semaine, du lundi au vendredi.");
}

internal sealed class SeriesHandlers(CometeDbContext db, ShowEditor editor, ITerritoryContext territory) :
    IRequestHandler<CreateSeries, SeriesView>, IRequestHandler<UpdateSeries, SeriesView>, IRequestHandler<ListSeries, IReadOnlyList<SeriesView>>
{
    public async Task<SeriesView> Handle(CreateSeries request, CancellationToken cancellationToken)
    {
        var series = new ShowSeries
        {
            TerritoryId = territory.Current!.Slug, Name = request.Name.Trim(), Station = request.Station.Trim(),
            SlotStart = request.SlotStart ?? ShowSeries.DefaultSlotStart, SlotEnd = request.SlotEnd ?? ShowSeries.DefaultSlotEnd,
        };
        db.Series.Add(series);
        editor.Audit("series.created", "series", series.Id, series.TerritoryId, $"Série « {series.Name} » sur {series.Station}");
        await db.SaveChangesAsync(cancellationToken);
        await editor.ProgrammeChangedAsync(cancellationToken);
        return SeriesView.From(series);
    }

    public async Task<SeriesView> Handle(UpdateSeries request, CancellationToken cancellationToken)
    {
        await using var transaction = await ShowScheduling.BeginAsync(db, cancellationToken);
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken) ?? throw new NotFoundException("Série introuvable dans ce territoire.");
        db.Entry(series).ExpectVersion(request.Version);
        series.Name = request.Name.Trim();
        series.Station = request.Station.Trim();
        series.SlotStart = request.SlotStart;
        series.SlotEnd = request.SlotEnd;
        // The shows still to come must fit the new slot and stay free on the (maybe new) station.
        var today = editor.Today;
        var coming = await db.Shows.Where(s => s.SeriesId == series.Id && s.Date >= today && (s.State == ShowState.Planned || s.State == ShowState.Confirmed)).ToListAsync(cancellationToken);
        foreach (var show in coming)
            await ShowScheduling.EnsureFreeAsync(db, series, show.Date, show.StartTime, show.EndTime, show.Id, cancellationToken);
        editor.Audit("series.updated", "series", series.Id, series.TerritoryId, $"Série « {series.Name} » modifiée");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await editor.ProgrammeChangedAsync(cancellationToken);
        return SeriesView.From(series);
    }

    public async Task<IReadOnlyList<SeriesView>> Handle(ListSeries request, CancellationToken cancellationToken) =>
        (await db.Series.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(SeriesView.From).ToList();
}

internal static class SeriesEndpoints
{
    /// <summary>What the client sends to change a series; its id is the route's.</summary>
    public sealed record SeriesBody(string Name, string Station, TimeOnly SlotStart, TimeOnly SlotEnd, int Version);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/series", async Task<Ok<IReadOnlyList<SeriesView>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListSeries(), ct)))
            .WithSummary("Séries d'émissions du territoire");
        api.MapPost("/series", async Task<Created<SeriesView>> (CreateSeries request, IMediator m, CancellationToken ct) =>
        {
            var series = await m.Send(request, ct);
            return TypedResults.Created($"series/{series.Id}", series);
        }).WithSummary("Créer une série (station et créneau)");
        api.MapPut("/series/{id:guid}", async Task<Ok<SeriesView>> (Guid id, SeriesBody body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new UpdateSeries(id, body.Name, body.Station, body.SlotStart, body.SlotEnd, body.Version), ct))).WithSummary("Modifier une série");
    }
}

using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;

namespace SproHub.Plugins.OrientationModeEmploi.Guide;

/// <summary>The territory's guide: themes, questions with their structures, and the structure sheets.</summary>
[RequiresPermission(OrientationModeEmploiModule.ReadPermission)]
public sealed record GetGuide : IRequest<GuideView>;

public sealed record StructurePageView(StructureRef Structure, SheetView? Sheet, IReadOnlyList<QuestionView> Principal, IReadOnlyList<QuestionView> Secondary);

/// <summary>One structure's sheet, and the questions it answers.</summary>
[RequiresPermission(OrientationModeEmploiModule.ReadPermission)]
public sealed record GetStructureSheet(Guid StructureId) : IRequest<StructurePageView>;

internal sealed class GuideHandlers(GuideReader reader) : IRequestHandler<GetGuide, GuideView>, IRequestHandler<GetStructureSheet, StructurePageView>
{
    public Task<GuideView> Handle(GetGuide request, CancellationToken cancellationToken) => reader.ReadAsync(cancellationToken);

    public async Task<StructurePageView> Handle(GetStructureSheet request, CancellationToken cancellationToken)
    {
        var guide = await reader.ReadAsync(cancellationToken);
        var structure = guide.Structures.FirstOrDefault(s => s.Id == request.StructureId)
            ?? throw new NotFoundException("Cette structure n'est pas une structure membre du SPRO de ce territoire.");
        return new StructurePageView(structure, guide.Sheets.GetValueOrDefault(structure.Id),
            guide.Questions.Where(q => q.Principal.Any(s => s.Id == structure.Id)).ToList(),
            guide.Questions.Where(q => q.Secondary.Any(s => s.Id == structure.Id)).ToList());
    }
}

internal static class GuideEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/guide", async Task<Ok<GuideView>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetGuide(), ct)))
            .WithSummary("Le guide du territoire : thèmes, questions, structures et fiches");
        api.MapGet("/structures/{structureId:guid}", async Task<Ok<StructurePageView>> (Guid structureId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetStructureSheet(structureId), ct))).WithSummary("La fiche d'une structure et les questions auxquelles elle répond");
    }
}

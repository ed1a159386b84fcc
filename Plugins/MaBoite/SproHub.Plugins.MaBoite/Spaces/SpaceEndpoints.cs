using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SproHub.Plugins.MaBoite.Spaces;

internal static class SpaceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/sign-up", async (SignUp request, IMediator m, CancellationToken ct) =>
        {
            await m.Send(request, ct);
            return TypedResults.Accepted((string?)null, new SignUpAccepted(SignUpMessage(request.Email)));
        }).AllowAnonymous().WithSummary("Ouvrir un espace : un lien de confirmation part à l'adresse donnée");
        api.MapPost("/invitations", async (InvitePerson request, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(request, ct);
            return TypedResults.Created($"spaces/{result.SpaceId}", result);
        }).WithSummary("Ouvrir un espace pour une personne accompagnée : elle reçoit un e-mail pour choisir son mot de passe");
        api.MapGet("/space", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new EnterSpace(), ct)))
            .WithSummary("Mon espace : place utilisée, alertes");
    }

    /// <summary>What the sign-up answers (a named type: the compile-time request delegate generator cannot write an anonymous one).</summary>
    public sealed record SignUpAccepted(string Message);

    /// <summary>The same words whether the address was new or not.</summary>
    public static string SignUpMessage(string email) =>
        $"C'est presque fini : un e-mail vient de partir à {email.Trim()}. Suivez son lien pour confirmer votre adresse et entrer dans votre espace (pensez à regarder dans les indésirables).";
}

using System.IO.Pipelines;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SproHub.Plugins.MaBoite.Trash;
using SproHub.Shared.Errors;

namespace SproHub.Plugins.MaBoite.Files;

internal static class FileEndpoints
{
    /// <summary>A rename (name) or a move (moveTo, then targetFolderId: null for the root); moving is not the default.</summary>
    public sealed record OrganiseBody(string? Name, Guid? TargetFolderId, int Version, bool MoveTo = false);
    public sealed record FolderBody(Guid? ParentId, string Name);

    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder root)
    {
        var files = api.MapGroup("/files");
        files.MapGet("/", async (Guid? folderId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListFolder(folderId), ct)))
            .WithSummary("Le contenu d'un dossier de mon espace (la racine sans folderId)");
        files.MapPost("/", async (HttpRequest request, Guid? folderId, string? name, IMediator m, CancellationToken ct) =>
        {
            Unlimited(request.HttpContext); // the space's room is the limit, checked while streaming
            var fileName = name ?? request.Headers["X-File-Name"].FirstOrDefault() ?? throw new RuleViolationException("name", "obligatoire", "Donnez le nom du fichier (?name=…).");
            var line = await m.Send(new UploadDocument(request.BodyReader, Uri.UnescapeDataString(fileName), folderId, request.ContentLength), ct);
            return TypedResults.Created($"files/{line.Id}", line);
        }).WithSummary("Déposer un fichier (corps brut, ?name= et ?folderId=) ; refusé s'il dépasse la place restante");
        files.MapGet("/{id:guid}/content", async (Guid id, bool? inline, HttpContext http, IMediator m, CancellationToken ct) =>
            Serve(http, await m.Send(new OpenDocument(id), ct), inline == true)).WithSummary("Télécharger (ou prévisualiser, ?inline=true) un fichier");
        files.MapPatch("/{id:guid}", async (Guid id, OrganiseBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new OrganiseItem(ItemKind.Document, id, body.Name, body.MoveTo, body.TargetFolderId, body.Version), ct);
            return TypedResults.NoContent();
        }).WithSummary("Renommer et/ou déplacer un fichier (version lue obligatoire)");
        files.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new MoveToTrash(ItemKind.Document, id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Mettre un fichier à la corbeille (30 jours)");

        var folders = api.MapGroup("/folders");
        folders.MapPost("/", async (FolderBody body, IMediator m, CancellationToken ct) =>
        {
            var folder = await m.Send(new CreateFolder(body.ParentId, body.Name), ct);
            return TypedResults.Created($"folders/{folder.Id}", folder);
        }).WithSummary("Créer un dossier");
        folders.MapPatch("/{id:guid}", async (Guid id, OrganiseBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new OrganiseItem(ItemKind.Folder, id, body.Name, body.MoveTo, body.TargetFolderId, body.Version), ct);
            return TypedResults.NoContent();
        }).WithSummary("Renommer et/ou déplacer un dossier");
        folders.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new MoveToTrash(ItemKind.Folder, id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Mettre un dossier et son contenu à la corbeille");

        var trash = api.MapGroup("/trash");
        trash.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListTrash(), ct))).WithSummary("Ma corbeille");
        trash.MapPost("/{kind}/{id:guid}/restore", async (ItemKind kind, Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RestoreFromTrash(kind, id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Restaurer un élément de la corbeille");
        trash.MapDelete("/{kind}/{id:guid}", async (ItemKind kind, Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteFromTrash(kind, id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Supprimer définitivement un élément de la corbeille");
        trash.MapDelete("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(new TrashEmptied(await m.Send(new EmptyTrash(), ct))))
            .WithSummary("Vider la corbeille");

        root.MapPost("/t/{territory}/ma-boite/fichiers/televerser", UploadFromPageAsync).DisableAntiforgery();
    }

    /// <summary>
    /// The page's upload form, read section by section so that files stream to the store as they arrive: the
    /// antiforgery token comes first in the form and is checked before any file is read.
    /// </summary>
    private static async Task<IResult> UploadFromPageAsync(string territory, HttpContext http, IMediator m, IAntiforgery antiforgery, ITempDataDictionaryFactory tempData)
    {
        Unlimited(http);
        Guid? folderId = null, shareId = null, replacingId = null;
        var back = $"/t/{territory}/ma-boite/fichiers";
        var messages = tempData.GetTempData(http);
        var uploaded = 0;
        try
        {
            if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
                throw new RuleViolationException("file", "formulaire", "Envoyez le formulaire de la page.");
            var reader = new MultipartReader(boundary, http.Request.Body);
            var checkedToken = false;
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (section.GetContentDispositionHeader() is not { } disposition) continue;
                if (disposition.IsFileDisposition())
                {
                    if (!checkedToken) throw new AntiforgeryValidationException("Jeton absent avant le fichier.");
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    if (string.IsNullOrEmpty(name)) continue; // no file chosen
                    // An adviser's upload through an editable share, or the person's own. The section is read through a pipe
                    // over it, the same single pass as the API's body (multipart keeps one copy: the browser's form needs it).
                    var content = PipeReader.Create(section.Body, new StreamPipeReaderOptions(bufferSize: 65536, leaveOpen: true));
                    try
                    {
                        await (shareId is { } share
                            ? m.Send(new Shares.AddToShare(share, replacingId, content, name, null), http.RequestAborted)
                            : m.Send(new UploadDocument(content, name, folderId, null), http.RequestAborted));
                    }
                    finally
                    {
                        await content.CompleteAsync();
                    }
                    uploaded++;
                    continue;
                }
                var value = await section.ReadAsStringAsync(http.RequestAborted);
                switch (disposition.Name.Value)
                {
                    case "__RequestVerificationToken":
                        http.Request.Headers["RequestVerificationToken"] = value;
                        await antiforgery.ValidateRequestAsync(http);
                        checkedToken = true;
                        break;
                    case "folderId" when Guid.TryParse(value, out var id):
                        folderId = id;
                        back += $"?dossier={id}";
                        break;
                    case "shareId" when Guid.TryParse(value, out var id):
                        shareId = id;
                        back = $"/t/{territory}/ma-boite/partages/{id}";
                        break;
                    case "replacingId" when Guid.TryParse(value, out var id):
                        replacingId = id;
                        break;
                }
            }
            messages["Message"] = uploaded switch { 0 => null, 1 => "Fichier ajouté.", _ => $"{uploaded} fichiers ajoutés." };
            if (uploaded == 0) messages["Refusal"] = "Choisissez au moins un fichier.";
        }
        catch (AntiforgeryValidationException)
        {
            messages["Refusal"] = "La page était trop ancienne : rechargez-la puis choisissez de nouveau vos fichiers.";
        }
        catch (SproException refused)
        {
            if (uploaded > 0) messages["Message"] = $"{SproHub.Shared.Text.French.Count(uploaded, "fichier ajouté", "fichiers ajoutés")} avant le refus.";
            messages["Refusal"] = refused.Message;
        }
        messages.Save();
        return Results.Redirect(back);
    }

    public static void Unlimited(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
    }

    /// <summary>Served as stored, never sniffed by the browser; previews only for images and PDFs, and images in a sandbox.</summary>
    public static IResult Serve(HttpContext http, DocumentContent content, bool inline)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-cache";
        var disposition = new ContentDispositionHeaderValue(inline && content.CanPreview ? "inline" : "attachment");
        disposition.SetHttpFileName(content.Name);
        headers.ContentDisposition = disposition.ToString();
        if (inline && content.CanPreview && content.ContentType.StartsWith("image/", StringComparison.Ordinal)) headers.ContentSecurityPolicy = "sandbox";
        headers.ETag = $"\"{content.Sha256}\"";
        return Results.Stream(content.Content, content.ContentType, enableRangeProcessing: true);
    }
}

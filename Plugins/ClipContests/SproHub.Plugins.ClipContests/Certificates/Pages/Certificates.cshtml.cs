using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Certificates.Pages;

/// <summary>A team's certificates, one per printed page; the same as a PDF to download.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class CertificatesModel(IMediator mediator, ITerritoryContext territory) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct) => Certificates = await mediator.Send(new GetCertificates(Id), ct);
}

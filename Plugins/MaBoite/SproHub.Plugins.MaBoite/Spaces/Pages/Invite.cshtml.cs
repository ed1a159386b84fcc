using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Spaces.Pages;

/// <summary>An agent opens a space for a person they accompany, during an appointment for instance.</summary>
[RequiresPermission(MaBoiteModule.InvitePermission)] // as InvitePerson: the host refuses the page itself to others
public sealed class InviteModel(IMediator mediator, ITerritoryContext territory) : FormPageModel
{
    public sealed class InviteForm
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public PublicType PublicType { get; set; } = PublicType.JeuneEnRecherche;
        public int? BirthYear { get; set; }
        public bool ParentalConsent { get; set; }
    }

    public string Territory => territory.Current!.Slug;
    [BindProperty] public InviteForm Form { get; set; } = new();

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var f = Form;
        var result = await mediator.Send(new InvitePerson(f.DisplayName ?? "", f.Email ?? "", f.PublicType, f.BirthYear, f.ParentalConsent), ct);
        return result.ExistingAccount
            ? $"Espace ouvert : {result.Email} a déjà un compte, un e-mail l'invite à s'y connecter."
            : $"Espace ouvert : un e-mail part à {result.Email} pour choisir un mot de passe (lien valable 24 heures).";
    }, nameof(Form), ct);

    protected override Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

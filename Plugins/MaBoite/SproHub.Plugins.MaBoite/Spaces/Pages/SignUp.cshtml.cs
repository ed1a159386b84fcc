using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.MaBoite.Spaces.Pages;

/// <summary>Opening a space: who one is for the SPRO, an address to confirm, a password.</summary>
public sealed class SignUpModel(IMediator mediator, ITerritoryContext territory, IStructureDirectory structures) : FormPageModel
{
    public sealed class SignUpForm
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string PasswordConfirmation { get; set; } = "";
        public PublicType PublicType { get; set; } = PublicType.Lyceen;
        public int? BirthYear { get; set; }
        public Guid? StructureId { get; set; }
        public bool ParentalConsent { get; set; }
        public bool AcceptsTerms { get; set; }
    }

    [BindProperty] public SignUpForm Form { get; set; } = new();
    public string Territory => territory.Current!.Slug;
    public IReadOnlyList<StructureInfo> Structures { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        var f = Form;
        if (f.Password != f.PasswordConfirmation)
            throw new SproHub.Shared.Errors.RuleViolationException("passwordConfirmation", "identique", "Les deux saisies du mot de passe ne sont pas identiques.");
        await mediator.Send(new SignUp(f.DisplayName ?? "", f.Email ?? "", f.Password ?? "", f.PublicType, f.BirthYear, f.StructureId, f.ParentalConsent, f.AcceptsTerms), ct);
        return SpaceEndpoints.SignUpMessage(f.Email ?? "");
    }, nameof(Form), ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Structures = (await structures.ListAsync(Territory, cancellationToken)).OrderBy(s => s.Name).ToList();
}

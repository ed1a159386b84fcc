using MediatR;
using Microsoft.AspNetCore.Mvc;
using SproHub.Governance.Meetings;
using SproHub.Shared.Network;
using SproHub.Shared.Pages;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Modes.Pages;

/// <summary>
/// The territory's governance mode, read by its network; the Région records it here (which meetings, how often, at which
/// level, and each basin's referent chosen among the agents of the directory).
/// </summary>
public sealed class GovernanceModeModel(IMediator mediator, ITerritoryContext territory, ICurrentUser user, IStructureDirectory structures, IPersonDirectory people) : FormPageModel
{
    public sealed class RuleForm
    {
        public MeetingType Type { get; set; }
        public bool Held { get; set; }
        public Frequency Frequency { get; set; }
        public MeetingLevel Level { get; set; }
    }

    public sealed class ReferentForm
    {
        public string BasinId { get; set; } = "";
        public Guid? PersonId { get; set; }
    }

    public sealed class ModeForm
    {
        public List<RuleForm> Rules { get; set; } = [];
        public List<ReferentForm> Referents { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty] public ModeForm Form { get; set; } = new();
    public GovernanceModeView Mode { get; private set; } = null!;
    /// <summary>Who may be a basin's referent: the agents of the SPRO's structures (shown to the Région only).</summary>
    public IReadOnlyList<(PersonInfo Person, string Structure)> Candidates { get; private set; } = [];
    public bool CanRecord => territory.Current!.Kind == TerritoryKind.LocalSpro && user.Can(GovernanceModule.ManageModesPermission);
    public bool IsRegion => territory.Current!.Kind == TerritoryKind.Region;
    public string Territory => territory.Current!.Slug;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = new ModeForm
        {
            Rules = GovernanceModes.LocalTypes.Select(type => Mode.RuleOf(type) is { } r
                ? new RuleForm { Type = type, Held = true, Frequency = r.Frequency, Level = r.Level }
                : new RuleForm { Type = type, Frequency = Cadence.UsualFrequency(type), Level = MeetingLevel.Spro }).ToList(),
            Referents = Mode.Basins.Select(b => new ReferentForm { BasinId = b.BasinId, PersonId = b.ReferentId }).ToList(),
            Version = Mode.Version,
        };
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(async () =>
    {
        await mediator.Send(new RecordGovernanceMode(
            Form.Rules.Where(r => r.Held).Select(r => new ModeRuleBody(r.Type, r.Frequency, r.Level)).ToList(),
            Form.Referents.Where(r => r.PersonId is not null).Select(r => new ReferentBody(r.BasinId, r.PersonId!.Value)).ToList(), Form.Version), ct);
        return $"Mode de gouvernance du {territory.Current!.Name} enregistré.";
    }, "", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Mode = await mediator.Send(new GetGovernanceMode(), ct);
        if (!CanRecord || Mode.Basins.Count == 0) return;
        var ofSpro = (await structures.ListAsync(Territory, ct)).Concat(await structures.DepartmentWideAsync(Territory, ct)).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        Candidates = (await people.ListAsync(ofSpro.Keys.ToList(), ct)).Select(p => (p, ofSpro[p.StructureId].Name)).OrderBy(c => c.p.LastName).ThenBy(c => c.p.FirstName).ToList();
    }
}

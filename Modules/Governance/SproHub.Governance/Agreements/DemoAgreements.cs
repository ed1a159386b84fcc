using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SproHub.Governance.Data;
using SproHub.Shared.Network;
using SproHub.Shared.Territories;

namespace SproHub.Governance.Agreements;

/// <summary>
/// The regional specification signed by the networks, and Indre-et-Loire's implementation agreement, its PRC-VAE among the
/// signatories as the resource partner of every local SPRO: one member (the Apec) joined by a compiled amendment, another
/// amendment forwarded and half signed.
/// </summary>
internal static class DemoAgreements
{
    private const string Territory = "indre-et-loire";

    // The networks as named when the specification was signed (2015): Pôle emploi is France Travail today.
    private static readonly string[] Networks =
        ["Mission Locale", "CIO", "Pôle emploi", "Cap emploi", "BIJ / PIJ", "CAD / Chambre de métiers et de l'artisanat", "CCI", "Fongecif", "Uniformation", "Unifaf", "Apec", "Maison de l'emploi", "Point A", "PRC-VAE"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GovernanceDbContext>();
        if (await db.Agreements.IgnoreQueryFilters().AnyAsync(cancellationToken)) return;
        var specification = new Agreement { Kind = AgreementKind.RegionalSpecification, TerritoryId = Agreement.RegionScope, Title = "Cahier des charges régional du SPRO", SignedOn = new DateOnly(2015, 6, 1) };
        specification.Parties.AddRange(Networks.Select(n => new AgreementParty { AgreementId = specification.Id, Name = n, Network = n, JoinedOn = specification.SignedOn }));
        db.Agreements.Add(specification);

        var structures = await services.GetRequiredService<IStructureDirectory>().ListAsync(Territory, cancellationToken);
        var apec = structures.FirstOrDefault(s => s.Type == "Apec");
        var fongecif = structures.FirstOrDefault(s => s.Type == "Fongecif");
        if (apec is null || fongecif is null) { await db.SaveChangesAsync(cancellationToken); return; }
        var agreement = new Agreement { Kind = AgreementKind.Implementation, TerritoryId = Territory, Title = "Convention de mise en œuvre du SPRO d'Indre-et-Loire", SignedOn = new DateOnly(2016, 1, 15) };
        agreement.Parties.AddRange(structures.Where(s => s.Id != apec.Id && s.Id != fongecif.Id)
            .Select(s => new AgreementParty { AgreementId = agreement.Id, StructureId = s.Id, Name = s.Name, Network = s.Type, JoinedOn = agreement.SignedOn }));
        db.Agreements.Add(agreement);

        var first = new Amendment { AgreementId = agreement.Id, TerritoryId = Territory, Number = 1, Title = "Adhésion de l'Apec au SPRO d'Indre-et-Loire", Purpose = "L'Apec rejoint le réseau comme structure membre : elle accueille les cadres.", CprVoteOn = new DateOnly(2016, 11, 18) };
        first.NewPartners.Add(new NewPartner { AmendmentId = first.Id, StructureId = apec.Id, Name = apec.Name, Network = apec.Type });
        first.ListSignatories(agreement, new DateOnly(2016, 12, 1));
        first.Status = AmendmentStatus.Forwarded;
        foreach (var s in first.Signatures) { s.SignedOn = new DateOnly(2017, 1, 20); s.SignatoryName = "Direction"; s.SignatoryRole = "directeur·rice"; s.Method = SignatureMethod.Acknowledgement; }
        first.SentAt = new DateTimeOffset(2016, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
        first.ForwardedAt = first.SentAt.Value.AddDays(2);
        first.Compile(agreement, new DateOnly(2017, 2, 3));
        db.Amendments.Add(first);

        var today = ParisTime.Today(services.GetRequiredService<TimeProvider>());
        var second = new Amendment { AgreementId = agreement.Id, TerritoryId = Territory, Number = 2, Title = "Adhésion du Fongecif au SPRO d'Indre-et-Loire", Purpose = "Le Fongecif rejoint le réseau pour les salariés en reconversion.", CprVoteOn = today.AddDays(-30) };
        second.NewPartners.Add(new NewPartner { AmendmentId = second.Id, StructureId = fongecif.Id, Name = fongecif.Name, Network = fongecif.Type });
        second.ListSignatories(agreement, today.AddDays(-25));
        second.Status = AmendmentStatus.Forwarded;
        second.SentAt = DateTimeOffset.UtcNow.AddDays(-25);
        second.ForwardedAt = DateTimeOffset.UtcNow.AddDays(-20);
        // Half the structures have signed; the CIO of Tours has not, so that its demo member can sign.
        foreach (var (s, i) in second.Signatures.Where(s => !s.StructureName.StartsWith("CIO")).Select((s, i) => (s, i)).Where(x => x.i % 2 == 0))
        { s.SignedOn = today.AddDays(-10); s.SignatoryName = "Direction"; s.SignatoryRole = "directeur·rice"; s.Method = SignatureMethod.Acknowledgement; }
        db.Amendments.Add(second);
        await db.SaveChangesAsync(cancellationToken);
    }
}

using SproHub.Governance.Agreements;
using SproHub.Shared.Errors;
using Xunit;

namespace Governance.Tests;

/// <summary>Who had signed an agreement on a date, and the amendment's workflow rules.</summary>
public sealed class AgreementRuleTests
{
    private static (Agreement Agreement, Amendment Amendment, Guid NewPartner) Convention()
    {
        var agreement = new Agreement { Kind = AgreementKind.Implementation, TerritoryId = "cher", Title = "Convention", SignedOn = new DateOnly(2016, 1, 15) };
        foreach (var name in new[] { "Mission Locale de Bourges", "CIO de Bourges" })
            agreement.Parties.Add(new AgreementParty { StructureId = Guid.NewGuid(), Name = name, Network = "ML", JoinedOn = agreement.SignedOn });
        var partner = Guid.NewGuid();
        var amendment = new Amendment { AgreementId = agreement.Id, TerritoryId = "cher", Number = 1, Title = "Adhésion", Status = AmendmentStatus.Forwarded, CprVoteOn = new DateOnly(2016, 11, 18) };
        amendment.NewPartners.Add(new NewPartner { StructureId = partner, Name = "Apec de Bourges", Network = "Apec" });
        amendment.ListSignatories(agreement, new DateOnly(2016, 12, 1));
        return (agreement, amendment, partner);
    }

    [Fact]
    public void The_signatories_at_a_date_are_the_original_ones_then_those_of_amendments_compiled_by_then()
    {
        var (agreement, amendment, partner) = Convention();
        Assert.Equal(3, amendment.Signatures.Count); // the two signatories and the partner joining
        foreach (var s in amendment.Signatures) s.SignedOn = new DateOnly(2017, 1, 20);
        amendment.Compile(agreement, new DateOnly(2017, 2, 3));

        Assert.Empty(agreement.SignatoriesAt(new DateOnly(2015, 12, 31)));
        Assert.Equal(2, agreement.SignatoriesAt(new DateOnly(2017, 2, 2)).Count);
        var after = agreement.SignatoriesAt(new DateOnly(2017, 2, 3));
        Assert.Equal(3, after.Count);
        var joined = after.Single(p => p.StructureId == partner);
        Assert.Equal((1, new DateOnly(2017, 2, 3)), (joined.AmendmentNumber!.Value, joined.JoinedOn));
        Assert.Equal(AmendmentStatus.Compiled, amendment.Status);
    }

    [Fact]
    public void An_amendment_is_compiled_only_once_every_structure_signed_and_not_before_the_last_signature()
    {
        var (agreement, amendment, _) = Convention();
        amendment.Signatures[0].SignedOn = new DateOnly(2017, 1, 20);
        var missing = Assert.Throws<RuleViolationException>(() => amendment.Compile(agreement, new DateOnly(2017, 2, 3)));
        Assert.Equal("signatures-completes", missing.Rule);
        foreach (var s in amendment.Signatures) s.SignedOn = new DateOnly(2017, 1, 20);
        Assert.Equal("apres-signatures", Assert.Throws<RuleViolationException>(() => amendment.Compile(agreement, new DateOnly(2017, 1, 19))).Rule);
        Assert.Equal(2, agreement.Parties.Count); // nobody joined through a refused compilation
    }

    [Fact]
    public void Each_step_follows_the_one_before()
    {
        var (agreement, amendment, _) = Convention();
        amendment.Status = AmendmentStatus.Voted;
        var error = Assert.Throws<RuleViolationException>(() => amendment.Compile(agreement, new DateOnly(2017, 2, 3)));
        Assert.Equal("etape-avenant", error.Rule);
        Assert.Contains("voté en CPR", error.Message);
    }
}

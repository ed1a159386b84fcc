using SproHub.Plugins.ClipContests.Clips;
using SproHub.Plugins.ClipContests.Editions;
using SproHub.Plugins.ClipContests.Projects;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Errors;
using SproHub.Shared.Files;
using Xunit;

namespace ClipContests.Tests;

/// <summary>The contest's rules, without a host.</summary>
public sealed class RuleTests
{
    private static readonly DateOnly Today = new(2027, 1, 15);

    private static ParticipantInput Adult(string name) => new(name, "Exemple", Today.AddYears(-20), null, null);

    private static Team TeamOf(int size) =>
        Team.Register(Guid.NewGuid(), "chateaudun-nogent", "Les Cadreurs", Guid.NewGuid(), "Mission Locale de Châteaudun", "agent@exemple.fr", "Agent",
            Enumerable.Range(0, size).Select(i => Adult($"P{i}")).ToList(), Today, DateTimeOffset.UnixEpoch);

    private static RuleViolationException Refused(Action action) => Assert.Throws<RuleViolationException>(action);

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(0)]
    public void A_team_counts_three_to_five_participants(int size)
    {
        var refusal = Refused(() => TeamOf(size));
        Assert.Equal(("participants", "taille-equipe"), (refusal.Field, refusal.Rule));
        Assert.Contains($"en compterait {size}", refusal.Message);
    }

    [Fact]
    public void Three_and_five_are_teams_and_a_change_never_leaves_those_bounds()
    {
        Assert.Equal(3, TeamOf(3).Participants.Count);
        var full = TeamOf(5);
        Assert.Equal("taille-equipe", Refused(() => full.Add(Adult("Sixième"), Today)).Rule);
        Assert.Equal(5, full.Participants.Count);
        var smallest = TeamOf(3);
        Assert.Equal("taille-equipe", Refused(() => smallest.Remove(smallest.Participants[0].Id)).Rule);
        Assert.Equal(3, smallest.Participants.Count);
        var four = TeamOf(4);
        four.Remove(four.Participants[0].Id);
        Assert.Equal(3, four.Participants.Count);
    }

    [Fact]
    public void A_minor_takes_part_with_a_parent_s_dated_consent_only()
    {
        var team = TeamOf(3);
        var minor = new ParticipantInput("Lina", "Exemple", Today.AddYears(-17), null, null);
        var refusal = Refused(() => team.Add(minor, Today));
        Assert.Equal(("participant.parentConsentOn", "consentement-parental"), (refusal.Field, refusal.Rule));
        Assert.Equal("consentement-parental", Refused(() => team.Add(minor with { ParentName = "Sophie Exemple", ParentConsentOn = Today.AddDays(1) }, Today)).Rule);
        Assert.Equal("consentement-parental", Refused(() => team.Add(minor with { ParentConsentOn = Today }, Today)).Rule); // a date without the parent
        var admitted = team.Add(minor with { ParentName = "Sophie Exemple", ParentConsentOn = Today }, Today);
        Assert.True(admitted.IsMinorOn(Today));
        // Eighteen on the day: no consent asked.
        Assert.False(team.Add(new ParticipantInput("Noah", "Exemple", Today.AddYears(-18), null, null), Today).IsMinorOn(Today));
    }

    [Fact]
    public void An_edition_s_calendar_runs_in_order_and_names_the_first_date_out_of_it()
    {
        var ok = new Calendar(Today, Today.AddDays(60), Today.AddDays(90), Today.AddDays(100), Today.AddDays(110));
        ok.Check();
        var refusal = Refused(() => (ok with { SubmissionEnds = Today.AddDays(30) }).Check());
        Assert.Equal(("submissionEnds", "calendrier-ordonne"), (refusal.Field, refusal.Rule));
        Assert.Equal("juryEnds", Refused(() => (ok with { JuryEnds = Today.AddDays(99) }).Check()).Field);
        var edition = Edition.Open("cher", 2027, "Vidéos métiers", ["Alternance", " alternance ", ""], ok, [], "coordination");
        Assert.Equal(["Alternance"], edition.Themes);
        Assert.Equal(EditionPhase.Registration, edition.PhaseOn(Today));
        Assert.Equal(EditionPhase.Filming, edition.PhaseOn(Today.AddDays(1)));
        Assert.Equal(EditionPhase.Jury, edition.PhaseOn(Today.AddDays(100)));
        Assert.Equal("inscriptions-closes", Refused(() => edition.EnsureRegistrationOpen(Today.AddDays(1))).Rule);
        Assert.Equal("theme-requis", Refused(() => Edition.Open("cher", 2027, "Vidéos métiers", [" "], ok, [], "coordination")).Rule);
    }

    [Fact]
    public void A_clip_needs_its_three_permissions_to_be_published_or_screened()
    {
        var held = new List<FilmingPermission> { new() { Kind = PermissionKind.Filming }, new() { Kind = PermissionKind.Workplace } };
        var refusal = Refused(() => FilmingPermission.EnsureComplete(held, "Les Cadreurs"));
        Assert.Equal(("permissions", "autorisations-manquantes"), (refusal.Field, refusal.Rule));
        Assert.Contains("diffusion", refusal.Message);
        held.Add(new FilmingPermission { Kind = PermissionKind.Publishing });
        FilmingPermission.EnsureComplete(held, "Les Cadreurs");
        Assert.Equal("date-autorisation", Refused(() => FilmingPermission.CheckDate(Today.AddDays(1), Today, 2027)).Rule);
        Assert.Equal("date-autorisation", Refused(() => FilmingPermission.CheckDate(new DateOnly(2024, 6, 1), Today, 2027)).Rule);
        FilmingPermission.CheckDate(new DateOnly(2026, 11, 2), Today, 2027);
    }

    [Fact]
    public void A_clip_is_submitted_with_a_video_a_poster_and_a_description_and_its_link_is_https()
    {
        var clip = Clip.For(Guid.NewGuid(), Guid.NewGuid(), "cher");
        Assert.Equal(3, clip.Missing().Count);
        clip.VideoLink = Clip.CheckLink("https://video.exemple.fr/w/abc");
        clip.Attach(ClipFileKind.Poster, new SproHub.Plugins.ClipContests.AttachedFile { FileName = "affiche.png" });
        clip.Description = "Une journée de boulangère.";
        Assert.True(clip.IsComplete);
        clip.Attach(ClipFileKind.Video, new SproHub.Plugins.ClipContests.AttachedFile { FileName = "clip.mp4" });
        Assert.Null(clip.VideoLink); // a file replaces the link
        foreach (var bad in new[] { "http://video.exemple.fr/abc", "javascript:alert(1)", "video.exemple.fr/abc" })
            Assert.Equal(("videoLink", "lien-video"), (Refused(() => Clip.CheckLink(bad)).Field, Refused(() => Clip.CheckLink(bad)).Rule));
    }

    [Fact]
    public void Videos_and_subtitles_are_known_by_their_content()
    {
        Assert.Equal(FileContentTypes.Mp4, FileContentTypes.Detect(ClipApi.Mp4));
        Assert.Equal(FileContentTypes.QuickTime, FileContentTypes.Detect([0, 0, 0, 20, .. "ftypqt  "u8, 0, 0, 0, 0]));
        Assert.Equal(FileContentTypes.Webm, FileContentTypes.Detect([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81]));
        Assert.Equal(FileContentTypes.Heic, FileContentTypes.Detect([0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0]));
        Assert.Equal(FileContentTypes.WebVtt, FileContentTypes.Detect(ClipApi.Vtt.AsSpan(0, 16)));
        Assert.Equal(FileContentTypes.Text, FileContentTypes.Detect("1\n00:00:00,000 --> "u8));
    }
}

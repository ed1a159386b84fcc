using MediatR;
using SproHub.Plugins.ClipContests.Teams;
using SproHub.Shared.Errors;
using SproHub.Shared.Security;
using SproHub.Shared.Territories;

namespace SproHub.Plugins.ClipContests.Certificates;

/// <summary>
/// An « attestation d'expérience professionnelle »: every participant receives one at the prize-giving, listing what
/// the project made them do (the skills of seed 003's « Clip moi un métier »).
/// </summary>
public sealed record Certificate(string FullName, DateOnly BirthDate, string TeamName, string StructureName, string LeadName, string EditionTitle, int Year,
    string TerritoryName, string? Job, string? Theme, int? Prize, DateOnly From, DateOnly To, IReadOnlyList<string> Skills, DateOnly IssuedOn)
{
    public static readonly IReadOnlyList<string> ProjectSkills =
    [
        "Connaître et reconnaître le matériel professionnel de tournage",
        "Chercher un sujet selon un thème précis et écrire un scénario",
        "Rechercher la personne à filmer et prendre les contacts nécessaires à la rencontre",
        "Obtenir les autorisations pour filmer une personne sur son lieu de travail",
        "Repérer les lieux du tournage pour filmer dans de bonnes conditions, se mettre en scène si besoin",
        "Faire appel à son réseau et développer son sens de la débrouillardise",
        "Travailler en équipe et se rendre sur les lieux de tournage (mobilité)",
        "Aller à la rencontre des entreprises, se faire connaître et reconnaître",
        "Prendre confiance en soi, relever un défi",
    ];

    public string Statement =>
        $"a participé au concours « {EditionTitle} {Year} » du service public régional de l'orientation ({TerritoryName}), du {From:dd/MM/yyyy} au {To:dd/MM/yyyy}, "
        + $"au sein de l'équipe « {TeamName} » encadrée par {LeadName} ({StructureName}). Avec son équipe, elle ou il a conçu, tourné et monté un clip vidéo"
        + (Job is null ? "" : $" présentant le métier de {Job}") + (Theme is null ? "." : $", sur le thème « {Theme} ».");

    public string? PrizeLine => Prize is { } rank ? $"Le clip de l'équipe a reçu le {(rank == 1 ? "premier" : rank == 2 ? "deuxième" : "troisième")} prix du jury." : null;
}

/// <summary>The certificates of a team's participants, once the prizes are confirmed (the prize-giving), for its lead and the coordination.</summary>
[RequiresPermission(ClipContestsModule.LeadTeamPermission)]
public sealed record GetCertificates(Guid TeamId) : IRequest<IReadOnlyList<Certificate>>;

internal sealed class GetCertificatesHandler(TeamAccess access, ITerritoryContext territory, TimeProvider clock) : IRequestHandler<GetCertificates, IReadOnlyList<Certificate>>
{
    public async Task<IReadOnlyList<Certificate>> Handle(GetCertificates request, CancellationToken cancellationToken)
    {
        var (team, edition) = await access.ManagedAsync(request.TeamId, cancellationToken);
        if (edition.PrizesConfirmedAt is not { } awarded)
            throw new RuleViolationException("teamId", "attestations-apres-palmares", "Les attestations se remettent avec les prix : elles sont prêtes une fois le palmarès confirmé.");
        await access.AuditReadAsync(team, "attestations", cancellationToken);
        var prize = edition.Prizes.FirstOrDefault(p => p.TeamId == team.Id)?.Rank;
        var from = ParisTime.DateOf(team.RegisteredAt);
        var to = ParisTime.DateOf(awarded);
        return team.Participants.OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new Certificate(p.FullName, p.BirthDate, team.Name, team.StructureName, team.LeadName, edition.Title, edition.Year, territory.Current!.Name,
                team.Project.Job, team.Project.Theme, prize, from, to, team.Skills.Count > 0 ? team.Skills : Certificate.ProjectSkills, ParisTime.Today(clock))).ToList();
    }
}

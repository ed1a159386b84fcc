using Microsoft.EntityFrameworkCore;
using SproHub.Plugins.CelluleHandicap.Data;
using SproHub.Plugins.CelluleHandicap.Situations;

namespace SproHub.Plugins.CelluleHandicap.Privacy;

/// <summary>
/// Forgets a young person: the sealed identity and sheet, and every sealed text written about them (partners' inputs,
/// decisions, next steps, follow-ups). What counts stays: dates, age at consent, outcome, who examined when.
/// </summary>
internal static class Erasure
{
    public static async Task EraseAsync(CelluleHandicapDbContext db, Situation situation, DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        situation.Erase(now, reason);
        foreach (var input in await db.PartnerInputs.Where(i => i.SituationId == situation.Id).ToListAsync(cancellationToken)) input.SealedText = null;
        foreach (var examination in await db.Examinations.Include(e => e.NextSteps).Where(e => e.SituationId == situation.Id).ToListAsync(cancellationToken))
        {
            examination.SealedNotes = null;
            foreach (var step in examination.NextSteps) step.SealedAction = null;
        }
        foreach (var followUp in await db.FollowUps.Where(f => f.SituationId == situation.Id).ToListAsync(cancellationToken)) followUp.SealedText = null;
    }
}

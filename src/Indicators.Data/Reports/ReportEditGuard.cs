using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Editing;
using Indicators.Data.Users;

namespace Indicators.Data.Reports;

/// <summary>
/// What every report edit checks inside its own transaction before it writes: who may, and whether the report is still
/// where the page saw it. Rights are read from the acting account as the database has it now, not only by the pages: an
/// active Analytiker or Administratör may work on every nämnd's report and create and delete periods; an active Nämnd
/// user only on the report of a committee it holds the role for, by committee id (codes repeat across organisations). So
/// a deactivation or a role change that has committed is never outrun by a save from a page opened before it. A refusal
/// is an <see cref="InvalidEditException"/> with a Swedish message.
/// </summary>
static class ReportEditGuard
{
    /// <summary>The acting account may work on this committee's report.</summary>
    public static async Task RequireMayEditAsync(AuditedEdit edit, int committeeId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, committeeId, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att ändra den här nämndens rapport.");
        }
    }

    /// <summary>Only an active Analytiker or Administratör creates and deletes report periods.</summary>
    public static async Task RequireMayManagePeriodsAsync(AuditedEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att skapa eller ta bort rapportperioder.");
        }
    }

    /// <summary>Locks an open report for a text save: under review and finalised reports are read-only.</summary>
    public static async Task RequireOpenAsync(AuditedEdit edit, int periodId, int committeeId)
    {
        var state = await CommitteeReportWriter.LockAsync(edit, periodId, committeeId);
        if (state.State != ReportState.Open)
        {
            throw new InvalidEditException("", state.State == ReportState.Finalised
                ? "Rapporten är fastställd och kan inte ändras."
                : "Rapporten är skickad till granskning och kan inte ändras. Återöppna den först.");
        }
    }

    /// <summary>Locks a report for a state change that expects <paramref name="expected"/> at <paramref name="version"/>.</summary>
    public static async Task<CommitteeReportState> RequireStateAsync(AuditedEdit edit, int periodId, int committeeId, int version, ReportState expected)
    {
        var state = await CommitteeReportWriter.LockAsync(edit, periodId, committeeId);
        if (state.Version != version || state.State != expected)
        {
            throw new EditConflictException(
                $"Rapporten har ändrats av någon annan sedan du öppnade den (den är nu {state.State.SwedishName().ToLowerInvariant()}). Ladda om sidan – inget har ändrats.");
        }

        return state;
    }
}

using Indicators.Core.Editing;
using Microsoft.AspNetCore.Components;

namespace Indicators.Web.Components.Editing;

/// <summary>
/// What every editing component does around a change, written once: <see cref="Busy"/> while it runs (its buttons are
/// disabled by it, so a double click saves once), and a refusal shown where the person looks. A form's save
/// (<see cref="TrySaveAsync"/>) puts an <see cref="InvalidEditException"/>'s errors beside their fields and an
/// <see cref="EditConflictException"/>'s message above the form, through the form's <see cref="ServerValidation"/>; a
/// change without a form (a delete, a report's state change, <see cref="TryChangeAsync"/>) returns its refusal for the
/// page to show. The saved message is the page's own: it is set by the change itself, after the editor has returned.
/// </summary>
public abstract class EditFormBase : ComponentBase
{
    /// <summary>A change is running (or other work its buttons wait for, such as a preview, which sets it itself).</summary>
    protected bool Busy { get; set; }

    /// <summary>
    /// Runs <paramref name="save"/>; true when it returned. A refusal is shown in <paramref name="form"/>: field errors
    /// under the form's own field names (<paramref name="toForm"/> maps an editor's path to the form's where they differ),
    /// a conflict for the whole form. Nothing was saved then, and the form keeps what was typed. A field its input could
    /// not read (text in a number field) refuses the save before it starts.
    /// </summary>
    protected async Task<bool> TrySaveAsync(ServerValidation? form, Func<Task> save, Func<FieldError, FieldError>? toForm = null)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (form?.RefusesUnreadInput() == true)
        {
            return false;
        }

        Busy = true;
        try
        {
            await save();
            return true;
        }
        catch (InvalidEditException e)
        {
            form!.Show(toForm is null ? e.Errors : e.Errors.Select(toForm));
        }
        catch (EditConflictException e)
        {
            form!.Show(e.Message);
        }
        finally
        {
            Busy = false;
        }

        return false;
    }

    /// <summary>Runs a change that has no form; its refusal (null when it went through) says why nothing changed.</summary>
    protected async Task<EditRefusal?> TryChangeAsync(Func<Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Busy = true;
        try
        {
            await change();
            return null;
        }
        catch (InvalidEditException e)
        {
            return new EditRefusal([.. e.Errors.Select(x => x.Message)]);
        }
        catch (EditConflictException e)
        {
            return new EditRefusal([e.Message]);
        }
        finally
        {
            Busy = false;
        }
    }
}

/// <summary>Why a change was refused, in Swedish: each rule it broke, or the conflict.</summary>
public sealed record EditRefusal(IReadOnlyList<string> Messages)
{
    /// <summary>The messages as one text, as a line above the page's list shows them.</summary>
    public string Message => string.Join(" ", Messages);
}

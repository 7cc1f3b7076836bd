using Microsoft.AspNetCore.Components;

namespace Indicators.Web.IndicatorEditing;

/// <summary>A list of checkboxes bound to a list of ids: the indicator form's comparison areas and goals.</summary>
internal static class Checkboxes
{
    /// <summary>Adds <paramref name="item"/> when its box was ticked, removes it when cleared; never twice.</summary>
    public static void Toggle<T>(List<T> list, T item, ChangeEventArgs e)
    {
        list.Remove(item);
        if (e.Value is true)
        {
            list.Add(item);
        }
    }
}

using Indicators.Core.Areas;

namespace Indicators.Web.AreaPages;

/// <summary>The comparison group form's fields: the name, the description and the chosen member area ids.</summary>
public sealed class AreaGroupForm
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public HashSet<string> Members { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The kommun chosen in the add-a-kommun list, before it is added.</summary>
    public string KommunToAdd { get; set; } = "";

    public AreaGroupDraft ToDraft() => new(Name, Description, [.. Members]);
}

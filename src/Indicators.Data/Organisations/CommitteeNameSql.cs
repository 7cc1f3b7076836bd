namespace Indicators.Data.Organisations;

/// <summary>How a nämnd is named where a choice or a role may hold several organisations' nämnder.</summary>
static class CommitteeNameSql
{
    /// <summary>
    /// The nämnd's name, followed by its organisation's where another organisation has a nämnd of the same name
    /// ("Regionstyrelsen (Region Västernorrland)"). Reads <c>c</c> as the committee and <c>a</c> as its area.
    /// </summary>
    public const string Distinct =
        "case when exists (select 1 from committee o where o.name = c.name and o.id <> c.id) then c.name || ' (' || a.name || ')' else c.name end";
}

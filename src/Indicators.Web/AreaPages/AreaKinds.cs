namespace Indicators.Web.AreaPages;

/// <summary>The area kinds of the area table in Swedish, as the Områden page names and filters them.</summary>
public static class AreaKinds
{
    public static string SwedishName(string kind) => kind switch
    {
        "country" => "Riket",
        "region" => "Region",
        "municipality" => "Kommun",
        "group" => "Grupp",
        _ => "Övrigt",
    };
}

namespace Indicators.Data.Alerts;

/// <summary>The kinds of event a subscription can ask for, as stored (alert_event.kind, subscription.events), with their Swedish names.</summary>
public static class AlertKinds
{
    public const string RunFailed = "run_failed";
    public const string Stale = "stale";
    public const string NewOutcomes = "new_outcomes";
    public const string StatusChanged = "status_changed";
    public const string Report = "report";

    public static readonly string[] All = [RunFailed, Stale, NewOutcomes, StatusChanged, Report];

    public static string SwedishName(string kind) => kind switch
    {
        RunFailed => "En körning misslyckades",
        Stale => "Data blev inaktuella",
        NewOutcomes => "Nya utfall kom in",
        StatusChanged => "En indikators status ändrades",
        Report => "En rapport lämnades in eller fastställdes",
        _ => kind,
    };
}

/// <summary>What a subscription follows, as stored (subscription.target_kind), with Swedish names.</summary>
public static class AlertTargets
{
    public const string Source = "source";
    public const string Indicator = "indicator";
    public const string Goal = "goal";
    public const string Committee = "committee";

    public static readonly string[] All = [Source, Indicator, Goal, Committee];

    public static string SwedishName(string kind) => kind switch
    {
        Source => "Källa",
        Indicator => "Indikator",
        Goal => "Mål",
        Committee => "Nämnd",
        _ => kind,
    };

    /// <summary>The page of the followed thing.</summary>
    public static string Link(string kind, int id) => kind switch
    {
        Source => $"/kallor/{id}",
        Indicator => $"/indikator/{id}",
        Goal => $"/mal/{id}",
        _ => $"/namnd/{id}",
    };
}

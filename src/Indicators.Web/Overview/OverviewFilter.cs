using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;

namespace Indicators.Web.Overview;

/// <summary>Which rows a status filter keeps: one attainment status, or indicators whose data is stale or whose last run failed.</summary>
public enum StatusFilter
{
    All,
    Achieved,
    PartlyAchieved,
    NotAchieved,
    NotAssessable,
    StaleOrFailed,
}

/// <summary>
/// The overview's query-string state, parsed leniently: a value that cannot be read falls back to the default and leaves a
/// Swedish notice, so a mistyped or outdated link still opens a page.
/// </summary>
public sealed record OverviewFilter(FollowUpPeriod? Period, int? CommitteeId, StatusFilter Status, IReadOnlyList<string> Notices)
{
    public static OverviewFilter None { get; } = new(null, null, StatusFilter.All, []);

    public static IReadOnlyList<(string Code, string Name)> StatusChoices { get; } =
    [
        ("", "Alla"),
        ("uppnatt", AttainmentStatus.Achieved.SwedishName()),
        ("delvis", AttainmentStatus.PartlyAchieved.SwedishName()),
        ("ej-uppnatt", AttainmentStatus.NotAchieved.SwedishName()),
        ("kan-ej-bedomas", AttainmentStatus.NotAssessable.SwedishName()),
        ("inaktuell", "Inaktuella data / misslyckad körning"),
    ];

    public string StatusCode => Status switch
    {
        StatusFilter.Achieved => "uppnatt",
        StatusFilter.PartlyAchieved => "delvis",
        StatusFilter.NotAchieved => "ej-uppnatt",
        StatusFilter.NotAssessable => "kan-ej-bedomas",
        StatusFilter.StaleOrFailed => "inaktuell",
        _ => "",
    };

    public bool IsFiltered => CommitteeId is not null || Status != StatusFilter.All;

    public static OverviewFilter Parse(string? period, string? committee, string? status)
    {
        var notices = new List<string>();
        FollowUpPeriod? chosen = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (FollowUpPeriod.TryParse(period.Trim(), out var parsed))
            {
                chosen = parsed;
            }
            else
            {
                notices.Add($"Perioden ”{period}” finns inte; den senaste perioden visas i stället.");
            }
        }

        int? committeeId = null;
        if (!string.IsNullOrWhiteSpace(committee))
        {
            if (int.TryParse(committee, out var id) && id > 0)
            {
                committeeId = id;
            }
            else
            {
                notices.Add($"Nämnden ”{committee}” finns inte; alla nämnder visas.");
            }
        }

        var statusFilter = StatusFilter.All;
        if (!string.IsNullOrWhiteSpace(status))
        {
            var match = StatusChoices.FirstOrDefault(c => c.Code == status.Trim());
            if (match.Code is null)
            {
                notices.Add($"Statusen ”{status}” finns inte; alla statusar visas.");
            }
            else
            {
                statusFilter = match.Code switch
                {
                    "uppnatt" => StatusFilter.Achieved,
                    "delvis" => StatusFilter.PartlyAchieved,
                    "ej-uppnatt" => StatusFilter.NotAchieved,
                    "kan-ej-bedomas" => StatusFilter.NotAssessable,
                    "inaktuell" => StatusFilter.StaleOrFailed,
                    _ => StatusFilter.All,
                };
            }
        }

        return new OverviewFilter(chosen, committeeId, statusFilter, notices);
    }
}

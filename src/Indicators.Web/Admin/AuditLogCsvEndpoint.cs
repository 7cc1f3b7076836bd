using Indicators.Core.Audit;
using Indicators.Core.Formatting;
using Indicators.Data.Audit;
using Indicators.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Indicators.Web.Admin;

/// <summary>
/// The audit log as filtered on its page, as a CSV (<see cref="SwedishCsv"/>): one row per changed field (an entry
/// without recorded values gets one row), newest first, at most <see cref="MaxEntries"/> entries. Administrators only,
/// as the page: the log holds sign-in addresses and failed sign-ins by login.
/// </summary>
public static class AuditLogCsvEndpoint
{
    public const string Path = "/admin/granskningslogg/csv";

    /// <summary>Entries one CSV holds; a larger log is narrowed by its filters (the time range) first.</summary>
    public const int MaxEntries = 50_000;

    static readonly string[] Headers = ["Tid", "Person", "Användarnamn", "Händelse", "Objekt", "Objektets id", "Fält", "Före", "Efter", "IP-adress"];

    public static IEndpointRouteBuilder MapAuditLogCsv(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, CsvAsync).RequireAuthorization(Policies.Administer).WithMetadata(new InstallationWideAttribute());
        return routes;
    }

    static async Task<IResult> CsvAsync(
        AuditQueries audit,
        [FromQuery(Name = "anvandare")] string? userName,
        [FromQuery(Name = "objekt")] string? entity,
        [FromQuery(Name = "id")] string? entityId,
        [FromQuery(Name = "handling")] string? action,
        [FromQuery(Name = "text")] string? text,
        [FromQuery(Name = "fran")] string? from,
        [FromQuery(Name = "till")] string? to,
        [FromQuery(Name = "fore")] string? olderThan,
        CancellationToken cancellationToken)
    {
        var (filter, _) = new AuditLogQuery(userName, entity, entityId, action, text, from, to, olderThan).Parse(AuditQueries.MaxLimit);
        var rows = new List<AuditRow>();
        while (rows.Count < MaxEntries)
        {
            var page = await audit.PageAsync(filter, cancellationToken);
            rows.AddRange(page.Rows);
            if (page.NextOlderThan is not { } next)
            {
                break;
            }

            filter = filter with { OlderThan = next };
        }

        var csv = SwedishCsv.Create(Headers, rows.Take(MaxEntries).SelectMany(Lines));
        return TypedResults.File(csv, SwedishCsv.ContentType, "granskningslogg.csv");
    }

    static IEnumerable<string?[]> Lines(AuditRow row)
    {
        string?[] Line(AuditChange? change) =>
        [
            AuditLogTexts.Time(row), AuditLogTexts.Person(row), row.UserName, AuditNames.Action(row.Action), AuditNames.Entity(row.Entity), row.EntityId,
            change?.Field, change?.Before, change?.After, row.RemoteIp,
        ];

        var changes = AuditChanges.Of(row.Before, row.After);
        return changes.Count == 0 ? [Line(null)] : changes.Select(Line);
    }
}

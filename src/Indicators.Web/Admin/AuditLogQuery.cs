using System.Globalization;
using Indicators.Core.Audit;
using Indicators.Core.Formatting;
using Indicators.Data.Audit;
using Indicators.Web.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Indicators.Web.Admin;

/// <summary>
/// The audit log's filters as the query string carries them, so that a filtered view can be linked and its CSV asked
/// for: <c>anvandare</c> (login or name), <c>objekt</c> (object kind) and <c>id</c>, <c>handling</c> (action), <c>text</c>,
/// <c>fran</c>/<c>till</c> (Stockholm dates, both inclusive) and <c>fore</c> (the paging cursor). Values that do not parse
/// are ignored with a Swedish message naming the field; nothing here can fail a request.
/// </summary>
public sealed record AuditLogQuery(
    string? UserName, string? Entity, string? EntityId, string? Action, string? Text, string? From, string? To, string? OlderThan)
{
    /// <summary>The filter for <see cref="AuditQueries"/>, and a message for each value that was ignored.</summary>
    public (AuditFilter Filter, IReadOnlyList<string> Errors) Parse(int limit)
    {
        var errors = new List<string>();
        var from = Date(From, "Från", errors);
        var to = Date(To, "Till", errors);
        if (from is { } first && to is { } last && first > last)
        {
            errors.Add("Datumet i Till ligger före datumet i Från; tidsfiltret används inte.");
            (from, to) = (null, null);
        }

        var filter = new AuditFilter(
            UserName, Entity, Action, Text, limit, EntityId,
            from is { } start ? StartOf(start) : null,
            to is { } end ? StartOf(end.AddDays(1)) : null,
            QueryValue.LargeWholeNumber(OlderThan));
        return (filter, errors);
    }

    /// <summary>This view's address (for the next page, the CSV, or the first page when <paramref name="olderThan"/> is null).</summary>
    public string Link(string path, long? olderThan)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["anvandare"] = UserName, ["objekt"] = Entity, ["id"] = EntityId, ["handling"] = Action, ["text"] = Text,
            ["fran"] = From, ["till"] = To, ["fore"] = olderThan?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(path, parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    /// <summary>Midnight of <paramref name="day"/> on Stockholm's wall clock, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), SwedishFormat.Stockholm), TimeSpan.Zero);

    static DateOnly? Date(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{field}: ”{StorableText.Excerpt(text, 40)}” är inte ett datum (ÅÅÅÅ-MM-DD) och används inte.");
        return null;
    }
}

/// <summary>How an entry names the person and the thing, the same on the page and in the CSV.</summary>
public static class AuditLogTexts
{
    /// <summary>The person's name; the login when no account has it (any more); for an entry with no user, who it was.</summary>
    public static string Person(AuditRow row) => row.DisplayName ?? row.UserName ?? "Ingen inloggad användare";

    /// <summary>The login beside the name, when it says something the name does not.</summary>
    public static string? Login(AuditRow row) => row.DisplayName is not null && row.UserName is not null ? row.UserName : null;

    public static string Time(AuditRow row) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc)), SwedishFormat.Stockholm)
            .ToString("yyyy-MM-dd HH:mm:ss", SwedishFormat.Culture);

    public static string Thing(AuditRow row) => AuditNames.Entity(row.Entity) + (row.EntityId is null ? "" : " " + row.EntityId);
}

using System.Globalization;
using Indicators.Data.Editing;

namespace Indicators.Data.ActionPlans;

/// <summary>
/// The action_measure_effect table's writes (an åtgärd's planned effect in a year), each with its audit entry. The
/// row's key is the åtgärd and the year, recorded as "åtgärd id/year".
/// </summary>
static class ActionMeasureEffectWriter
{
    static readonly AuditedTable<ActionMeasureEffectState> Table = new("action_measure_effect", (edit, key) =>
        edit.SingleOrDefaultAsync<ActionMeasureEffectState>("""
            select e.measure_id, m.name as action_measure, e.year::int as year, e.planned
            from action_measure_effect e join action_measure m on m.id = e.measure_id
            where e.measure_id = @MeasureId and e.year = @Year
            """, Parse((string)key)), "Åtgärdens effekt");

    /// <summary>
    /// Makes the åtgärd's stored effects those of <paramref name="effects"/> (a year with a null amount has none): each
    /// added, changed or removed year is its own audited change; unchanged years are left alone. Returns how many years changed.
    /// </summary>
    public static async Task<int> ReplaceAsync(AuditedEdit edit, int measureId, IReadOnlyList<ActionMeasureEffectValues> effects)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var stored = (await edit.ListAsync<ActionMeasureEffectValues>(
            "select year::int as year, planned from action_measure_effect where measure_id = @MeasureId", new { MeasureId = measureId }))
            .ToDictionary(e => e.Year, e => e.Planned);
        var wanted = effects.Where(e => e.Planned is not null).ToDictionary(e => e.Year, e => e.Planned!.Value);
        var changes = 0;
        foreach (var year in stored.Keys.Where(y => !wanted.ContainsKey(y)).Order())
        {
            await Table.DeleteAsync(edit, Key(measureId, year), "delete from action_measure_effect where measure_id = @MeasureId and year = @Year",
                new { MeasureId = measureId, Year = year });
            changes++;
        }

        foreach (var (year, planned) in wanted.OrderBy(e => e.Key))
        {
            if (!stored.TryGetValue(year, out var before))
            {
                await Table.InsertAsync<string>(edit, """
                    insert into action_measure_effect (measure_id, year, planned) values (@MeasureId, @Year, @Planned)
                    returning measure_id::text || '/' || year::text
                    """, new { MeasureId = measureId, Year = year, Planned = planned });
                changes++;
            }
            else if (before != planned)
            {
                await Table.UpdateAsync(edit, Key(measureId, year),
                    "update action_measure_effect set planned = @Planned where measure_id = @MeasureId and year = @Year",
                    new { MeasureId = measureId, Year = year, Planned = planned });
                changes++;
            }
        }

        return changes;
    }

    static string Key(int measureId, int year) => string.Create(CultureInfo.InvariantCulture, $"{measureId}/{year}");

    static object Parse(string key)
    {
        var parts = key.Split('/');
        return new { MeasureId = int.Parse(parts[0], CultureInfo.InvariantCulture), Year = int.Parse(parts[1], CultureInfo.InvariantCulture) };
    }
}

/// <summary>A planned effect as stored (a null amount in a draft means none that year).</summary>
sealed record ActionMeasureEffectValues(int Year, decimal? Planned);

/// <summary>A planned effect as the audit log records it, named by its åtgärd.</summary>
sealed record ActionMeasureEffectState(int MeasureId, string ActionMeasure, int Year, decimal Planned);

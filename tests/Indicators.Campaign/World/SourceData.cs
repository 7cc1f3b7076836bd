using System.Globalization;
using System.Text;
using Indicators.TestSupport.Hostile;
using Indicators.TestSupport.Sources;

namespace Indicators.Campaign.World;

/// <summary>An outcome's key as stored: indicator id, period, area and gender.</summary>
public readonly record struct ObservationKey(int IndicatorId, string Period, string AreaId, char Gender);

/// <summary>An outcome's content as stored: value and status.</summary>
public readonly record struct ObservationValue(decimal? Value, string Status);

/// <summary>
/// What every campaign source delivers, as a function of its generation: every indicator × year 2015–2024 × the 21
/// regions and riket × T/K/M. Each generation changes about a third of the values (each value changes every third
/// generation, the thirds staggered), some cells have no value (missing or suppressed). A complete run of generation g
/// leaves exactly <see cref="Expected"/>(g) in the source's outcomes, whatever was there before: that is what the
/// checks compare with.
/// </summary>
public static class SourceData
{
    public const int FirstYear = 2015;
    public const int LastYear = 2024;

    /// <summary>Kolada's region ids and riket (also the SCB län codes prefixed with "00").</summary>
    public static readonly string[] Areas =
        ["0000", "0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0012", "0013",
         "0014", "0017", "0018", "0019", "0020", "0021", "0022", "0023", "0024", "0025"];

    public static readonly char[] Genders = ['T', 'K', 'M'];

    public static IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    /// <summary>The value of one cell in one generation.</summary>
    public static ObservationValue Value(string indicatorCode, int year, string area, char gender, int generation)
    {
        var hash = Fnv($"{indicatorCode}|{year}|{area}|{gender}");
        var bucket = (uint)((generation + (int)(hash % 3)) / 3);
        var mixed = unchecked((hash ^ (bucket * 2654435761u)) * 2246822519u);
        mixed ^= mixed >> 13;
        if (mixed % 29 == 0)
        {
            return new ObservationValue(null, "missing");
        }

        if (mixed % 31 == 0)
        {
            return new ObservationValue(null, "suppressed");
        }

        return new ObservationValue(mixed % 100_000 / 10m, "ok");
    }

    /// <summary>The outcomes a complete run of this generation stores for the source.</summary>
    public static Dictionary<ObservationKey, ObservationValue> Expected(CampaignSource source, int generation)
    {
        ArgumentNullException.ThrowIfNull(source);
        var expected = new Dictionary<ObservationKey, ObservationValue>();
        foreach (var (code, id) in source.Indicators)
        {
            foreach (var year in Years)
            {
                foreach (var area in Areas)
                {
                    foreach (var gender in Genders)
                    {
                        expected[new ObservationKey(id, year.ToString(CultureInfo.InvariantCulture), area, gender)] = Value(code, year, area, gender, generation);
                    }
                }
            }
        }

        return expected;
    }

    /// <summary>Kolada's values for one data point: null values carry "Missing" (or nothing) or a secrecy status.</summary>
    public static IReadOnlyList<KoladaValue> Kolada(string indicatorCode, string area, int year, int generation)
    {
        if (year is < FirstYear or > LastYear || !Areas.Contains(area))
        {
            return [];
        }

        return [.. Genders.Select(g => Value(indicatorCode, year, area, g, generation) switch
        {
            { Status: "ok", Value: var v } => new KoladaValue(g.ToString(), v),
            { Status: "suppressed" } => new KoladaValue(g.ToString(), null, "Sekretess"),
            _ => new KoladaValue(g.ToString(), null, year % 2 == 0 ? "Missing" : ""),
        })];
    }

    /// <summary>SCB's cell: ".." for missing, "x" for confidential.</summary>
    public static PxWebCell PxWeb(string indicatorCode, string region, string kon, string tid, int generation)
    {
        var gender = kon switch { "1" => 'M', "2" => 'K', _ => 'T' };
        var value = Value(indicatorCode, int.Parse(tid, CultureInfo.InvariantCulture), "00" + region, gender, generation);
        return value.Status switch
        {
            "ok" => new PxWebCell(value.Value),
            "suppressed" => new PxWebCell(null, "x"),
            _ => new PxWebCell(null, ".."),
        };
    }

    /// <summary>The region's export format: semicolon, decimal comma, UTF-8; every cell of the generation.</summary>
    public static byte[] Csv(CampaignSource source, int generation)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder("indicator;period;area;gender;value;status\n");
        foreach (var (code, row) in Rows(source, generation))
        {
            text.Append(code).Append(';').Append(row.Year).Append(';').Append(row.Area).Append(';').Append(row.Gender).Append(';')
                .Append(row.Value.Value?.ToString("0.0", CultureInfo.GetCultureInfo("sv-SE")) ?? "").Append(';').Append(row.Value.Status).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The same as an .xlsx workbook: numbers as numeric cells, everything else as text.</summary>
    public static byte[] Xlsx(CampaignSource source, int generation)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rows = new List<IEnumerable<string>> { HostileCsv.Header.Select((h, i) => XlsxPackage.TextCell(XlsxPackage.Reference(i, 1), h)) };
        var number = 1;
        foreach (var (code, row) in Rows(source, generation))
        {
            number++;
            rows.Add(
            [
                XlsxPackage.TextCell(XlsxPackage.Reference(0, number), code),
                XlsxPackage.Cell(XlsxPackage.Reference(1, number), row.Year.ToString(CultureInfo.InvariantCulture)),
                XlsxPackage.TextCell(XlsxPackage.Reference(2, number), row.Area),
                XlsxPackage.TextCell(XlsxPackage.Reference(3, number), row.Gender.ToString()),
                row.Value.Value is { } v ? XlsxPackage.Cell(XlsxPackage.Reference(4, number), v.ToString(CultureInfo.InvariantCulture)) : "",
                XlsxPackage.TextCell(XlsxPackage.Reference(5, number), row.Value.Status),
            ]);
        }

        return XlsxPackage.Sound(rows).ToBytes();
    }

    static IEnumerable<(string Code, (int Year, string Area, char Gender, ObservationValue Value) Row)> Rows(CampaignSource source, int generation) =>
        from code in source.Indicators.Keys
        from year in Years
        from area in Areas
        from gender in Genders
        select (code, (year, area, gender, Value(code, year, area, gender, generation)));

    static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}

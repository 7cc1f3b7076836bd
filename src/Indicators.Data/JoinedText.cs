namespace Indicators.Data;

/// <summary>
/// A list read as one text joined by chr(31) (<c>string_agg(x, chr(31))</c>): Dapper cannot pass a text[] column to a
/// record's constructor, so queries that map to records aggregate lists this way.
/// </summary>
static class JoinedText
{
    public static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('\u001f');
}

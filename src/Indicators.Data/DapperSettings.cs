using System.Runtime.CompilerServices;
using Dapper;

namespace Indicators.Data;

/// <summary>Dapper's settings for every query of this assembly, set once when it loads.</summary>
static class DapperSettings
{
    /// <summary>
    /// Columns map to records without aliases: Dapper already matches names case-insensitively, and with this
    /// <c>area_id</c> also matches <c>AreaId</c>. A module initializer, so no process (web, worker, test, tool) can
    /// query through this assembly before it is set.
    /// </summary>
#pragma warning disable CA2255 // The assembly's own setting of the library it wraps, not a side effect on its host.
    [ModuleInitializer]
    internal static void Initialize() => DefaultTypeMap.MatchNamesWithUnderscores = true;
#pragma warning restore CA2255
}

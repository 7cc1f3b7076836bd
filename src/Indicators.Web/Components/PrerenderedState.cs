using System.Text.Json;

namespace Indicators.Web.Components;

/// <summary>
/// The one rule for state a page hands from its prerender to its interactive render ([PersistentState]): the browser
/// sends it back through SignalR when the circuit starts, so it must fit a hub message. State too large for that is
/// not kept, and the page reads its data again, as it would without the state.
/// </summary>
public static class PrerenderedState
{
    /// <summary>The largest SignalR message the hub accepts (Program.cs); SignalR's default of 32 KB was too small for a report.</summary>
    public const long MaxMessageBytes = 1024 * 1024;

    /// <summary>Protected and base64-encoded, state grows to about 1.4 times its JSON: half a message leaves room.</summary>
    const int MaxJsonBytes = (int)(MaxMessageBytes / 2);

    /// <summary><paramref name="state"/> when its JSON fits, otherwise null.</summary>
    public static T? KeepIfSmall<T>(T state) where T : class =>
        JsonSerializer.SerializeToUtf8Bytes(state).Length <= MaxJsonBytes ? state : null;
}

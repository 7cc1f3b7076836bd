namespace Indicators.Data;

/// <summary>
/// The database cannot be made ready: the embedded server is missing, a migration failed or the configuration is
/// incomplete. The message (Swedish / English) tells the person starting the app what to do; no stack trace needed.
/// </summary>
public class DatabaseStartupException : Exception
{
    public DatabaseStartupException(string message) : base(message) { }

    public DatabaseStartupException(string message, Exception inner) : base(message, inner) { }
}

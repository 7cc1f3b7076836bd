using System.Net.Sockets;
using Npgsql;

namespace Indicators.Data;

/// <summary>Which database errors mean the connection itself is gone, rather than a statement that failed.</summary>
public static class DatabaseFaults
{
    /// <summary>
    /// True when the exception (or one it wraps) says the session ended or could not be had: the server shut down or
    /// ended the session (57P01 admin shutdown, as a restart or pg_terminate_backend does; 57P02 crash; 57P03 not yet
    /// accepting connections), a connection-class error (08xxx), or Npgsql's socket broke or was refused. Statement errors
    /// (a constraint, bad data, a cancelled query) are not, and neither is a socket error outside Npgsql (an HTTP source's).
    /// </summary>
    public static bool IsConnectionLoss(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                        or PostgresErrorCodes.CannotConnectNow || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { InnerException: IOException or SocketException }:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsConnectionLoss);
            }
        }

        return false;
    }
}

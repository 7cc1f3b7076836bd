using Indicators.Data;

namespace Indicators.LocalPostgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) the embedded database is made with.</summary>
public static class PostgresServerBinaries
{
    /// <summary>
    /// The configured folder if given; otherwise the newest /usr/lib/postgresql/N/bin (Debian and Ubuntu),
    /// then any folder on PATH that holds both programs.
    /// </summary>
    public static string Find(string? configuredFolder)
    {
        if (!string.IsNullOrWhiteSpace(configuredFolder))
        {
            return HasServerPrograms(configuredFolder)
                ? configuredFolder
                : throw new PostgresNotFoundException(
                    $"Mappen {configuredFolder} (Database:ServerBinaries) saknar initdb och pg_ctl. " +
                    $"/ The folder {configuredFolder} (Database:ServerBinaries) does not contain initdb and pg_ctl.");
        }

        var candidates = new List<string>();
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

        return candidates.FirstOrDefault(HasServerPrograms) ?? throw new PostgresNotFoundException(
            "PostgreSQL-serverns program (initdb, pg_ctl) hittades inte. Installera PostgreSQL-servern " +
            "(Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@15), ange mappen i " +
            "Database:ServerBinaries, eller ange en anslutningssträng i ConnectionStrings:Indicators. " +
            "/ PostgreSQL server programs (initdb, pg_ctl) were not found. Install the PostgreSQL server, set " +
            "Database:ServerBinaries to their folder, or configure a connection string in ConnectionStrings:Indicators.");
    }

    static bool HasServerPrograms(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
}

/// <summary>The embedded database cannot be started: the message says what to install or configure.</summary>
public sealed class PostgresNotFoundException(string message) : DatabaseStartupException(message);

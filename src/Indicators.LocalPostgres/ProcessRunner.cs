using System.Diagnostics;
using System.Text;
using Indicators.Data;

namespace Indicators.LocalPostgres;

/// <summary>Runs the PostgreSQL programs, as the postgres user when we are root (initdb and pg_ctl refuse root).</summary>
sealed class ProcessRunner(bool runAsPostgresUser)
{
    public const string PostgresUser = "postgres";

    public bool RunAsPostgresUser => runAsPostgresUser;

    public async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsPostgresUser)
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(PostgresUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString().Trim());
    }

    public async Task RunCheckedAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(program, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new DatabaseStartupException($"{Path.GetFileName(program)} failed with exit code {exitCode}: {output}");
        }
    }

    /// <summary>Hands a file or folder to the postgres user (only needed when running as root).</summary>
    public async Task GiveToPostgresUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!runAsPostgresUser)
        {
            return;
        }

        var (exitCode, output) = await new ProcessRunner(false).RunAsync("chown", ["-R", $"{PostgresUser}:", path], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"chown {path} failed: {output}");
        }
    }

    /// <summary>Whether the postgres user can enter a folder (it cannot enter /root, for example).</summary>
    public async Task<bool> PostgresUserCanEnterAsync(string folder, CancellationToken cancellationToken)
    {
        if (!runAsPostgresUser)
        {
            return true;
        }

        var (exitCode, _) = await RunAsync("test", ["-x", folder, "-a", "-r", folder], cancellationToken);
        return exitCode == 0;
    }
}

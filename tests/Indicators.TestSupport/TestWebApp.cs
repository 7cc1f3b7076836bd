using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Indicators.TestSupport;

/// <summary>
/// The real web app, as Program.cs builds it, against a test database. The Hangfire server is off unless asked for,
/// so page tests do not race background jobs.
/// </summary>
public sealed class TestWebApp(string? connectionString, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>
    /// The hosting environment. Development by default, for its stricter checks of the service container; deployment
    /// tests use Production, or what `dotnet run` uses (<see cref="LaunchProfile"/>).
    /// </summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Starts Kestrel on a free loopback port, for a real browser, and returns its base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Indicators", connectionString ?? "");
        builder.UseSetting("DemoPlan:Enabled", "false");
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}

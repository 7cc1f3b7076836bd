using System.Text.Json;

namespace Indicators.TestSupport;

/// <summary>How the README's `dotnet run --project src/Indicators.Web` starts the app: its first launch profile.</summary>
public static class LaunchProfile
{
    /// <summary>The environment that profile sets, or Production (ASP.NET Core's default) when it sets none.</summary>
    public static string EnvironmentName
    {
        get
        {
            using var settings = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("src/Indicators.Web/Properties/launchSettings.json")));
            var profile = settings.RootElement.GetProperty("profiles").EnumerateObject()
                .First(p => p.Value.TryGetProperty("commandName", out var command) && command.GetString() == "Project").Value;
            return profile.TryGetProperty("environmentVariables", out var variables)
                && variables.TryGetProperty("ASPNETCORE_ENVIRONMENT", out var environment)
                ? environment.GetString()!
                : "Production";
        }
    }
}

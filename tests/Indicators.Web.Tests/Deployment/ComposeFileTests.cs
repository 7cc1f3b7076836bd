using System.Text.RegularExpressions;
using Indicators.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Indicators.Web.Tests.Deployment;

/// <summary>
/// docker/compose.yaml as `docker compose` reads it (no Docker engine here): what the web and worker services get with
/// nothing set in the environment, and with the documented variables set.
/// </summary>
public partial class ComposeFileTests
{
    static YamlMappingNode Service(string name)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Repository.PathOf("docker/compose.yaml"));
        yaml.Load(reader);
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        return (YamlMappingNode)services[name];
    }

    static string EnvironmentOf(string service, string key, IReadOnlyDictionary<string, string> variables) =>
        Interpolate(((YamlScalarNode)((YamlMappingNode)Service(service)["environment"])[key]).Value!, variables);

    /// <summary>Compose's ${VAR}, ${VAR:-default} and ${VAR-default}.</summary>
    static string Interpolate(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, match =>
        {
            var set = variables.TryGetValue(match.Groups["name"].Value, out var found);
            var fallback = match.Groups["default"].Value;
            return match.Groups["op"].Value switch
            {
                ":-" => set && found!.Length > 0 ? found! : fallback,
                "-" => set ? found! : fallback,
                _ => set ? found! : "",
            };
        });

    static List<string> HealthcheckTest(string service) =>
        ((YamlSequenceNode)((YamlMappingNode)Service(service)["healthcheck"])["test"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

    [Fact]
    public void The_demo_plan_and_its_demo_users_are_loaded_only_when_INDICATORS_DEMO_asks_for_them()
    {
        Assert.Equal("false", EnvironmentOf("web", "DemoPlan__Enabled", new Dictionary<string, string>()));
        Assert.Equal("true", EnvironmentOf("web", "DemoPlan__Enabled", new Dictionary<string, string> { ["INDICATORS_DEMO"] = "true" }));
        Assert.Equal("false", EnvironmentOf("worker", "DemoPlan__Enabled", new Dictionary<string, string> { ["INDICATORS_DEMO"] = "true" }));
    }

    [Fact]
    public void No_proxy_is_trusted_unless_INDICATORS_TRUSTED_PROXIES_names_it()
    {
        Assert.Equal("", EnvironmentOf("web", "ForwardedHeaders__KnownNetworks", new Dictionary<string, string>()));
        Assert.Equal("172.18.0.0/16", EnvironmentOf("web", "ForwardedHeaders__KnownNetworks", new Dictionary<string, string> { ["INDICATORS_TRUSTED_PROXIES"] = "172.18.0.0/16" }));
    }

    [Fact]
    public void Web_and_worker_have_healthchecks_through_their_own_health_commands()
    {
        Assert.Equal(["CMD", "dotnet", "Indicators.Web.dll", "health"], HealthcheckTest("web"));
        Assert.Equal(["CMD", "dotnet", "Indicators.Worker.dll", "health"], HealthcheckTest("worker"));
        // The images start the same assemblies from their working directory, where the healthcheck runs too.
        var dockerfile = File.ReadAllText(Repository.PathOf("docker/Dockerfile"));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Indicators.Web.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Indicators.Worker.dll\"]", dockerfile, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{(?<name>\w+)(?:(?<op>:?-)(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}

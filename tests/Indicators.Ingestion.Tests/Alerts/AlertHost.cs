using Indicators.Data;
using Indicators.Ingestion.Alerts;
using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Indicators.Ingestion.Tests.Alerts;

/// <summary>
/// The scanner and sender as the worker wires them, with Hangfire storage but no server (the test scans and sends),
/// links to http://indicators.test and mail to a pickup folder; <c>more</c> adds or overrides settings.
/// </summary>
static class AlertHost
{
    public static IHost Build(
        string connectionString, StubServer? kolada, string pickupFolder, IReadOnlyDictionary<string, string?>? more = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:Indicators"] = connectionString;
        builder.Configuration["Sources:Kolada:BaseUrl"] = kolada?.Url("v3") ?? "http://127.0.0.1:9/v3";
        builder.Configuration["Notifications:BaseUrl"] = "http://indicators.test";
        builder.Configuration["Notifications:PickupFolder"] = pickupFolder;
        builder.Configuration["Hangfire:Server:Enabled"] = "false";
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        builder.AddIndicatorsIngestion();
        builder.AddIndicatorsAlerts();
        return builder.Build();
    }
}

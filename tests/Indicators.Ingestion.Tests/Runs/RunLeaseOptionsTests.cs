using Indicators.Data;
using Indicators.Ingestion.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Indicators.Ingestion.Tests.Runs;

public class RunLeaseOptionsTests
{
    [Fact]
    public void A_lease_shorter_than_two_heartbeats_stops_the_start_with_what_is_wrong()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Indicators"] = "Host=127.0.0.1;Database=none";
        builder.Configuration["Hangfire:Server:Enabled"] = "false";
        builder.Configuration["Ingestion:Runs:HeartbeatInterval"] = "00:00:10";
        builder.Configuration["Ingestion:Runs:Lease"] = "00:00:15";
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsIngestion();
        using var host = builder.Build();

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RunLeaseOptions>>().Value);

        Assert.Equal("Ingestion:Runs:Lease (00:00:15) must be at least twice HeartbeatInterval (00:00:10).", refused.Message);
    }
}

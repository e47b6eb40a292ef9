using System.Diagnostics.Metrics;

namespace KinerjaBot.Protocol.Connector;

/// <summary>
/// The connector's pacing as metrics (meter <see cref="MeterName"/>, for an OpenTelemetry or <c>dotnet-counters</c>
/// exporter): how late calls leave after their tenant slot, how many slots were given up because a call left too late,
/// and how often a 429 paused a tenant. Together they say whether a deployment reaches the tenant's pace
/// (docs/benchmarks.md, "Delivery engine").
/// </summary>
public sealed class ConnectorMetrics
{
    public const string MeterName = "KinerjaBot.Connector";

    public ConnectorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        Lateness = meter.CreateHistogram<double>("kinerjabot.connector.slot.lateness", "ms",
            "How long after its tenant slot a call was ready to leave");
        SlotsGivenUp = meter.CreateCounter<long>("kinerjabot.connector.slot.given_up", "{slot}",
            "Slots given up because the call was ready later than the jitter allowance after them");
        TenantPauses = meter.CreateCounter<long>("kinerjabot.connector.tenant.pauses", "{pause}",
            "429 answers that paused every call to the tenant");
    }

    public Histogram<double> Lateness { get; }

    public Counter<long> SlotsGivenUp { get; }

    public Counter<long> TenantPauses { get; }
}

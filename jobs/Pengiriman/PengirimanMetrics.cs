using System.Diagnostics.Metrics;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>
/// The delivery engine as metrics (meter <see cref="MeterName"/>): how long the in-flight mark takes to write — the
/// store's part of the preparation a send does just before its slot (<c>Kinerja:Connector:WaktuPersiapan</c> should
/// cover it) — and the outcomes of sends.
/// </summary>
public sealed class PengirimanMetrics
{
    public const string MeterName = "Kinerja.Pengiriman";

    public PengirimanMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        TandaMengirim = meter.CreateHistogram<double>("kinerja.pengiriman.in_flight_mark.duration", "ms",
            "How long writing a send's in-flight mark to the ledger took");
        Hasil = meter.CreateCounter<long>("kinerja.pengiriman.outcomes", "{delivery}", "Deliveries closed, by status");
    }

    public Histogram<double> TandaMengirim { get; }

    public Counter<long> Hasil { get; }
}

using System.ComponentModel.DataAnnotations;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>The delivery engine (<c>Kinerja:Pengiriman</c>, docs/pengiriman.md).</summary>
public sealed class PengirimanOptions
{
    public const string Section = "Kinerja:Pengiriman";

    /// <summary>Deliveries per Hangfire job: the unit several workers (and instances) share.</summary>
    [Range(1, 1000)]
    public int UkuranBatch { get; set; } = 100;

    /// <summary>Sends in flight at once inside one job; the connector's rate limiter sets the actual pace.</summary>
    [Range(1, 256)]
    public int Paralel { get; set; } = 8;

    /// <summary>
    /// Attempts that sent nothing (outage, no token, Graph failing) before a delivery is given up as failed. Attempts
    /// Teams throttled (429, or the tenant paused by one) do not count: they wait out the <c>Retry-After</c> and go again.
    /// </summary>
    [Range(1, 100)]
    public int PercobaanMaksimum { get; set; } = 5;

    /// <summary>Wait before another attempt when Teams did not say how long (<c>Retry-After</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan JedaCobaLagi { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a send may be in flight before it is taken as interrupted (a crashed or hung worker) and closed as
    /// failed, "mungkin terkirim". Longer than a connector call with its retries and the longest <c>Retry-After</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BatasMengirim { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The Hangfire invisibility timeout (<c>Kinerja:Jadwal:BatasTakTerlihat</c>, copied here by the host): after it, a
    /// job fetched by a worker that died is run again by another. Not set under <c>Kinerja:Pengiriman</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BatasTakTerlihat { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The margin on top of <see cref="BatasTakTerlihat"/> before the recovery job queues again a due delivery that is
    /// not in flight, has not changed for that long and that no live Hangfire job names (its job was deleted after its
    /// attempts, or the process stopped between the ledger and the queue).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan TenggangPemulihan { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most open deliveries the recovery job looks at per run.</summary>
    [Range(1, 1_000_000)]
    public int BatasPemulihan { get; set; } = 20_000;

    /// <summary>Registers the test message (kind <c>uji-pengiriman</c>) for load tests and a deployment's smoke test.</summary>
    public bool PesanUji { get; set; }

    /// <summary>Local hour (office zone) at which a delivery snoozed with <i>Ingatkan besok</i> comes back on the next working day.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:00")]
    public TimeSpan JamIngatkanBesok { get; set; } = TimeSpan.FromHours(8);
}

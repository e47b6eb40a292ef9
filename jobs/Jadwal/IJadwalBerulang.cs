using Hangfire;

namespace Kinerja.Jobs.Jadwal;

/// <summary>
/// Registers one area's recurring jobs with Hangfire through <see cref="IRecurringJobManager"/>, per office in the
/// office's IANA time zone. The host calls every registered implementation on start, and <see cref="SinkronJadwalJob"/>
/// every hour (an import by the CLI adds or removes offices from another process); registering is idempotent.
/// </summary>
public interface IJadwalBerulang
{
    Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken);
}

using Hangfire;

namespace Kinerja.Jobs.Jadwal;

/// <summary>
/// Registers one area's recurring jobs with Hangfire through <see cref="IRecurringJobManager"/>, per office in the
/// office's IANA time zone. The host calls every registered implementation on start (and again after an import
/// adds an office); registering is idempotent.
/// </summary>
public interface IJadwalBerulang
{
    Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken);
}

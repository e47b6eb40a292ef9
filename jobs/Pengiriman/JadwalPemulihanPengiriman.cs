using Hangfire;
using Kinerja.Jobs.Jadwal;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>
/// The delivery engine's own recurring job: <see cref="PekerjaPengiriman.PulihkanAsync"/> every minute (never twice at
/// once; a missed minute is not caught up after a restart, the next one does the same work).
/// </summary>
public sealed class JadwalPemulihanPengiriman : IJadwalBerulang
{
    public Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdate<PekerjaPengiriman>(PekerjaPengiriman.IdPemulihan, j => j.PulihkanAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        return Task.CompletedTask;
    }
}

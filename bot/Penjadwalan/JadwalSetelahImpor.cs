using System.Data.Common;
using Hangfire;
using Hangfire.Storage;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Jadwal;
using KinerjaBot.Import;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Penjadwalan;

/// <summary>
/// An office imported in the bot's process (the demo office on first start, any in-process import) gets its scheduled
/// jobs at once instead of at the next <c>jadwal-sinkron</c> run: every <see cref="IJadwalKantor"/> registers it. Safe with
/// several instances on one storage (AddOrUpdate is idempotent and takes the job's lock). When Hangfire's storage or the
/// store cannot be reached now, the import still counts (its data is saved) and the sync catches up within
/// <see cref="PenjadwalanOptions.IntervalSinkron"/>.
/// </summary>
internal sealed partial class JadwalSetelahImpor(
    IEnumerable<IJadwalKantor> jadwal,
    IRecurringJobManager manager,
    IOptions<PenjadwalanOptions> options,
    ILogger<JadwalSetelahImpor> logger) : IPengamatImpor
{
    public async Task KantorDiimporAsync(HasilSimpanKantor hasil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hasil);
        foreach (var j in jadwal)
        {
            try
            {
                await j.DaftarkanKantorAsync(hasil.KodeKantor, manager, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbException or DistributedLockTimeoutException or TimeoutException or InvalidOperationException)
            {
                Log.Tertunda(logger, e, hasil.KodeKantor, j.GetType().Name, options.Value.IntervalSinkron);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9531, Level = LogLevel.Warning, Message = "Office {KodeKantor} imported, but the jobs of {Jadwal} could not be registered now; the sync job registers them within {Interval}")]
        public static partial void Tertunda(ILogger logger, Exception e, string kodeKantor, string jadwal, TimeSpan interval);
    }
}

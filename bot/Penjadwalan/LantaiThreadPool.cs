namespace KinerjaBot.Penjadwalan;

/// <summary>
/// Raises the thread pool's floor for a host that runs Hangfire workers: at least one worker thread per send the
/// delivery engine may have in flight (<c>Kinerja:Jadwal:JumlahPekerja</c> × <c>Kinerja:Pengiriman:Paralel</c>) plus
/// one per core, at most <see cref="Maksimum"/>.
/// <para>
/// Why: every send makes a few store calls, and Microsoft.Data.Sqlite does its I/O synchronously on the calling thread.
/// With the pool at its default floor (one thread per core) those calls keep its few threads busy, and the work items
/// that fire timers — the connector's waits for its tenant slots — queue behind them: measured on 2 cores, a fan-out
/// at 28/s saw every slot of up to a second fire at once about once a minute, 3 % of the slots given up as late and
/// 94 % of the limit reached. With this floor: p99 8 ms after the slot, 1 slot in 2,000 given up (docs/benchmarks.md).
/// The pool still grows beyond it by itself; the floor only spares the wait for its slow thread injection.
/// </para>
/// </summary>
public static partial class LantaiThreadPool
{
    public const int Maksimum = 512;

    /// <summary>The floor for <paramref name="pekerja"/> Hangfire workers each sending <paramref name="paralel"/> at once.</summary>
    public static int Untuk(int pekerja, int paralel) => Math.Min(Maksimum, (pekerja * paralel) + Environment.ProcessorCount);

    /// <summary>Raises the pool's minimum of worker threads to <see cref="Untuk"/> when it is lower (never lowers it).</summary>
    public static void Terapkan(int pekerja, int paralel, ILogger logger)
    {
        var lantai = Untuk(pekerja, paralel);
        ThreadPool.GetMinThreads(out var worker, out var io);
        if (worker >= lantai)
        {
            return;
        }

        if (ThreadPool.SetMinThreads(lantai, io))
        {
            Log.Raised(logger, worker, lantai, pekerja, paralel);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9532, Level = LogLevel.Information,
            Message = "Thread pool floor raised from {From} to {To} worker threads ({Workers} Hangfire workers × {Parallel} sends each, plus one per core)")]
        public static partial void Raised(ILogger logger, int from, int to, int workers, int parallel);
    }
}

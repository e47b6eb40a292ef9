using Hangfire;

namespace Kinerja.Jobs.Jadwal;

/// <summary>
/// Registers one area's recurring jobs with Hangfire through <see cref="IRecurringJobManager"/>. The host calls every
/// registered implementation once on start; registering is idempotent.
/// </summary>
public interface IJadwalBerulang
{
    Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken);
}

/// <summary>
/// Recurring jobs that follow the offices in the store (one per office, in the office's zone). Besides the start, they are
/// brought in line by <see cref="SinkronJadwalJob"/> every few minutes (an import by the CLI, another process, adds or
/// changes offices) and for one office right after an import in the bot's own process.
/// </summary>
public interface IJadwalKantor : IJadwalBerulang
{
    /// <summary>
    /// Brings the registered jobs in line with the store and touches only what differs: an office whose version did not
    /// move since the last run, and whose job is still registered, is neither read nor written.
    /// </summary>
    Task<HasilSinkron> SinkronkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken);

    /// <summary>Registers (or corrects) the jobs of one office now, e.g. right after it was imported. Idempotent.</summary>
    Task DaftarkanKantorAsync(string kodeKantor, IRecurringJobManager manager, CancellationToken cancellationToken);
}

/// <summary>What one sync did: offices in the store, offices read (their version moved or their job was missing), jobs written, jobs removed.</summary>
public sealed record HasilSinkron(int Kantor, int Dibaca, int Ditulis, int Dihapus)
{
    public bool AdaPerubahan => Ditulis + Dihapus > 0;
}

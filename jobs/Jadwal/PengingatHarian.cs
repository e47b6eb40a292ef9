using System.Collections.Concurrent;
using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengingat;
using Kinerja.Jobs.Pengiriman;
using Microsoft.Extensions.Logging;

namespace Kinerja.Jobs.Jadwal;

/// <summary>
/// The daily run of one office (a recurring job per office, Monday–Friday at <see cref="PengingatOptions.JamKirim"/>
/// in the office's zone): on a working day of the office's calendar, every planner decides what is due and the whole
/// plan goes to the delivery engine, which records each key once — so a re-run of the same day sends nothing twice.
/// Holidays and <i>cuti bersama</i> are skipped here (cron cannot know them). Takes the office code, not the office.
/// </summary>
public sealed partial class PengingatHarianJob(
    DataPengingat sumber,
    IEnumerable<IPerencanaPengiriman> perencana,
    IPengirimanMassal pengiriman,
    TimeProvider time,
    ILogger<PengingatHarianJob> logger)
{
    /// <summary>One run per office at a time (the lock's resource names the office); a second waits up to 10 minutes, then fails.</summary>
    [DisableConcurrentExecution("pengingat-harian:{0}", 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<HasilRencana?> JalankanAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            Log.KantorTidakAda(logger, kodeKantor);
            return null;
        }

        var sekarang = time.GetUtcNow();
        var hariIni = DataPengingat.HariIni(data, sekarang);
        if (!sumber.Kalender.HariKerja(kodeKantor, hariIni))
        {
            Log.BukanHariKerja(logger, kodeKantor, hariIni.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return null;
        }

        var semua = new List<RencanaKirim>();
        foreach (var p in perencana)
        {
            var rencana = await p.RencanakanAsync(kodeKantor, hariIni, sekarang, cancellationToken).ConfigureAwait(false);
            Log.Direncanakan(logger, kodeKantor, p.Nama, rencana.Count);
            semua.AddRange(rencana);
        }

        if (semua.Count == 0)
        {
            return new HasilRencana(0, 0);
        }

        var hasil = await pengiriman.RencanakanAsync(semua, cancellationToken).ConfigureAwait(false);
        Log.Diserahkan(logger, kodeKantor, hasil.Baru, hasil.SudahAda);
        return hasil;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9200, Level = LogLevel.Warning, Message = "Daily run: office {KodeKantor} is not in the store")]
        public static partial void KantorTidakAda(ILogger logger, string kodeKantor);

        [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Daily run: {Tanggal} is not a working day of office {KodeKantor}, nothing planned")]
        public static partial void BukanHariKerja(ILogger logger, string kodeKantor, string tanggal);

        [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Daily run: office {KodeKantor}, planner {Perencana}: {Jumlah} deliveries due")]
        public static partial void Direncanakan(ILogger logger, string kodeKantor, string perencana, int jumlah);

        [LoggerMessage(EventId = 9203, Level = LogLevel.Information, Message = "Daily run: office {KodeKantor} handed to delivery: {Baru} new, {SudahAda} already in the ledger")]
        public static partial void Diserahkan(ILogger logger, string kodeKantor, int baru, int sudahAda);
    }
}

/// <summary>
/// Registers <see cref="PengingatHarianJob"/> for every office in the store: id <c>pengingat-harian-{kode}</c>, cron
/// Monday–Friday at the configured hour, in the office's IANA zone, <see cref="MisfireHandlingMode.Ignorable"/> so a
/// restart after a downtime does not release a backlog of stale reminders. Idempotent. With the Hangfire storage at hand
/// (the host's) it compares with what is registered and writes only what differs, and removes the daily job of an
/// office no longer in the store. Run on start, by <see cref="SinkronJadwalJob"/> every few minutes (an office imported
/// by the CLI, another process, gets its daily job within that interval), and for one office right after an import in
/// the bot's process (<see cref="DaftarkanKantorAsync"/>).
/// </summary>
public sealed partial class JadwalPengingat(IKantorStore kantor, PengingatOptions options, ILogger<JadwalPengingat> logger, JobStorage? storage = null) : IJadwalKantor
{
    public const string Awalan = "pengingat-harian-";

    private static readonly string MisfireDiabaikan = MisfireHandlingMode.Ignorable.ToString("D");

    /// <summary>
    /// Per office, the store version whose job was last found right or written (this process only: a restart or another
    /// instance starts empty and reads each office once). An office whose version is the same and whose job is still
    /// registered is skipped without reading it, so a run with nothing changed costs two small reads.
    /// </summary>
    private readonly ConcurrentDictionary<string, long> _versiSelaras = new(StringComparer.Ordinal);

    public static string IdJob(string kodeKantor) => Awalan + kodeKantor.ToLowerInvariant();

    public string Cron => string.Create(CultureInfo.InvariantCulture, $"0 {options.JamKirim} * * 1-5");

    public async Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken) =>
        await SinkronkanAsync(manager, cancellationToken).ConfigureAwait(false);

    public async Task<HasilSinkron> SinkronkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        // The registered ids first, the store after: a job an import registers in between belongs to an office the store
        // read below already holds, so it is never taken for the job of a removed office.
        var ada = IdTerdaftar();
        var versi = await kantor.DaftarVersiKantorAsync(cancellationToken).ConfigureAwait(false);
        var kini = new HashSet<string>(StringComparer.Ordinal);
        var (dibaca, ditulis, dihapus) = (0, 0, 0);
        foreach (var (kode, v) in versi.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var id = IdJob(kode);
            kini.Add(id);
            if (ada is not null && ada.Contains(id) && _versiSelaras.TryGetValue(kode, out var selaras) && selaras == v)
            {
                continue;
            }

            dibaca++;
            if (await SelaraskanAsync(kode, manager, cancellationToken).ConfigureAwait(false))
            {
                ditulis++;
            }

            // The version read before the office was: if a save landed in between, the next run sees a newer one and looks again.
            _versiSelaras[kode] = v;
        }

        foreach (var hilang in _versiSelaras.Keys.Where(k => !versi.ContainsKey(k)).ToList())
        {
            _versiSelaras.TryRemove(hilang, out _);
        }

        foreach (var usang in ada?.Where(id => id.StartsWith(Awalan, StringComparison.Ordinal) && !kini.Contains(id)) ?? [])
        {
            manager.RemoveIfExists(usang);
            dihapus++;
            Log.Dihapus(logger, usang);
        }

        return new HasilSinkron(versi.Count, dibaca, ditulis, dihapus);
    }

    public async Task DaftarkanKantorAsync(string kodeKantor, IRecurringJobManager manager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kodeKantor);
        ArgumentNullException.ThrowIfNull(manager);
        // The version cache is left alone: the save raised the office's version, so the next sync reads it once more and
        // finds the job right (no write).
        await SelaraskanAsync(kodeKantor, manager, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the office and writes its job when the registered one differs (or is missing); true when written.</summary>
    private async Task<bool> SelaraskanAsync(string kode, IRecurringJobManager manager, CancellationToken cancellationToken)
    {
        var data = await kantor.MuatAsync(kode, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            // Removed meanwhile: the next sync removes its job.
            return false;
        }

        var zona = DataPengingat.Zona(data);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId);
        var id = IdJob(kode);
        if (SamaDenganTerdaftar(id, kode, tz))
        {
            return false;
        }

        manager.AddOrUpdate<PengingatHarianJob>(
            id,
            job => job.JalankanAsync(kode, CancellationToken.None),
            Cron,
            new RecurringJobOptions { TimeZone = tz, MisfireHandling = MisfireHandlingMode.Ignorable });
        Log.Terdaftar(logger, id, Cron, zona.IanaId);
        return true;
    }

    /// <summary>
    /// Whether the registered job is already what would be written: same cron, zone, misfire handling, and a call of
    /// <see cref="PengingatHarianJob.JalankanAsync"/> for this office (a job that no longer loads, e.g. after an upgrade
    /// renamed the method, is written again). False without a storage: then every job is written (AddOrUpdate is idempotent).
    /// </summary>
    private bool SamaDenganTerdaftar(string id, string kode, TimeZoneInfo tz)
    {
        if (storage is null)
        {
            return false;
        }

        using var connection = storage.GetConnection();
        var hash = connection.GetAllEntriesFromHash("recurring-job:" + id);
        if (hash is null
            || hash.GetValueOrDefault("Cron") != Cron
            || hash.GetValueOrDefault("TimeZoneId") != tz.Id
            || hash.GetValueOrDefault("Misfire") != MisfireDiabaikan
            || hash.GetValueOrDefault("Job") is not { Length: > 0 } payload)
        {
            return false;
        }

        try
        {
            var job = InvocationData.DeserializePayload(payload).DeserializeJob();
            return job.Type == typeof(PengingatHarianJob)
                && job.Method.Name == nameof(PengingatHarianJob.JalankanAsync)
                && job.Args.Count > 0
                && string.Equals(job.Args[0] as string, kode, StringComparison.Ordinal);
        }
        catch (JobLoadException)
        {
            return false;
        }
    }

    /// <summary>The recurring job ids in the storage, or null without one (the planners' tests run without Hangfire).</summary>
    private HashSet<string>? IdTerdaftar()
    {
        if (storage is null)
        {
            return null;
        }

        using var connection = storage.GetConnection();
        return connection.GetAllItemsFromSet("recurring-jobs").ToHashSet(StringComparer.Ordinal);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9210, Level = LogLevel.Information, Message = "Recurring job {Id} registered: {Cron} in {Zona}")]
        public static partial void Terdaftar(ILogger logger, string id, string cron, string zona);

        [LoggerMessage(EventId = 9211, Level = LogLevel.Information, Message = "Recurring job {Id} removed: its office is no longer in the store")]
        public static partial void Dihapus(ILogger logger, string id);
    }
}

/// <summary>
/// Every <see cref="JadwalSinkron.Interval"/> (<see cref="Id"/>), every <see cref="IJadwalKantor"/> brings its jobs in line
/// with the store: offices imported since (by the CLI, another process) get their daily job, removed ones lose it, and
/// nothing is written when nothing changed. Never twice at once; a missed run is not caught up.
/// </summary>
public sealed partial class SinkronJadwalJob(IEnumerable<IJadwalKantor> jadwal, IRecurringJobManager manager, ILogger<SinkronJadwalJob> logger)
{
    public const string Id = "jadwal-sinkron";

    [DisableConcurrentExecution("jadwal-sinkron", 300)]
    [AutomaticRetry(Attempts = 1)]
    public async Task JalankanAsync(CancellationToken cancellationToken)
    {
        foreach (var j in jadwal)
        {
            var hasil = await j.SinkronkanAsync(manager, cancellationToken).ConfigureAwait(false);
            if (hasil.AdaPerubahan)
            {
                Log.Berubah(logger, j.GetType().Name, hasil.Ditulis, hasil.Dihapus, hasil.Dibaca, hasil.Kantor);
            }
            else
            {
                Log.Selesai(logger, j.GetType().Name, hasil.Dibaca, hasil.Kantor);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9212, Level = LogLevel.Debug, Message = "Schedule {Jadwal} in line with the store, nothing written ({Dibaca} of {Kantor} offices read)")]
        public static partial void Selesai(ILogger logger, string jadwal, int dibaca, int kantor);

        [LoggerMessage(EventId = 9213, Level = LogLevel.Information, Message = "Schedule {Jadwal} synchronised with the store: {Ditulis} jobs written, {Dihapus} removed ({Dibaca} of {Kantor} offices read)")]
        public static partial void Berubah(ILogger logger, string jadwal, int ditulis, int dihapus, int dibaca, int kantor);
    }
}

/// <summary>
/// Registers <see cref="SinkronJadwalJob"/> every <see cref="Interval"/> (a whole number of minutes dividing an hour, so
/// the runs are evenly spaced: cron <c>*/5 * * * *</c> for the default 5 minutes), misfires ignored.
/// </summary>
public sealed class JadwalSinkron(TimeSpan interval) : IJadwalBerulang
{
    public static readonly TimeSpan IntervalBawaan = TimeSpan.FromMinutes(5);

    public JadwalSinkron()
        : this(IntervalBawaan)
    {
    }

    public TimeSpan Interval { get; } = IntervalSah(interval)
        ? interval
        : throw new ArgumentOutOfRangeException(nameof(interval), interval, "Whole minutes, 1 to 60, dividing 60.");

    public string Cron => CronUntuk(Interval);

    /// <summary>1–60 whole minutes that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60): a cron step can express it.</summary>
    public static bool IntervalSah(TimeSpan interval) =>
        interval.Ticks % TimeSpan.TicksPerMinute == 0 && interval >= TimeSpan.FromMinutes(1) && interval <= TimeSpan.FromHours(1)
        && 60 % (int)interval.TotalMinutes == 0;

    public static string CronUntuk(TimeSpan interval) => (int)interval.TotalMinutes switch
    {
        60 => Hangfire.Cron.Hourly(),
        1 => Hangfire.Cron.Minutely(),
        var m => string.Create(CultureInfo.InvariantCulture, $"*/{m} * * * *"),
    };

    public Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdate<SinkronJadwalJob>(SinkronJadwalJob.Id, j => j.JalankanAsync(CancellationToken.None), Cron,
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        return Task.CompletedTask;
    }
}

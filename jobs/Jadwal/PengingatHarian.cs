using System.Globalization;
using Hangfire;
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
/// restart after a downtime does not release a backlog of stale reminders. Idempotent (AddOrUpdate). With the Hangfire
/// storage at hand (the host's) it also removes the daily job of an office no longer in the store. Run on start and
/// every hour by <see cref="SinkronJadwalJob"/>, so an office imported (by the CLI, another process) gets its daily job
/// within the hour and a removed one stops.
/// </summary>
public sealed partial class JadwalPengingat(IKantorStore kantor, PengingatOptions options, ILogger<JadwalPengingat> logger, JobStorage? storage = null) : IJadwalBerulang
{
    public const string Awalan = "pengingat-harian-";

    public static string IdJob(string kodeKantor) => Awalan + kodeKantor.ToLowerInvariant();

    public string Cron => string.Create(CultureInfo.InvariantCulture, $"0 {options.JamKirim} * * 1-5");

    public async Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var ada = IdTerdaftar();
        var kini = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kode in await kantor.DaftarKantorAsync(cancellationToken).ConfigureAwait(false))
        {
            var data = await kantor.MuatAsync(kode, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                continue;
            }

            var zona = DataPengingat.Zona(data);
            var id = IdJob(kode);
            kini.Add(id);
            manager.AddOrUpdate<PengingatHarianJob>(
                id,
                job => job.JalankanAsync(kode, CancellationToken.None),
                Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId), MisfireHandling = MisfireHandlingMode.Ignorable });
            if (ada is null || !ada.Contains(id))
            {
                Log.Terdaftar(logger, id, Cron, zona.IanaId);
            }
        }

        foreach (var usang in ada?.Where(id => id.StartsWith(Awalan, StringComparison.Ordinal) && !kini.Contains(id)) ?? [])
        {
            manager.RemoveIfExists(usang);
            Log.Dihapus(logger, usang);
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
/// Every hour (<see cref="Id"/>), every <see cref="IJadwalBerulang"/> registers its recurring jobs again: offices
/// imported since the start get their daily job, removed ones lose it. Never twice at once; a missed hour is not caught up.
/// </summary>
public sealed partial class SinkronJadwalJob(IEnumerable<IJadwalBerulang> jadwal, IRecurringJobManager manager, ILogger<SinkronJadwalJob> logger)
{
    public const string Id = "jadwal-sinkron";

    [DisableConcurrentExecution("jadwal-sinkron", 300)]
    [AutomaticRetry(Attempts = 1)]
    public async Task JalankanAsync(CancellationToken cancellationToken)
    {
        var jumlah = 0;
        foreach (var j in jadwal)
        {
            await j.DaftarkanAsync(manager, cancellationToken).ConfigureAwait(false);
            jumlah++;
        }

        Log.Selesai(logger, jumlah);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9212, Level = LogLevel.Debug, Message = "Recurring jobs of {Jumlah} schedules synchronised with the store")]
        public static partial void Selesai(ILogger logger, int jumlah);
    }
}

/// <summary>Registers <see cref="SinkronJadwalJob"/>: hourly, misfires ignored.</summary>
public sealed class JadwalSinkron : IJadwalBerulang
{
    public Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdate<SinkronJadwalJob>(SinkronJadwalJob.Id, j => j.JalankanAsync(CancellationToken.None), Hangfire.Cron.Hourly(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        return Task.CompletedTask;
    }
}

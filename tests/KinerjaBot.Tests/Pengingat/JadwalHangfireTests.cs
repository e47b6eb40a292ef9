using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Kinerja.Jobs.Jadwal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KinerjaBot.Tests.Pengingat;

/// <summary>
/// The recurring jobs registered through <see cref="IRecurringJobManager"/> against real Hangfire storage (SQLite on a
/// temp file), read back: one per office, cron Monday–Friday at 08:00, the office's IANA zone, misfires ignored, and
/// the next execution at 08:00 local of the next working weekday.
/// </summary>
public sealed class JadwalHangfireTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kinerja-hangfire-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [Fact]
    public async Task DaftarkanTigaKantor_CronZonaMisfireDanEksekusiBerikutnyaTerbacaDariStorage()
    {
        // Friday 15 January 2027 02:00 UTC: 09:00 WIB, 10:00 WITA, 11:00 WIT — today's 08:00 has passed everywhere.
        var sekarang = new DateTimeOffset(2027, 1, 15, 2, 0, 0, TimeSpan.Zero);
        using var h = new PengingatHarness(sekarang);
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WIB", "Asia/Jakarta"));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WITA", "Asia/Makassar"));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WIT", "Asia/Jayapura"));
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions());
        var manager = ManagerPada(storage, h);
        var jadwal = h.Services.GetServices<IJadwalBerulang>().OfType<JadwalPengingat>().Single();

        await jadwal.DaftarkanAsync(manager, CancellationToken.None);
        await jadwal.DaftarkanAsync(manager, CancellationToken.None); // idempotent: a restart registers the same jobs

        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["pengingat-harian-kppn-wib", "pengingat-harian-kppn-wit", "pengingat-harian-kppn-wita"], jobs.Select(j => j.Id));
        var perId = jobs.ToDictionary(j => j.Id);
        Assert.All(jobs, j => Assert.Equal("0 8 * * 1-5", j.Cron));
        Assert.Equal("Asia/Jakarta", perId["pengingat-harian-kppn-wib"].TimeZoneId);
        Assert.Equal("Asia/Makassar", perId["pengingat-harian-kppn-wita"].TimeZoneId);
        Assert.Equal("Asia/Jayapura", perId["pengingat-harian-kppn-wit"].TimeZoneId);

        // Next: Monday 18 January 2027 at 08:00 local = 01:00, 00:00 and Sunday 23:00 UTC.
        Assert.Equal(new DateTime(2027, 1, 18, 1, 0, 0, DateTimeKind.Utc), perId["pengingat-harian-kppn-wib"].NextExecution);
        Assert.Equal(new DateTime(2027, 1, 18, 0, 0, 0, DateTimeKind.Utc), perId["pengingat-harian-kppn-wita"].NextExecution);
        Assert.Equal(new DateTime(2027, 1, 17, 23, 0, 0, DateTimeKind.Utc), perId["pengingat-harian-kppn-wit"].NextExecution);

        foreach (var job in jobs)
        {
            Assert.Equal(typeof(PengingatHarianJob), job.Job.Type);
            Assert.Equal(nameof(PengingatHarianJob.JalankanAsync), job.Job.Method.Name);
            Assert.Equal(job.Id["pengingat-harian-".Length..], ((string)job.Job.Args[0]).ToLowerInvariant());
            var hash = connection.GetAllEntriesFromHash("recurring-job:" + job.Id);
            Assert.Equal(((int)MisfireHandlingMode.Ignorable).ToString(System.Globalization.CultureInfo.InvariantCulture), hash["Misfire"]);
        }
    }

    [Fact]
    public async Task JamKirimDariKonfigurasi_MenentukanCronDanEksekusiBerikutnya()
    {
        // Monday 18 January 2027 05:00 WITA (Sunday 21:00 UTC): the next run is the same Monday 07:00 WITA, 23:00 UTC on Sunday.
        using var h = new PengingatHarness(new DateTimeOffset(2027, 1, 17, 21, 0, 0, TimeSpan.Zero), new Dictionary<string, string?> { ["Kinerja:Pengingat:JamKirim"] = "7" });
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WITA", "Asia/Makassar"));
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions());
        var manager = ManagerPada(storage, h);

        await h.Services.GetServices<IJadwalBerulang>().OfType<JadwalPengingat>().Single().DaftarkanAsync(manager, CancellationToken.None);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal("0 7 * * 1-5", job.Cron);
        Assert.Equal(new DateTime(2027, 1, 17, 23, 0, 0, DateTimeKind.Utc), job.NextExecution);
    }

    [Fact]
    public async Task JobTerdaftar_DijalankanServerHangfire_RencanaSampaiKeMesinPengiriman()
    {
        // Friday 15 January 2027 08:00 WIT: H-14 of the 31 January deadline for the WIT office.
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 15, 8, "Asia/Jayapura"));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WIT", "Asia/Jayapura"));
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) });
        var manager = ManagerPada(storage, h);
        await h.Services.GetServices<IJadwalBerulang>().OfType<JadwalPengingat>().Single().DaftarkanAsync(manager, CancellationToken.None);

        var options = new BackgroundJobServerOptions { Activator = new ScopedActivator(h.Services), WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromMilliseconds(100) };
        using (new BackgroundJobServer(options, storage))
        {
            manager.Trigger(JadwalPengingat.IdJob("KPPN-WIT"));
            await TungguAsync(() => h.Pengiriman.Panggilan.Count > 0);
        }

        var rencana = Assert.Single(h.Pengiriman.Panggilan);
        Assert.Equal(2, rencana.Count(r => r.Kunci.Kurun == "2027-H14"));
    }

    /// <summary>Hangfire's activator over the container: one scope per job, as the host's integration does.</summary>
    private sealed class ScopedActivator(IServiceProvider services) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => scope.ServiceProvider.GetRequiredService(type);

            public override void DisposeScope() => scope.Dispose();
        }
    }

    [Fact]
    public async Task Sinkron_KantorBaruMendapatJobHarian_KantorYangDihapusKehilangannya_JobLainTetap()
    {
        using var h = new PengingatHarness(new DateTimeOffset(2027, 1, 15, 2, 0, 0, TimeSpan.Zero));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WIB", "Asia/Jakarta"));
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions());
        var manager = new ManagerTercatat(ManagerPada(storage, h));
        // What a previous run left: the daily job of an office removed since, and another area's own job.
        manager.AddOrUpdate<PengingatHarianJob>(JadwalPengingat.IdJob("KPPN-LAMA"), j => j.JalankanAsync("KPPN-LAMA", CancellationToken.None), "0 8 * * 1-5");
        manager.AddOrUpdate<PengingatHarianJob>("lain-harian", j => j.JalankanAsync("KPPN-WIB", CancellationToken.None), "0 9 * * *");
        var kantor = new KantorTercatat(h.Kantor);
        var jadwal = new JadwalPengingat(kantor, h.Services.GetRequiredService<Kinerja.Jobs.Pengingat.PengingatOptions>(),
            NullLogger<JadwalPengingat>.Instance, storage);
        var sinkron = new SinkronJadwalJob([jadwal], manager, NullLogger<SinkronJadwalJob>.Instance);
        manager.Reset();

        await sinkron.JalankanAsync(CancellationToken.None);
        Assert.Equal(["lain-harian", "pengingat-harian-kppn-wib"], Id(storage));
        Assert.Equal(["pengingat-harian-kppn-wib"], manager.Ditulis);
        Assert.Equal(["pengingat-harian-kppn-lama"], manager.Dihapus);

        // An office imported after the start (the CLI is another process): the next run gives it its daily job, and
        // reads that office only.
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WIT", "Asia/Jayapura"));
        manager.Reset();
        kantor.Dimuat.Clear();
        await sinkron.JalankanAsync(CancellationToken.None);

        Assert.Equal(["lain-harian", "pengingat-harian-kppn-wib", "pengingat-harian-kppn-wit"], Id(storage));
        Assert.Equal(["pengingat-harian-kppn-wit"], manager.Ditulis);
        Assert.Equal(["KPPN-WIT"], kantor.Dimuat);
        using var connection = storage.GetConnection();
        var wit = connection.GetRecurringJobs().Single(j => j.Id == "pengingat-harian-kppn-wit");
        Assert.Equal(("0 8 * * 1-5", "Asia/Jayapura"), (wit.Cron, wit.TimeZoneId));
        Assert.Equal(new DateTime(2027, 1, 17, 23, 0, 0, DateTimeKind.Utc), wit.NextExecution);
    }

    [Fact]
    public async Task Sinkron_TanpaPerubahan_TidakMembacaKantorDanTidakMenulisJob_PerubahanZonaDitulisUlang()
    {
        using var h = new PengingatHarness(new DateTimeOffset(2027, 1, 15, 2, 0, 0, TimeSpan.Zero));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-A", "Asia/Jakarta"));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-B", "Asia/Makassar"));
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions());
        var manager = new ManagerTercatat(ManagerPada(storage, h));
        var options = h.Services.GetRequiredService<Kinerja.Jobs.Pengingat.PengingatOptions>();
        var kantor = new KantorTercatat(h.Kantor);
        var jadwal = new JadwalPengingat(kantor, options, NullLogger<JadwalPengingat>.Instance, storage);
        var sinkron = new SinkronJadwalJob([jadwal], manager, NullLogger<SinkronJadwalJob>.Instance);
        await jadwal.DaftarkanAsync(manager, CancellationToken.None); // the start
        Assert.Equal(["pengingat-harian-kppn-a", "pengingat-harian-kppn-b"], manager.Ditulis);
        var sebelum = Hash(storage, "pengingat-harian-kppn-a");

        // Nothing changed: the offices are not read, no job is written or removed, the stored job is as it was.
        manager.Reset();
        kantor.Dimuat.Clear();
        await sinkron.JalankanAsync(CancellationToken.None);
        await sinkron.JalankanAsync(CancellationToken.None);
        Assert.Equal((0, 0, 0), (manager.Ditulis.Count, manager.Dihapus.Count, kantor.Dimuat.Count));
        Assert.Equal(sebelum, Hash(storage, "pengingat-harian-kppn-a"));

        // Re-imported with the same zone: read once (its version moved), nothing written.
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-B", "Asia/Makassar"));
        await sinkron.JalankanAsync(CancellationToken.None);
        Assert.Equal(["KPPN-B"], kantor.Dimuat);
        Assert.Empty(manager.Ditulis);

        // Re-imported with another zone: rewritten in the new zone.
        kantor.Dimuat.Clear();
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-A", "Asia/Jayapura"));
        await sinkron.JalankanAsync(CancellationToken.None);
        Assert.Equal(["KPPN-A"], kantor.Dimuat);
        Assert.Equal(["pengingat-harian-kppn-a"], manager.Ditulis);
        Assert.Equal("Asia/Jayapura", Hash(storage, "pengingat-harian-kppn-a")["TimeZoneId"]);

        // A job deleted behind the sync's back (the dashboard): registered again at the next run.
        manager.Reset();
        kantor.Dimuat.Clear();
        new RecurringJobManager(storage).RemoveIfExists("pengingat-harian-kppn-b");
        await sinkron.JalankanAsync(CancellationToken.None);
        Assert.Equal(["KPPN-B"], kantor.Dimuat);
        Assert.Equal(["pengingat-harian-kppn-b"], manager.Ditulis);

        // A restart (or another instance): its first run reads every office once, compares, and writes nothing.
        manager.Reset();
        kantor.Dimuat.Clear();
        var baru = new JadwalPengingat(kantor, options, NullLogger<JadwalPengingat>.Instance, storage);
        await new SinkronJadwalJob([baru], manager, NullLogger<SinkronJadwalJob>.Instance).JalankanAsync(CancellationToken.None);
        Assert.Equal(["KPPN-A", "KPPN-B"], kantor.Dimuat);
        Assert.Empty(manager.Ditulis);
        Assert.Empty(manager.Dihapus);
    }

    [Fact]
    public async Task DaftarkanKantor_SatuKantor_LangsungTerdaftarDalamZonanya_KantorLainTidakDisentuh()
    {
        using var h = new PengingatHarness(new DateTimeOffset(2027, 1, 15, 2, 0, 0, TimeSpan.Zero));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-A", "Asia/Jakarta"));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-WITA", "Asia/Makassar"));
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions());
        var manager = new ManagerTercatat(ManagerPada(storage, h));
        var jadwal = new JadwalPengingat(h.Kantor, h.Services.GetRequiredService<Kinerja.Jobs.Pengingat.PengingatOptions>(),
            NullLogger<JadwalPengingat>.Instance, storage);

        await jadwal.DaftarkanKantorAsync("KPPN-WITA", manager, CancellationToken.None);
        await jadwal.DaftarkanKantorAsync("KPPN-WITA", manager, CancellationToken.None); // idempotent: found right, not written

        Assert.Equal(["pengingat-harian-kppn-wita"], manager.Ditulis);
        Assert.Equal(["pengingat-harian-kppn-wita"], Id(storage));
        Assert.Equal(("0 8 * * 1-5", "Asia/Makassar"), (Hash(storage, "pengingat-harian-kppn-wita")["Cron"], Hash(storage, "pengingat-harian-kppn-wita")["TimeZoneId"]));
    }

    [Theory]
    [InlineData(5, "*/5 * * * *")]
    [InlineData(15, "*/15 * * * *")]
    [InlineData(1, "* * * * *")]
    [InlineData(60, "0 * * * *")]
    public void JadwalSinkron_IntervalMenjadiCron(int menit, string cron) =>
        Assert.Equal(cron, new JadwalSinkron(TimeSpan.FromMinutes(menit)).Cron);

    [Theory]
    [InlineData("00:07:00")]
    [InlineData("00:00:30")]
    [InlineData("00:05:30")]
    [InlineData("02:00:00")]
    [InlineData("00:00:00")]
    public void JadwalSinkron_IntervalYangTidakMembagiSatuJam_Ditolak(string interval)
    {
        Assert.False(JadwalSinkron.IntervalSah(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JadwalSinkron(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Dictionary<string, string> Hash(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash("recurring-job:" + id) ?? [];
    }

    /// <summary>The real manager, with the writes it was asked for recorded (a write the sync skips never reaches it).</summary>
    private sealed class ManagerTercatat(IRecurringJobManager inner) : IRecurringJobManager
    {
        public List<string> Ditulis { get; } = [];

        public List<string> Dihapus { get; } = [];

        public void Reset()
        {
            Ditulis.Clear();
            Dihapus.Clear();
        }

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
        {
            Ditulis.Add(recurringJobId);
            inner.AddOrUpdate(recurringJobId, job, cronExpression, options);
        }

        public void Trigger(string recurringJobId) => inner.Trigger(recurringJobId);

        public void RemoveIfExists(string recurringJobId)
        {
            Dihapus.Add(recurringJobId);
            inner.RemoveIfExists(recurringJobId);
        }
    }

    /// <summary>The real store, with the offices loaded whole recorded (the sync's expensive read).</summary>
    private sealed class KantorTercatat(Kinerja.Domain.Ports.IKantorStore inner) : Kinerja.Domain.Ports.IKantorStore
    {
        public List<string> Dimuat { get; } = [];

        public Task<Kinerja.Domain.Ports.HasilSimpanKantor> SimpanAsync(Kinerja.Domain.Kinerja.DataKantor data, CancellationToken cancellationToken) =>
            inner.SimpanAsync(data, cancellationToken);

        public Task<Kinerja.Domain.Kinerja.DataKantor?> MuatAsync(string kodeKantor, CancellationToken cancellationToken)
        {
            Dimuat.Add(kodeKantor);
            return inner.MuatAsync(kodeKantor, cancellationToken);
        }

        public Task<IReadOnlyList<string>> DaftarKantorAsync(CancellationToken cancellationToken) => inner.DaftarKantorAsync(cancellationToken);

        public Task<IReadOnlyDictionary<string, long>> DaftarVersiKantorAsync(CancellationToken cancellationToken) => inner.DaftarVersiKantorAsync(cancellationToken);

        public Task<(string KodeKantor, Kinerja.Domain.Organisasi.Nip Nip)?> CariByEmailAsync(string email, CancellationToken cancellationToken) =>
            inner.CariByEmailAsync(email, cancellationToken);
    }

    private static List<string> Id(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task JobHarian_KunciPerKantor_RunKeduaKantorYangSamaMenunggu_KantorLainTidak()
    {
        var menunggu = new PerencanaMenunggu();
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 14, 8), layanan: s => s.AddSingleton<Kinerja.Jobs.Pengiriman.IPerencanaPengiriman>(menunggu));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-A", "Asia/Jakarta"));
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-B", "Asia/Jakarta"));
        var storage = new SQLiteStorage(Path.Combine(_dir, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) });
        var client = new BackgroundJobClient(storage);
        var options = new BackgroundJobServerOptions { Activator = new ScopedActivator(h.Services), WorkerCount = 3, SchedulePollingInterval = TimeSpan.FromMilliseconds(100) };

        using (new BackgroundJobServer(options, storage))
        {
            client.Enqueue<PengingatHarianJob>(j => j.JalankanAsync("KPPN-A", CancellationToken.None));
            await TungguAsync(() => menunggu.Masuk("KPPN-A") == 1);
            client.Enqueue<PengingatHarianJob>(j => j.JalankanAsync("KPPN-A", CancellationToken.None));
            client.Enqueue<PengingatHarianJob>(j => j.JalankanAsync("KPPN-B", CancellationToken.None));

            // Another office runs while KPPN-A's first run holds its lock; all three jobs are taken by workers.
            await TungguAsync(() => menunggu.Masuk("KPPN-B") == 1 && storage.GetMonitoringApi().ProcessingCount() == 3);
            Assert.Equal(1, menunggu.Di("KPPN-A"));
            Assert.Equal(1, menunggu.Di("KPPN-B"));
            // The second KPPN-A run is processing but waits for the lock: given time, it still has not entered.
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(1, menunggu.Masuk("KPPN-A"));

            menunggu.Lepas("KPPN-A");
            await TungguAsync(() => menunggu.Masuk("KPPN-A") == 2);
            Assert.Equal(1, menunggu.Di("KPPN-A"));
            menunggu.Lepas("KPPN-A");
            menunggu.Lepas("KPPN-B");
            await TungguAsync(() => storage.GetMonitoringApi().SucceededListCount() == 3);
        }
    }

    /// <summary>Hangfire's recurring job manager on <paramref name="storage"/>, on the harness's fake clock.</summary>
    private static RecurringJobManager ManagerPada(JobStorage storage, PengingatHarness h) =>
        new(storage, JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => h.Time.GetUtcNow().UtcDateTime);

    private static async Task TungguAsync(Func<bool> kondisi)
    {
        // A bound against hanging on a real Hangfire server (elapsed time, not the wall clock); nothing asserts on how long.
        var batas = System.Diagnostics.Stopwatch.StartNew();
        while (!kondisi())
        {
            Assert.True(batas.Elapsed < TimeSpan.FromSeconds(60), "condition not reached in 60 s");
            await Task.Delay(50);
        }
    }

    /// <summary>A planner that holds each run of an office until the test releases it, counting who is inside.</summary>
    private sealed class PerencanaMenunggu : Kinerja.Jobs.Pengiriman.IPerencanaPengiriman
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _lepas = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _masuk = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _di = new(StringComparer.Ordinal);

        public string Nama => "uji-menunggu";

        public int Masuk(string kantor) => _masuk.GetValueOrDefault(kantor);

        public int Di(string kantor) => _di.GetValueOrDefault(kantor);

        public void Lepas(string kantor) => Semafor(kantor).Release();

        public async Task<IReadOnlyList<Kinerja.Domain.Pengiriman.RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
        {
            _di.AddOrUpdate(kodeKantor, 1, (_, n) => n + 1);
            _masuk.AddOrUpdate(kodeKantor, 1, (_, n) => n + 1);
            try
            {
                await Semafor(kodeKantor).WaitAsync(cancellationToken);
            }
            finally
            {
                _di.AddOrUpdate(kodeKantor, 0, (_, n) => n - 1);
            }

            return [];
        }

        private SemaphoreSlim Semafor(string kantor) => _lepas.GetOrAdd(kantor, _ => new SemaphoreSlim(0));
    }

    [Fact]
    public void JobHarian_MengambilIdBukanObjek()
    {
        var metode = typeof(PengingatHarianJob).GetMethod(nameof(PengingatHarianJob.JalankanAsync))!;

        Assert.Equal("pengingat-harian:{0}", metode.GetCustomAttribute<DisableConcurrentExecutionAttribute>()?.Resource);
        // Jobs take ids, not objects (architecture.md habit 10).
        Assert.Equal([typeof(string), typeof(CancellationToken)], metode.GetParameters().Select(p => p.ParameterType));
    }
}

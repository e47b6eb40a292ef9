using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Kinerja.Jobs.Jadwal;
using Microsoft.Extensions.DependencyInjection;

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
        var manager = new RecurringJobManager(storage, JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => h.Time.GetUtcNow().UtcDateTime);
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
        var manager = new RecurringJobManager(storage, JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => h.Time.GetUtcNow().UtcDateTime);

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
        var manager = new RecurringJobManager(storage, JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => h.Time.GetUtcNow().UtcDateTime);
        await h.Services.GetServices<IJadwalBerulang>().OfType<JadwalPengingat>().Single().DaftarkanAsync(manager, CancellationToken.None);

        var options = new BackgroundJobServerOptions { Activator = new ScopedActivator(h.Services), WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromMilliseconds(100) };
        using (new BackgroundJobServer(options, storage))
        {
            manager.Trigger(JadwalPengingat.IdJob("KPPN-WIT"));
            var batas = DateTime.UtcNow.AddSeconds(60);
            while (h.Pengiriman.Panggilan.Count == 0 && DateTime.UtcNow < batas)
            {
                await Task.Delay(100);
            }
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
    public void JobHarian_TidakBolehBerjalanBersamaanUntukKantorYangSama()
    {
        var metode = typeof(PengingatHarianJob).GetMethod(nameof(PengingatHarianJob.JalankanAsync))!;
        var kunci = metode.GetCustomAttribute<DisableConcurrentExecutionAttribute>();

        Assert.NotNull(kunci);
        // Jobs take ids, not objects (architecture.md habit 10).
        Assert.Equal([typeof(string), typeof(CancellationToken)], metode.GetParameters().Select(p => p.ParameterType));
    }
}

using Hangfire;
using Hangfire.Storage;
using Kinerja.Jobs.Jadwal;
using Kinerja.Jobs.Pengiriman;
using KinerjaBot.Import;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Import;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Pengiriman;

/// <summary>Hangfire in the bot host: options validated on start, SQLite storage next to the store, recurring jobs registered on start.</summary>
public sealed class PenjadwalanTests
{
    /// <summary>A recurring schedule of the test: one job, daily at 07.00 in Asia/Jayapura.</summary>
    public sealed class JadwalUji : IJadwalBerulang
    {
        public int Dipanggil { get; private set; }

        public Task DaftarkanAsync(IRecurringJobManager manager, CancellationToken cancellationToken)
        {
            Dipanggil++;
            manager.AddOrUpdate<PekerjaPengiriman>("uji-harian", j => j.PulihkanAsync(CancellationToken.None), "0 7 * * *",
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jayapura"), MisfireHandling = MisfireHandlingMode.Ignorable });
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("Kinerja:Jadwal:Penyimpanan", "mongodb", "Kinerja:Jadwal:Penyimpanan 'mongodb' tidak dikenal")]
    [InlineData("Kinerja:Jadwal:JumlahPekerja", "0", "Kinerja:Jadwal:JumlahPekerja harus 1–200")]
    [InlineData("Kinerja:Jadwal:Dasbor:Aktif", "true", "Kinerja:Jadwal:Dasbor:Authority wajib berupa URL https")]
    [InlineData("Kinerja:Jadwal:IntervalSinkron", "00:07:00", "Kinerja:Jadwal:IntervalSinkron '00:07:00' harus menit bulat yang membagi satu jam")]
    [InlineData("Kinerja:Jadwal:IntervalSinkron", "00:00:30", "Kinerja:Jadwal:IntervalSinkron '00:00:30' harus menit bulat")]
    public void KonfigurasiPenjadwalanSalah_MenolakStartDenganNamaKunci(string kunci, string nilai, string pesan)
    {
        using var bot = new BotFactory().With(kunci, nilai);

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        while (e.InnerException is not null && e is not OptionsValidationException)
        {
            e = e.InnerException;
        }

        Assert.IsType<OptionsValidationException>(e);
        Assert.Contains(pesan, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSqlTanpaConnectionString_MenolakStart()
    {
        using var bot = new BotFactory().With("Kinerja:Jadwal:Penyimpanan", "postgresql");

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("Kinerja:Jadwal:PostgreSqlConnectionString wajib diisi", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SaatStart_SetiapJadwalBerulangDidaftarkan_DiPenyimpananSqliteDiSampingStore()
    {
        var jadwal = new JadwalUji();
        using var bot = new BotFactory().WithServices(s => s.AddSingleton<IJadwalBerulang>(jadwal));
        _ = bot.Server;

        Assert.Equal(1, jadwal.Dipanggil);
        using var connection = bot.Services.GetRequiredService<JobStorage>().GetConnection();
        var berulang = connection.GetRecurringJobs();
        var uji = Assert.Single(berulang, j => j.Id == "uji-harian");
        Assert.Equal(("0 7 * * *", "Asia/Jayapura"), (uji.Cron, uji.TimeZoneId));
        Assert.Contains(berulang, j => j.Id == PekerjaPengiriman.IdPemulihan && j.Cron == "* * * * *");
        Assert.Contains(berulang, j => j.Id == Kinerja.Jobs.Jadwal.SinkronJadwalJob.Id && j.Cron == "*/5 * * * *");

        var store = bot.Services.GetRequiredService<SqliteDatabase>().Path;
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(store)!, "hangfire.db")));
    }

    [Fact]
    public void IntervalSinkronDariKonfigurasi_MenentukanCronJadwalSinkron()
    {
        using var bot = new BotFactory().With("Kinerja:Jadwal:IntervalSinkron", "00:15:00").With("Kinerja:Jadwal:Server", "false");
        _ = bot.Server;

        using var connection = bot.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal("*/15 * * * *", connection.GetRecurringJobs().Single(j => j.Id == SinkronJadwalJob.Id).Cron);
    }

    [Fact]
    public async Task ImporDalamProses_JobHarianLangsungAda_ImporCliTerdaftarPadaSinkronBerikutnya()
    {
        // No Hangfire server: nothing runs jadwal-sinkron behind the test's back, so a job found here was registered by the import.
        using var bot = new BotFactory().With("Kinerja:Jadwal:Server", "false");
        _ = bot.Server;
        var storage = bot.Services.GetRequiredService<JobStorage>();

        // The demo office, loaded into the empty store on start after the start's registration, has its daily job already.
        Assert.Equal(("0 8 * * 1-5", "Asia/Jakarta"), Terdaftar(storage, "pengingat-harian-kppn-metro"));

        // An office imported inside the bot: registered at once, in its own zone.
        using var wit = KantorLain("KPPN-JAYAPURA", "Asia/Jayapura");
        await bot.Services.GetRequiredService<KantorImporter>().ImporAsync(wit.Folder, CancellationToken.None);
        Assert.Equal(("0 8 * * 1-5", "Asia/Jayapura"), Terdaftar(storage, "pengingat-harian-kppn-jayapura"));

        // An office imported by the CLI (another host, no Hangfire) into the same store: not registered by the import...
        using var wita = KantorLain("KPPN-MAKASSAR", "Asia/Makassar");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var db = bot.Services.GetRequiredService<SqliteDatabase>().Path;
        Assert.Equal(0, await KinerjaBot.Hosting.Cli.KinerjaCli.RunAsync(["import", wita.Folder, $"--Kinerja:Storage:SqlitePath={db}"], stdout, stderr));
        Assert.Null(Terdaftar(storage, "pengingat-harian-kppn-makassar"));

        // ...but by the next run of jadwal-sinkron, which writes nothing else.
        var sebelum = Hash(storage, "pengingat-harian-kppn-jayapura");
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SinkronJadwalJob>().JalankanAsync(CancellationToken.None);
        }

        Assert.Equal(("0 8 * * 1-5", "Asia/Makassar"), Terdaftar(storage, "pengingat-harian-kppn-makassar"));
        Assert.Equal(sebelum, Hash(storage, "pengingat-harian-kppn-jayapura"));
    }

    /// <summary>The demo office under another code and zone (its people's e-mails too), as a second office to import.</summary>
    private static DemoDataset KantorLain(string kode, string zona)
    {
        var d = new DemoDataset();
        foreach (var berkas in Directory.EnumerateFiles(d.Folder, "*.csv"))
        {
            File.WriteAllText(berkas, File.ReadAllText(berkas)
                .Replace("KPPN-METRO", kode, StringComparison.Ordinal)
                .Replace("Asia/Jakarta", zona, StringComparison.Ordinal)
                .Replace("@kemenkeu.example", "@" + kode.ToLowerInvariant() + ".example", StringComparison.Ordinal));
        }

        return d;
    }

    private static (string Cron, string Zona)? Terdaftar(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == id) is { } job ? (job.Cron, job.TimeZoneId) : null;
    }

    private static Dictionary<string, string> Hash(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash("recurring-job:" + id) ?? [];
    }
}

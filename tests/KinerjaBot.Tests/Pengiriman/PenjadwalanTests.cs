using Hangfire;
using Hangfire.Storage;
using Kinerja.Jobs.Jadwal;
using Kinerja.Jobs.Pengiriman;
using KinerjaBot.Storage;
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
        Assert.Contains(berulang, j => j.Id == Kinerja.Jobs.Jadwal.SinkronJadwalJob.Id && j.Cron == "0 * * * *");

        var store = bot.Services.GetRequiredService<SqliteDatabase>().Path;
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(store)!, "hangfire.db")));
    }
}

using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Pengiriman;
using KinerjaBot.Hosting;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Pengingat;

/// <summary>The scheduled messages' settings are validated on start with the key named; every kind has one builder.</summary>
public sealed class PengingatOptionsTests
{
    [Theory]
    [InlineData("Kinerja:Pengingat:JamKirim", "24", "JamKirim")]
    [InlineData("Kinerja:Pengingat:HariIsiRealisasi", "0", "HariIsiRealisasi")]
    [InlineData("Kinerja:Koordinator:Kantor:KPPN-METRO:0", "12345", "Kinerja:Koordinator:Kantor:KPPN-METRO:0 '12345' is neither an 18-digit NIP nor an e-mail address.")]
    [InlineData("Kinerja:Pengingat:Koordinator:KPPN-METRO:0", "198407222006122001", "Kinerja:Pengingat:Koordinator is no longer read: list each office's coordinators (NIP or e-mail) under Kinerja:Koordinator:Kantor:{KODE-KANTOR}.")]
    [InlineData("Kinerja:Jadwal:Koordinator:0", "KPPN-METRO:198407222006122001", "Kinerja:Jadwal:Koordinator is no longer read")]
    [InlineData("Kinerja:Dialog:Koordinator:0", "ratna.anggraini@kemenkeu.example", "Kinerja:Dialog:Koordinator is no longer read")]
    [InlineData("Kinerja:Kalender:LiburKantor:0:Tanggal", "2026-02-30", "Kinerja:Kalender:LiburKantor:0:Tanggal '2026-02-30' is not a date")]
    [InlineData("Kinerja:Kalender:Berkas", "tidak-ada/libur-2027.json", "Kinerja:Kalender:Berkas 'tidak-ada/libur-2027.json' does not exist.")]
    public void NilaiSalah_MenolakStartMenyebutKunci(string kunci, string nilai, string pesan)
    {
        using var bot = new BotFactory().With(kunci, nilai)
            .With("Kinerja:Kalender:LiburKantor:0:Kantor", "KPPN-METRO")
            .With("Kinerja:Kalender:LiburKantor:0:Nama", "Hari jadi kota")
            .With("Kinerja:Kalender:LiburKantor:0:Tanggal", kunci.EndsWith("Tanggal", StringComparison.Ordinal) ? nilai : "2026-12-01");

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains(pesan, Unwrap(e).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetiapJenisPengiriman_PunyaTepatSatuPenyusun()
    {
        using var bot = new BotFactory();
        _ = bot.Server;
        using var scope = bot.Services.CreateScope();
        // Every kind the planners plan has its builder; besides them only the engine's delivery test message.
        var penyusun = scope.ServiceProvider.GetServices<IPenyusunPesan>().Where(p => p.Jenis != KinerjaBot.Penjadwalan.PenyusunPesanUji.JenisUji).ToList();

        Assert.Empty(PengingatServiceCollectionExtensions.JenisTanpaPenyusun(penyusun));
        Assert.Equal(penyusun.Count, penyusun.Select(p => p.Jenis).Distinct().Count());
        Assert.Equal(typeof(JenisPengiriman).GetFields().Length, penyusun.Count);
    }

    [Fact]
    public void BerkasKalenderTidakSah_MenolakStartMenyebutKunciDanEntri()
    {
        var berkas = Path.Combine(Directory.CreateTempSubdirectory("kinerja-kalender-").FullName, "libur.json");
        File.WriteAllText(berkas, """{"tahun":[{"tahun":2027,"sumber":"x","keyakinan":"resmi","hapus":["2027-03-17"]}]}""");
        using var bot = new BotFactory().With("Kinerja:Kalender:Berkas", berkas);

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains($"Kinerja:Kalender:Berkas '{berkas}' is not a valid holiday file: tahun[0].hapus[0]: 2027-03-17 tidak ada di kalender bawaan.", Unwrap(e).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BerkasKalender_MenghapusDanMenambahHari_DipakaiJobHarian()
    {
        // The deployment corrects the calendar without a rebuild: Isra Mikraj moved from 5 to 6 January 2027.
        var berkas = Path.Combine(Directory.CreateTempSubdirectory("kinerja-kalender-").FullName, "libur.json");
        File.WriteAllText(berkas, """
            {"tahun":[{"tahun":2027,"sumber":"Koreksi kantor pusat (uji)","keyakinan":"resmi",
              "libur":[{"tanggal":"2027-01-06","nama":"Isra Mikraj Nabi Muhammad SAW 1448 Hijriah"}],"hapus":["2027-01-05"]}]}
            """);
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 5, 8), new Dictionary<string, string?> { ["Kinerja:Kalender:Berkas"] = berkas });
        await h.SimpanAsync(JadwalZonaWaktuTests.Kantor("KPPN-UJI", "Asia/Jakarta"));

        Assert.NotNull(await h.JalankanAsync("KPPN-UJI"));
        h.Pada(2027, 1, 6, 8);
        Assert.Null(await h.JalankanAsync("KPPN-UJI"));
        Assert.Equal("Isra Mikraj Nabi Muhammad SAW 1448 Hijriah", h.Services.GetRequiredService<Kinerja.Domain.Kalender.KalenderKerja>().Libur("KPPN-UJI", new DateOnly(2027, 1, 6))!.Nama);
    }

    [Theory]
    [InlineData(2026, 12, 4, null, null)] // 2027's decree is in
    [InlineData(2027, 10, 4, null, "Holiday calendar for 2028 is missing")]
    [InlineData(2026, 10, 5, "perkiraan", "Holiday calendar for 2027 is perkiraan")]
    [InlineData(2026, 9, 30, "perkiraan", null)] // before 1 October next year's decree is not due
    public async Task SaatStart_PeringatanBilaKalenderTahunDepanTidakAdaAtauPerkiraanSetelah1Oktober(int y, int m, int d, string? keyakinan2027, string? peringatan)
    {
        var konfigurasi = new Dictionary<string, string?>();
        if (keyakinan2027 is not null)
        {
            var berkas = Path.Combine(Directory.CreateTempSubdirectory("kinerja-kalender-").FullName, "libur.json");
            File.WriteAllText(berkas, $$"""{"tahun":[{"tahun":2027,"sumber":"uji","keyakinan":"{{keyakinan2027}}"}]}""");
            konfigurasi["Kinerja:Kalender:Berkas"] = berkas;
        }

        var log = new Auth.CapturedLogs();
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(y, m, d, 8), konfigurasi, s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(log));

        await h.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PeringatanKalender>().Single().StartAsync(CancellationToken.None);

        var baris = log.Entries.Where(e => e.EventId == 9220).ToList();
        if (peringatan is null)
        {
            Assert.Empty(baris);
        }
        else
        {
            var w = Assert.Single(baris);
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, w.Level);
            Assert.StartsWith(peringatan, w.Message, StringComparison.Ordinal);
            Assert.Contains("Kinerja:Kalender:Berkas", w.Message, StringComparison.Ordinal);
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException or System.Reflection.TargetInvocationException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        return e;
    }
}

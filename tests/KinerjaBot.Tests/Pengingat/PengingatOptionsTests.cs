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

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException or System.Reflection.TargetInvocationException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        return e;
    }
}

using System.Diagnostics;
using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Pengiriman;
using Kinerja.Testing.Connector;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KinerjaBot.EndToEnd.Pengiriman;

/// <summary>
/// Crash safety of the delivery engine: the bot as its own process with SQLite Hangfire storage, SIGKILLed in the
/// middle of a 10,000-recipient fan-out and started again; the fake Bot Connector counts what arrived.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-crash-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task SigkillDiTengahFanOut_SetelahRestartSelesai_TanpaHilangDanTanpaGanda()
    {
        const int N = 10_000;
        const int Batas = 500;
        await using var connector = await FakeBotConnector.StartAsync();
        connector.BatasTenant = Batas * 105 / 100;
        var konfigurasi = new Dictionary<string, string>
        {
            ["Kinerja:Storage:SqlitePath"] = Path.Combine(_dir.FullName, "kinerja.db"),
            ["Kinerja:Pengiriman:PesanUji"] = "true",
            ["Kinerja:Pengiriman:Paralel"] = "8",
            ["Kinerja:Pengiriman:BatasMengirim"] = "00:00:05",
            ["Kinerja:Pengiriman:JedaCobaLagi"] = "00:00:02",
            ["Kinerja:Jadwal:JumlahPekerja"] = "16",
            ["Kinerja:Jadwal:IntervalAntrian"] = "00:00:00.200",
            ["Kinerja:Jadwal:BatasTakTerlihat"] = "00:00:05",
            ["Kinerja:Connector:PermintaanPerDetikPerTenant"] = "500",
        };
        using var klien = new KlienPengiriman(konfigurasi);
        await klien.IsiPenerimaAsync(connector, N);

        var pertama = await BotProses.StartAsync(_dir.FullName, konfigurasi);
        Assert.Equal(new HasilRencana(N, 0), await klien.RencanakanAsync(N, "2026-11"));
        var waktu = Stopwatch.StartNew();
        while (connector.TotalDiterima < N / 3)
        {
            Assert.True(waktu.Elapsed < TimeSpan.FromMinutes(3), $"only {connector.TotalDiterima} delivered:\n{pertama.Log}");
            await Task.Delay(20);
        }

        await pertama.BunuhAsync();
        var saatMati = connector.TotalDiterima;
        output.WriteLine($"SIGKILL after {saatMati} deliveries ({waktu.Elapsed.TotalSeconds:0.0} s)");

        await using var kedua = await BotProses.StartAsync(_dir.FullName, konfigurasi);
        var r = await klien.TungguSelesaiAsync("2026-11", TimeSpan.FromMinutes(5), () => kedua.Log);
        output.WriteLine($"after restart: {r.Berstatus(StatusPengiriman.Terkirim)} sent, {r.MungkinTerkirim} interrupted in flight, " +
                         $"{connector.TotalDiterima} received by the connector, {waktu.Elapsed.TotalSeconds:0.0} s overall");

        // 0 duplicated: nobody got a message twice.
        Assert.All(connector.Diterima, p => Assert.Equal(1, p.Value));

        // 0 lost: everyone not reported as interrupted in flight got their message; the interrupted ones are at most the
        // sends that were in flight at the kill (16 workers × 8), closed as "mungkin terkirim" and never replayed.
        var halaman = await klien.Buku.DaftarAsync(KlienPengiriman.Kantor, "uji-pengiriman", "2026-11", StatusPengiriman.Gagal, null, 1000, CancellationToken.None);
        var terputus = halaman.Catatan.Where(c => c.MungkinTerkirim).Select(c => c.Kunci.Penerima).ToHashSet();
        Assert.Equal(r.Berstatus(StatusPengiriman.Gagal), terputus.Count);
        Assert.True(terputus.Count <= 16 * 8, $"{terputus.Count} interrupted sends");
        Assert.Equal(N - terputus.Count, r.Berstatus(StatusPengiriman.Terkirim));
        for (var i = 0; i < N; i++)
        {
            if (!terputus.Contains(Kinerja.Testing.Builders.NipSintetis.Ke(i)))
            {
                Assert.True(connector.Diterima.ContainsKey(KlienPengiriman.Percakapan(i)), $"person {i} got nothing");
            }
        }

        var hilang = terputus.Count(n => !connector.Diterima.ContainsKey(KlienPengiriman.Percakapan(Indeks(n))));
        output.WriteLine($"interrupted in flight: {terputus.Count}, of which the connector never received {hilang}");
    }

    [Fact]
    public async Task PenyimpananJadwalTidakDikenal_ProsesBerhentiDenganKode3_MenyebutKuncinya()
    {
        var (kode, keluaran) = await BotProses.JalankanSampaiKeluarAsync(_dir.FullName, new Dictionary<string, string>
        {
            ["Kinerja:Storage:SqlitePath"] = Path.Combine(_dir.FullName, "kinerja.db"),
            ["Kinerja:Jadwal:Penyimpanan"] = "redis",
        });

        Assert.Equal(3, kode);
        Assert.Contains("Kinerja:Jadwal:Penyimpanan 'redis' tidak dikenal; yang didukung: sqlite, postgresql.", keluaran, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "hangfire.db")), "no Hangfire storage was opened");
    }

    private static int Indeks(Kinerja.Domain.Organisasi.Nip nip) =>
        (DateOnly.ParseExact(nip.Value[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture).DayNumber - new DateOnly(1970, 1, 1).DayNumber);
}

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

    /// <summary>
    /// SIGKILL while about a hundred sends are in flight (the fake connector answers after 150 ms), restart, and the run
    /// completes: nobody gets a message twice; everyone gets theirs, except sends the engine itself recorded as
    /// interrupted in flight ("mungkin terkirim", closed by the recovery job, counted on the coordinators' card) —
    /// the only ones it cannot know about, and by design never replays.
    /// </summary>
    [Fact]
    public async Task SigkillDiTengahFanOut_SetelahRestartSelesai_TanpaHilangDanTanpaGanda()
    {
        // 10,000 on SQLite; on the Tables pass 2,000 (seeding and the ledger go through Azurite, several requests per
        // recipient): still three Hangfire batches per worker and a kill with about a hundred sends in flight.
        var N = StoreUji.Store == "tables" ? 2_000 : 10_000;
        const int Batas = 500;
        await using var connector = await FakeBotConnector.StartAsync();
        connector.BatasTenant = Batas * 105 / 100;
        connector.Jeda = TimeSpan.FromMilliseconds(150);
        var konfigurasi = new Dictionary<string, string>
        {
            ["Kinerja:Storage:SqlitePath"] = Path.Combine(_dir.FullName, "kinerja.db"),
            ["Kinerja:Pengiriman:PesanUji"] = "true",
            ["Kinerja:Pengiriman:Paralel"] = "8",
            ["Kinerja:Pengiriman:BatasMengirim"] = "00:00:05",
            ["Kinerja:Pengiriman:JedaCobaLagi"] = "00:00:02",
            ["Kinerja:Pengiriman:TenggangPemulihan"] = "00:00:02",
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
        var sedangDikirim = (await klien.Buku.RingkasAsync(KlienPengiriman.Kantor, CancellationToken.None)).Single(x => x.Kurun == "2026-11").SedangDikirim;
        output.WriteLine($"SIGKILL after {saatMati} deliveries ({waktu.Elapsed.TotalSeconds:0.0} s), {sedangDikirim} sends in flight in the ledger");

        await using var kedua = await BotProses.StartAsync(_dir.FullName, konfigurasi);
        var r = await klien.TungguSelesaiAsync("2026-11", TimeSpan.FromMinutes(5), () => kedua.Log);
        await Task.Delay(1000); // answers of the fake still on their way
        output.WriteLine($"after restart: {r.Berstatus(StatusPengiriman.Terkirim)} sent, {r.MungkinTerkirim} interrupted in flight, " +
                         $"{connector.TotalDiterima} received by the connector, {waktu.Elapsed.TotalSeconds:0.0} s overall");

        // 0 duplicated: nobody got a message twice.
        Assert.All(connector.Diterima, p => Assert.Equal(1, p.Value));

        // The recovery of interrupted sends ran: the kill left sends in flight, and each was closed as "mungkin
        // terkirim" (never replayed); at most what was in flight at the kill (16 workers × 8).
        Assert.True(sedangDikirim > 0, "the kill left no send in flight: the interrupted-send recovery was not exercised");
        var terputus = new Dictionary<Kinerja.Domain.Organisasi.Nip, CatatanPengiriman>();
        string? lanjutan = null;
        do
        {
            var halaman = await klien.Buku.DaftarAsync(KlienPengiriman.Kantor, "uji-pengiriman", "2026-11", StatusPengiriman.Gagal, lanjutan, 1000, CancellationToken.None);
            foreach (var c in halaman.Catatan)
            {
                Assert.True(c.MungkinTerkirim, $"{c.Kunci} failed for good: {c.Keterangan}");
                terputus[c.Kunci.Penerima] = c;
            }

            lanjutan = halaman.Lanjutan;
        }
        while (lanjutan is not null);

        Assert.InRange(terputus.Count, 1, 16 * 8);
        Assert.All(terputus.Values, c => Assert.StartsWith("pengiriman terputus", c.Keterangan, StringComparison.Ordinal));
        Assert.Equal(N, r.Berstatus(StatusPengiriman.Terkirim) + terputus.Count);

        // They are what the coordinators' card reports as "mungkin terkirim".
        Assert.Equal(terputus.Count, r.MungkinTerkirim);

        // 0 lost where the engine can know: everyone not recorded as interrupted in flight received their message.
        var hilangDiketahui = Enumerable.Range(0, N)
            .Count(i => !terputus.ContainsKey(Kinerja.Testing.Builders.NipSintetis.Ke(i)) && !connector.Diterima.ContainsKey(KlienPengiriman.Percakapan(i)));
        Assert.Equal(0, hilangDiketahui);

        var hilang = terputus.Keys.Count(n => !connector.Diterima.ContainsKey(KlienPengiriman.Percakapan(Indeks(n))));
        output.WriteLine($"interrupted in flight: {terputus.Count}, of which the connector received {terputus.Count - hilang} and never received {hilang}; " +
                         $"lost outside them: {hilangDiketahui}; duplicated: {connector.Diterima.Count(p => p.Value > 1)}");
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

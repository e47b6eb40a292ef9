using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Testing.Builders;
using Azure.Core;
using Azure.Core.Pipeline;
using KinerjaBot.Storage.Tables;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The delivery ledger's contract against every adapter (SQLite on a temp file, Azure Tables on Azurite): one row per
/// key, compare-and-set on the version, races between two store instances end with exactly one winner, paging.
/// </summary>
public abstract class BukuPengirimanStoreContractTests : IDisposable
{
    protected static readonly DateTimeOffset Pukul10 = new(2026, 11, 28, 3, 10, 0, TimeSpan.Zero);
    protected static readonly CancellationToken Ct = CancellationToken.None;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-buku-");
    private readonly List<TestStore> _stores = [];

    /// <summary>Opens a store on this test's data (a second call: a second instance on the same data).</summary>
    protected abstract TestStore Buka(string dbPath);

    /// <summary>This test's SQLite file (the Tables subclass ignores it).</summary>
    protected string DbPath => Path.Combine(_dir.FullName, "kinerja.db");

    private IBukuPengirimanStore BukuBaru()
    {
        var store = Buka(DbPath);
        _stores.Add(store);
        return store.BukuPengiriman;
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    protected static KunciPengiriman Kunci(int i, string jenis = JenisPengiriman.PengingatSkp, string kurun = "2027-H7", string kantor = "KPPN-METRO") =>
        new(jenis, kurun, kantor, NipSintetis.Ke(i));

    protected static CatatanPengiriman Baru(int i, int menit = 0, string kurun = "2027-H7") =>
        CatatanPengiriman.Baru(new RencanaKirim(Kunci(i, kurun: kurun), Pukul10.AddMinutes(menit)), Pukul10);

    [Fact]
    public async Task Tambah_KunciYangSama_HanyaSekali_BarisPertamaTetap()
    {
        var buku = BukuBaru();
        Assert.True(await buku.TambahAsync(Baru(1, menit: 0), Ct));
        Assert.False(await buku.TambahAsync(Baru(1, menit: 60), Ct));

        var c = await buku.CariAsync(Kunci(1), Ct);
        Assert.NotNull(c);
        Assert.Equal((StatusPengiriman.Direncanakan, Pukul10, 1L, 0), (c.Status, c.KirimSetelah, c.Versi, c.Percobaan));
        Assert.Null(await buku.CariAsync(Kunci(2), Ct));
    }

    [Fact]
    public async Task Ganti_SemuaKolomTersimpan_KodeKantorTanpaBedaHuruf()
    {
        var buku = BukuBaru();
        await buku.TambahAsync(Baru(1), Ct);
        var mulai = (await buku.CariAsync(Kunci(1), Ct))!.MulaiKirim("host:1", Pukul10.AddSeconds(1));
        Assert.True(await buku.GantiAsync(mulai, Ct));
        var terkirim = mulai.Terkirim("https://smba.trafficmanager.net/apac/", "a:Chat-1", "1:Act", Pukul10.AddSeconds(2));
        Assert.True(await buku.GantiAsync(terkirim, Ct));

        var c = await buku.CariAsync(Kunci(1, kantor: "kppn-metro"), Ct);
        Assert.Equal(terkirim with { Kunci = c!.Kunci }, c);
        Assert.Equal((StatusPengiriman.Terkirim, 3L, "a:Chat-1", "1:Act", (DateTimeOffset?)null), (c.Status, c.Versi, c.ConversationId, c.ActivityId, c.MulaiKirimPada));
    }

    [Fact]
    public async Task Ganti_DenganVersiUsang_Konflik_TidakMengubahApaPun()
    {
        var buku = BukuBaru();
        await buku.TambahAsync(Baru(1), Ct);
        var v1 = (await buku.CariAsync(Kunci(1), Ct))!;
        Assert.True(await buku.GantiAsync(v1.MulaiKirim("a", Pukul10), Ct));

        // A writer still holding version 1 loses: its change is not written.
        Assert.False(await buku.GantiAsync(v1.Dilewati(Pukul10), Ct));
        Assert.False(await buku.GantiAsync(Baru(9).MulaiKirim("a", Pukul10), Ct)); // no such row
        var c = await buku.CariAsync(Kunci(1), Ct);
        Assert.Equal((StatusPengiriman.Direncanakan, 2L, "a"), (c!.Status, c.Versi, c.Pekerja));
    }

    [Fact]
    public async Task DuaPekerja_MengklaimPengirimanYangSama_TepatSatuMenang()
    {
        var satu = BukuBaru();
        var dua = BukuBaru();
        const int N = 40;
        for (var i = 0; i < N; i++)
        {
            await satu.TambahAsync(Baru(i), Ct);
        }

        // Both instances read the same version of every row, then race to write their in-flight mark.
        var menang = await Task.WhenAll(Enumerable.Range(0, N).Select(async i =>
        {
            var a = (await satu.CariAsync(Kunci(i), Ct))!;
            var b = (await dua.CariAsync(Kunci(i), Ct))!;
            var hasil = await Task.WhenAll(
                Task.Run(() => satu.GantiAsync(a.MulaiKirim("pekerja-1", Pukul10), Ct)),
                Task.Run(() => dua.GantiAsync(b.MulaiKirim("pekerja-2", Pukul10), Ct)));
            return hasil.Count(x => x);
        }));

        Assert.All(menang, n => Assert.Equal(1, n));
        for (var i = 0; i < N; i++)
        {
            var c = (await dua.CariAsync(Kunci(i), Ct))!;
            Assert.Equal(2L, c.Versi);
            Assert.Contains(c.Pekerja, new[] { "pekerja-1", "pekerja-2" });
        }
    }

    [Fact]
    public async Task Daftar_PerHalaman_UrutNip_DanSaringStatus()
    {
        var buku = BukuBaru();
        for (var i = 0; i < 25; i++)
        {
            await buku.TambahAsync(Baru(i), Ct);
        }

        await buku.TambahAsync(Baru(100, kurun: "2027-H3"), Ct); // another period: not listed
        for (var i = 0; i < 25; i += 5)
        {
            var c = (await buku.CariAsync(Kunci(i), Ct))!;
            Assert.True(await buku.GantiAsync(c.TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "MessageWritesBlocked", Pukul10), Ct));
        }

        var semua = new List<CatatanPengiriman>();
        string? lanjutan = null;
        var halaman = 0;
        do
        {
            var h = await buku.DaftarAsync("kppn-metro", JenisPengiriman.PengingatSkp, "2027-H7", null, lanjutan, 10, Ct);
            semua.AddRange(h.Catatan);
            lanjutan = h.Lanjutan;
            halaman++;
        }
        while (lanjutan is not null);

        Assert.Equal(3, halaman);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => NipSintetis.Ke(i).Value), semua.Select(c => c.Kunci.Penerima.Value));
        var tidak = await buku.DaftarAsync("KPPN-METRO", JenisPengiriman.PengingatSkp, "2027-H7", StatusPengiriman.TidakTerjangkau, null, 100, Ct);
        Assert.Null(tidak.Lanjutan);
        Assert.Equal([0, 5, 10, 15, 20], tidak.Catatan.Select(c => semua.FindIndex(s => s.Kunci == c.Kunci)));
        Assert.All(tidak.Catatan, c => Assert.Equal(AlasanTidakTerjangkau.DiblokirPengguna, c.Alasan));
    }

    [Fact]
    public async Task Ringkas_MenghitungPerJenisDanKurun()
    {
        var buku = BukuBaru();
        for (var i = 0; i < 6; i++)
        {
            await buku.TambahAsync(Baru(i), Ct);
        }

        await buku.TambahAsync(Baru(50, kurun: "2027-H3"), Ct);
        var satu = (await buku.CariAsync(Kunci(0), Ct))!.MulaiKirim("p", Pukul10);
        await buku.GantiAsync(satu, Ct);
        await buku.GantiAsync(satu.Terkirim("https://x/", "c", "a", Pukul10.AddMinutes(5)), Ct);
        var dua = (await buku.CariAsync(Kunci(1), Ct))!.MulaiKirim("p", Pukul10);
        await buku.GantiAsync(dua, Ct);
        await buku.GantiAsync(dua.Gagal("timeout", mungkinTerkirim: true, Pukul10.AddMinutes(6)), Ct);
        await buku.GantiAsync((await buku.CariAsync(Kunci(2), Ct))!.MulaiKirim("p", Pukul10), Ct);

        var r = await buku.RingkasAsync("kppn-metro", Ct);

        Assert.Equal(["2027-H7", "2027-H3"], r.Select(x => x.Kurun));
        var h7 = r[0];
        Assert.Equal((7 - 1, 1, 1, 4, 1, 1), (h7.Total, h7.Berstatus(StatusPengiriman.Terkirim), h7.Berstatus(StatusPengiriman.Gagal),
            h7.Berstatus(StatusPengiriman.Direncanakan), h7.MungkinTerkirim, h7.SedangDikirim));
        Assert.Equal(Pukul10.AddMinutes(6), h7.TerakhirDiperbarui);
        Assert.Empty(await buku.RingkasAsync("KPPN-LAIN", Ct));
    }

    [Fact]
    public async Task DaftarTerbuka_HanyaYangDirencanakanDanSudahWaktunya()
    {
        var buku = BukuBaru();
        await buku.TambahAsync(Baru(1, menit: 0), Ct);
        await buku.TambahAsync(Baru(2, menit: 30), Ct);
        await buku.TambahAsync(Baru(3, menit: 0), Ct);
        var tiga = (await buku.CariAsync(Kunci(3), Ct))!;
        await buku.GantiAsync(tiga.Dilewati(Pukul10), Ct);
        await buku.TambahAsync(Baru(4, menit: 0), Ct);
        await buku.GantiAsync((await buku.CariAsync(Kunci(4), Ct))!.MulaiKirim("p", Pukul10), Ct); // in flight: still open

        var terbuka = await buku.DaftarTerbukaAsync(Pukul10.AddMinutes(1), 100, Ct);

        Assert.Equal([Kunci(1), Kunci(4)], terbuka.Select(c => c.Kunci).OrderBy(k => k.Penerima.Value, StringComparer.Ordinal));
        // Whole rows, as CariAsync reads them (the recovery job reads no row twice).
        Assert.Equal(await buku.CariAsync(Kunci(4), Ct), terbuka.Single(c => c.Kunci == Kunci(4)));
        Assert.Single(await buku.DaftarTerbukaAsync(Pukul10.AddMinutes(1), 1, Ct));
    }

    [Fact]
    public async Task KeteranganPanjang_DipotongDomain_KeduaAdapterMenyimpanYangSama()
    {
        var buku = BukuBaru();
        await buku.TambahAsync(Baru(1), Ct);
        await buku.TambahAsync(Baru(2), Ct);
        // A connector error text of 100,000 characters (an HTML error page): over the 64 KiB of a Tables property.
        var panjang = "<html>" + new string('x', 100_000);
        var mulai = (await buku.CariAsync(Kunci(1), Ct))!.MulaiKirim("p", Pukul10);
        Assert.True(await buku.GantiAsync(mulai, Ct));
        Assert.True(await buku.GantiAsync(mulai.Gagal(panjang, mungkinTerkirim: true, Pukul10), Ct));
        Assert.True(await buku.GantiAsync((await buku.CariAsync(Kunci(2), Ct))!.CobaLagi(Pukul10.AddMinutes(5), panjang, Pukul10), Ct));

        foreach (var i in (int[])[1, 2])
        {
            var c = (await buku.CariAsync(Kunci(i), Ct))!;
            Assert.Equal(CatatanPengiriman.KeteranganMaksimal, c.Keterangan!.Length);
            Assert.StartsWith("<html>xxx", c.Keterangan, StringComparison.Ordinal);
            Assert.EndsWith("…", c.Keterangan, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteBukuPengirimanStoreTests : BukuPengirimanStoreContractTests
{
    protected override TestStore Buka(string dbPath) => new(dbPath);
}

/// <summary>The contract on Azure Tables, on Azurite; each test gets its own table name prefix (fresh tables).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableBukuPengirimanStoreTests(AzuriteFixture azurite) : BukuPengirimanStoreContractTests
{
    private readonly string _prefix = "B" + Guid.NewGuid().ToString("N")[..20];

    protected override TestStore Buka(string dbPath)
    {
        var store = new TestStore(dbPath, null, azurite.Konfigurasi(_prefix));
        Assert.IsType<TableBukuPengirimanStore>(store.BukuPengiriman);
        return store;
    }

    [Fact]
    public async Task PenulisLainMendaratAntaraBacaDanTulis_Ganti412_DitolakTanpaMenimpa()
    {
        using var b = Buka(DbPath);
        await b.BukuPengiriman.TambahAsync(Baru(1), Ct);
        // Store A's replace is held back until store B has written its own in-flight mark: B lands after A read the
        // row and its ETag, before A's If-Match replace reaches the service. With If-Match "*" A would overwrite B.
        var sela = new PenulisDiAntara(
            m => m.Request.Method == RequestMethod.Put && Uri.UnescapeDataString(m.Request.Uri.Path).Contains("PartitionKey='pengiriman|", StringComparison.Ordinal),
            async () =>
            {
                var c = (await b.BukuPengiriman.CariAsync(Kunci(1), Ct))!;
                Assert.True(await b.BukuPengiriman.GantiAsync(c.MulaiKirim("pekerja-b", Pukul10), Ct));
            });
        using var a = new TestStore(DbPath, null, azurite.Konfigurasi(_prefix), s => s.AddSingleton<HttpPipelinePolicy>(sela));
        var v1 = (await a.BukuPengiriman.CariAsync(Kunci(1), Ct))!;
        sela.Aktif = true;

        var menang = await a.BukuPengiriman.GantiAsync(v1.MulaiKirim("pekerja-a", Pukul10), Ct);

        Assert.Equal(1, sela.Terjadi);
        Assert.False(menang);
        var tersimpan = (await a.BukuPengiriman.CariAsync(Kunci(1), Ct))!;
        Assert.Equal(("pekerja-b", 2L), (tersimpan.Pekerja, tersimpan.Versi));
    }

    [Fact]
    public async Task DaftarTerbuka_SatuPermintaanPerPartisiTerbuka_TidakTumbuhDenganBarisSelesai_IndeksBasiDibersihkan()
    {
        var waktu = new FakeTimeProvider(Pukul10);
        using var store = new TestStore(DbPath, waktu, azurite.Konfigurasi(_prefix));
        var buku = store.BukuPengiriman;
        var penghitung = store.Layanan.GetRequiredService<PenghitungPermintaanTables>();
        // 60 finished deliveries of an earlier period (the ledger keeps them), 3 open ones of this period.
        for (var i = 0; i < 60; i++)
        {
            await buku.TambahAsync(Baru(i, kurun: "2027-H3"), Ct);
            var c = (await buku.CariAsync(Kunci(i, kurun: "2027-H3"), Ct))!;
            if (i == 0)
            {
                var mulai = c.MulaiKirim("p", Pukul10);
                Assert.True(await buku.GantiAsync(mulai, Ct));
                Assert.True(await buku.GantiAsync(mulai.Terkirim("https://x/", "a:c", "1:a", Pukul10), Ct));
            }
            else
            {
                Assert.True(await buku.GantiAsync(c.Dilewati(Pukul10), Ct));
            }
        }

        for (var i = 0; i < 3; i++)
        {
            await buku.TambahAsync(Baru(i), Ct);
        }

        async Task<(int Jumlah, long Permintaan)> PulihkanAsync()
        {
            var sebelum = penghitung.Jumlah;
            var terbuka = await buku.DaftarTerbukaAsync(waktu.GetUtcNow(), 100, Ct);
            return (terbuka.Count, penghitung.Jumlah - sebelum);
        }

        // The index, then the two indexed partitions (H3's entry is fresh: a writer may be about to plan into it).
        Assert.Equal((3, 3L), await PulihkanAsync());
        waktu.Advance(TableBukuPengirimanStore.Basi + TimeSpan.FromMinutes(1));
        // Stale now: H3's entry is removed by the scan (one delete) ...
        Assert.Equal((3, 4L), await PulihkanAsync());
        // ... and from then on recovery reads the index and the one partition with open deliveries, whatever the ledger holds.
        Assert.Equal((3, 2L), await PulihkanAsync());

        // A delivery planned again into the cleaned partition (Ingatkan besok) puts it back into the index first.
        var terkirim = (await buku.CariAsync(Kunci(0, kurun: "2027-H3"), Ct))!;
        Assert.True(await buku.GantiAsync(terkirim.Tunda(waktu.GetUtcNow(), waktu.GetUtcNow()), Ct));
        Assert.Equal((4, 3L), await PulihkanAsync());
    }

    [Fact]
    public async Task NilaiMelebihi64KB_DitolakSebelumDikirim_PesanMenyebutTabelDanProperti()
    {
        using var store = Buka(DbPath);
        var penghitung = store.Layanan.GetRequiredService<PenghitungPermintaanTables>();
        await store.BukuPengiriman.TambahAsync(Baru(1), Ct);
        var mulai = (await store.BukuPengiriman.CariAsync(Kunci(1), Ct))!.MulaiKirim("p", Pukul10);
        Assert.True(await store.BukuPengiriman.GantiAsync(mulai, Ct));
        var terkirim = mulai.Terkirim("https://smba.trafficmanager.net/apac/" + new string('a', 40_000), "a:Chat-1", "1:Act", Pukul10);
        var sebelum = penghitung.Jumlah;

        var e = await Assert.ThrowsAsync<EntitasTerlaluBesarException>(() => store.BukuPengiriman.GantiAsync(terkirim, Ct));

        Assert.Equal(("Pengiriman", "ServiceUrl"), (e.Tabel, e.Properti));
        Assert.Contains("property 'ServiceUrl' holds 40,037 characters", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, penghitung.Jumlah - sebelum); // the read of the version only: the write was never sent
        Assert.Equal(StatusPengiriman.Direncanakan, (await store.BukuPengiriman.CariAsync(Kunci(1), Ct))!.Status);
    }
}

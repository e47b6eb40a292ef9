using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using KinerjaBot.Rekap;
using KinerjaBot.Storage.Tables;
using KinerjaBot.Tests.Import;
using KinerjaBot.Tests.Rekap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The storage contract of <see cref="IKantorStore"/> and <see cref="IPenggunaStore"/>: the same tests, the same
/// expectations, against every adapter (SQLite on a temp file, Azure Tables on Azurite). A subclass only says how to
/// open a store; two stores opened on the same dataset share the same data, as two bot instances would.
/// </summary>
public abstract class StoreContractTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DemoDataset _d = new();
    private readonly List<TestStore> _stores = [];

    /// <summary>Opens another store on this test's data (its own service provider: an independent writer).</summary>
    protected abstract TestStore Buka(string dbPath, TimeProvider? time);

    private TestStore Store(TimeProvider? time = null)
    {
        var store = Buka(_d.DbPath, time);
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        _d.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SimpanLaluMuat_IsiDanUrutanSama()
    {
        var store = Store();
        // One more initiative with neither deadline nor description: both must come back empty.
        _d.Tambah("inisiatif.csv", "2026,197603141998031002,Pengelolaan kas yang akurat,Dasbor kas harian,12.5,,");
        var data = store.Baca(_d.Folder);

        var hasil = await store.Kantor.SimpanAsync(data, Ct);
        var dimuat = await store.Kantor.MuatAsync("KPPN-METRO", Ct);

        Assert.Equal(("KPPN-METRO", true, 5, 25, 33, 93),
            (hasil.KodeKantor, hasil.KantorBaru, hasil.JumlahUnit, hasil.JumlahPegawai, hasil.JumlahKontrak, hasil.JumlahIku));
        Assert.Empty(hasil.TahunDiganti);
        Assert.Equal([2026, 2027], hasil.TahunBaru);
        Assert.NotNull(dimuat);
        Assert.Equal(DataKantorDump.Teks(data), DataKantorDump.Teks(dimuat));

        // The demo's strategic initiatives come back in data order, with the deadline and the empty description as given.
        var hendarto = Nip.Parse("197603141998031002");
        Assert.Equal(4, dimuat.Inisiatif(2026, hendarto).Count);
        Assert.Equal(data.Inisiatif(2026, hendarto), dimuat.Inisiatif(2026, hendarto));
        Assert.Null(dimuat.Inisiatif(2026, hendarto)[0].Keterangan);
        Assert.Equal(new DateOnly(2026, 9, 30), dimuat.Inisiatif(2026, hendarto)[1].Tenggat);
        Assert.Equal(new InisiatifStrategis("Dasbor kas harian", "Pengelolaan kas yang akurat", 12.5m), dimuat.Inisiatif(2026, hendarto)[3]);
    }

    [Fact]
    public async Task DariStore_RekapTw3SamaDenganFixture()
    {
        var store = Store();
        await store.Importer.ImporAsync(_d.Folder, Ct);
        var data = await Store().Kantor.MuatAsync("kppn-metro", Ct);
        var kebijakan = KebijakanPenilaianReader.BacaPreset("kmk467");
        RekapFixture.SamaDenganFixture("TW3", RekapExport.Csv(new Penilai(kebijakan).Rekap(data!, new Periode(2026, 3)), kebijakan));
    }

    [Fact]
    public async Task ImporUlang_TahunDalamDataDiganti_TahunLainTetap()
    {
        var store = Store();
        await store.Importer.ImporAsync(_d.Folder, Ct);
        var awal = (await store.Kantor.MuatAsync("KPPN-METRO", Ct))!;

        // The second file holds 2027 only, with one IKU renamed, one person renamed and one e-mail changed.
        using var d2 = new DemoDataset();
        foreach (var file in (string[])["iku.csv", "target.csv", "realisasi.csv", "perilaku.csv", "skp.csv", "inisiatif.csv"])
        {
            d2.Saring(file, l => l.StartsWith("2027,", StringComparison.Ordinal));
        }

        d2.Edit("iku.csv", 2, s => s.Replace("Persentase akurasi perencanaan kas KPPN", "Akurasi perencanaan kas (revisi)", StringComparison.Ordinal));
        d2.Edit("pegawai.csv", 3, s => s.Replace("Ratna Dewi Anggraini", "Ratna Dewi A.", StringComparison.Ordinal)
            .Replace("ratna.anggraini@", "ratna.da@", StringComparison.Ordinal));
        var hasil = await store.Importer.ImporAsync(d2.Folder, Ct);

        Assert.False(hasil.KantorBaru);
        Assert.Equal([2027], hasil.TahunDiganti);
        Assert.Empty(hasil.TahunBaru);

        var akhir = (await Store().Kantor.MuatAsync("KPPN-METRO", Ct))!;
        static IEnumerable<string> TanpaOrganisasi(DataKantor data, int tahun) => DataKantorDump.Teks(data, tahun).Split('\n')
            .Where(l => !l.StartsWith("unit", StringComparison.Ordinal) && !l.StartsWith("pegawai", StringComparison.Ordinal));
        Assert.Equal(TanpaOrganisasi(awal, 2026), TanpaOrganisasi(akhir, 2026));
        Assert.Contains(TanpaOrganisasi(akhir, 2026), l => l.StartsWith("inisiatif 2026|", StringComparison.Ordinal));
        Assert.Equal("Akurasi perencanaan kas (revisi)", akhir.CariKontrak(2027, Nip.Parse("199505112018031005"))!.CariIku("3a.005")!.Nama);
        Assert.Equal("Ratna Dewi A.", akhir.Pegawai[1].Nama);
        Assert.Equal([2026, 2027], akhir.TahunKontrak);

        // The e-mail lookup follows the new organisation: the new address is found, the old one no longer is.
        Assert.Equal(("KPPN-METRO", Nip.Parse("198407222006122001")), await store.Kantor.CariByEmailAsync("RATNA.DA@kemenkeu.example", Ct));
        Assert.Null(await store.Kantor.CariByEmailAsync("ratna.anggraini@kemenkeu.example", Ct));
    }

    [Fact]
    public async Task CariByEmail_DuaKantor_TanpaMembedakanHurufBesar()
    {
        var store = Store();
        await store.Importer.ImporAsync(_d.Folder, Ct);
        var lain = new DataKantor();
        lain.TambahUnit(new Unit("KPPN-LAIN", "KPPN Lain", null, LevelUnit.Three, ZonaWaktu.Wita));
        lain.TambahPegawai(new Pegawai(Nip.Parse("199001012015031001"), "Budi Santoso", "Budi.Santoso@Lain.example", "Kepala Kantor", "KPPN-LAIN", null, true));
        var hasil = await store.Kantor.SimpanAsync(lain, Ct);
        Assert.True(hasil.KantorBaru);

        var kedua = Store().Kantor;
        Assert.Equal(("KPPN-METRO", Nip.Parse("199312012015032004")), await kedua.CariByEmailAsync("  Lestari.Handayani@KEMENKEU.example ", Ct));
        Assert.Equal(("KPPN-LAIN", Nip.Parse("199001012015031001")), await kedua.CariByEmailAsync("budi.santoso@lain.EXAMPLE", Ct));
        Assert.Null(await kedua.CariByEmailAsync("tidak.ada@kemenkeu.example", Ct));
        Assert.Equal(["KPPN-LAIN", "KPPN-METRO"], await kedua.DaftarKantorAsync(Ct));
        Assert.NotNull(await kedua.MuatAsync("kppn-metro", Ct));
        Assert.Equal("Budi Santoso", Assert.Single((await kedua.MuatAsync("KPPN-LAIN", Ct))!.Pegawai).Nama);
        Assert.Null(await kedua.MuatAsync("KPPN-ENTAH", Ct));
    }

    [Fact]
    public async Task DaftarVersiKantor_SetiapSimpanMenaikkanVersiKantorItuSaja()
    {
        var store = Store();
        Assert.Empty(await store.Kantor.DaftarVersiKantorAsync(Ct));
        await store.Importer.ImporAsync(_d.Folder, Ct);
        var lain = new DataKantor();
        lain.TambahUnit(new Unit("KPPN-LAIN", "KPPN Lain", null, LevelUnit.Three, ZonaWaktu.Wita));
        await store.Kantor.SimpanAsync(lain, Ct);
        var awal = await Store().Kantor.DaftarVersiKantorAsync(Ct);

        await store.Kantor.SimpanAsync(lain, Ct);
        var akhir = await Store().Kantor.DaftarVersiKantorAsync(Ct);

        Assert.Equal(["KPPN-LAIN", "KPPN-METRO"], awal.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(awal["KPPN-METRO"], akhir["KPPN-METRO"]);
        Assert.Equal(awal["KPPN-LAIN"] + 1, akhir["KPPN-LAIN"]);
    }

    [Fact]
    public async Task DuaImporBersamaan_BerakhirPadaSatuKeadaanUtuh()
    {
        using var b = new DemoDataset();
        b.Edit("pegawai.csv", 3, s => s.Replace("Ratna Dewi Anggraini", "Ratna (versi B)", StringComparison.Ordinal));
        b.Edit("target.csv", 2, s => s.Replace(",TW1,90,", ",TW1,91,", StringComparison.Ordinal));
        b.Edit("perilaku.csv", 2, s => s.Replace(",68.41,", ",70,", StringComparison.Ordinal));

        // Two stores on the same data: two independent writers, as two bot instances would be.
        var s1 = Store();
        var s2 = Store();
        var dataA = s1.Baca(_d.Folder);
        var dataB = s2.Baca(b.Folder);
        var teksA = DataKantorDump.Teks(dataA);
        var teksB = DataKantorDump.Teks(dataB);
        Assert.NotEqual(teksA, teksB);

        for (var i = 0; i < 3; i++)
        {
            var hasil = await Task.WhenAll(
                Task.Run(() => s1.Kantor.SimpanAsync(dataA, Ct)),
                Task.Run(() => s2.Kantor.SimpanAsync(dataB, Ct)));
            Assert.Equal(i == 0 ? 1 : 0, hasil.Count(h => h.KantorBaru));

            var akhir = DataKantorDump.Teks((await s1.Kantor.MuatAsync("KPPN-METRO", Ct))!);
            Assert.True(akhir == teksA || akhir == teksB, "keadaan campuran setelah dua impor bersamaan");
        }
    }

    [Fact]
    public async Task Pengguna_SimpanCariDanTimpa()
    {
        var waktu = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.FromHours(7)));
        var store = Store(waktu);
        var lestari = Nip.Parse("199312012015032004");
        var pengguna = new PenggunaTerkait("aad-1", "KPPN-METRO", lestari, "lestari.handayani@kemenkeu.example", waktu.GetUtcNow());

        Assert.Null(await store.Pengguna.CariAsync("aad-1", Ct));
        Assert.Null(await store.Pengguna.CariByNipAsync("KPPN-METRO", lestari, Ct));
        await store.Pengguna.SimpanAsync(pengguna, Ct);
        Assert.Equal(pengguna, await Store(waktu).Pengguna.CariAsync("aad-1", Ct));
        Assert.Equal(pengguna, await store.Pengguna.CariByNipAsync("kppn-metro", lestari, Ct));

        // A newer link of another Teams user to the same employee wins CariByNip.
        waktu.Advance(TimeSpan.FromHours(1));
        var kedua = pengguna with { AadObjectId = "aad-2", DikaitkanPada = waktu.GetUtcNow() };
        await store.Pengguna.SimpanAsync(kedua, Ct);
        Assert.Equal(kedua, await store.Pengguna.CariByNipAsync("KPPN-METRO", lestari, Ct));

        // Re-linking aad-2 to someone else overwrites it, and it no longer answers for Lestari.
        waktu.Advance(TimeSpan.FromDays(1));
        var baru = kedua with { Nip = Nip.Parse("199806212020031006"), DikaitkanPada = waktu.GetUtcNow() };
        await store.Pengguna.SimpanAsync(baru, Ct);
        Assert.Equal(baru, await store.Pengguna.CariAsync("aad-2", Ct));
        Assert.Equal(baru, await store.Pengguna.CariByNipAsync("KPPN-METRO", baru.Nip, Ct));
        Assert.Equal(pengguna, await store.Pengguna.CariByNipAsync("KPPN-METRO", lestari, Ct));
    }

    [Fact]
    public async Task Pengguna_DuaSimpanBersamaan_SatuUtuhMenang()
    {
        var waktu = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero));
        var s1 = Store(waktu);
        var s2 = Store(waktu);
        var a = new PenggunaTerkait("aad-x", "KPPN-METRO", Nip.Parse("199312012015032004"), "a@kemenkeu.example", waktu.GetUtcNow());
        var b = a with { Nip = Nip.Parse("199806212020031006"), Email = "b@kemenkeu.example" };

        for (var i = 0; i < 3; i++)
        {
            await Task.WhenAll(Task.Run(() => s1.Pengguna.SimpanAsync(a, Ct)), Task.Run(() => s2.Pengguna.SimpanAsync(b, Ct)));
            var akhir = await s1.Pengguna.CariAsync("aad-x", Ct);
            Assert.True(akhir == a || akhir == b, $"keadaan campuran: {akhir}");
        }
    }
}

/// <summary>The contract on SQLite, on a file in a temp folder.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override TestStore Buka(string dbPath, TimeProvider? time) => new(dbPath, time);
}

/// <summary>The contract on Azure Tables, on Azurite; each test gets its own table name prefix (fresh tables).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoreContractTests(AzuriteFixture azurite) : StoreContractTests
{
    private readonly string _prefix = "T" + Guid.NewGuid().ToString("N")[..20];

    protected override TestStore Buka(string dbPath, TimeProvider? time)
    {
        var store = new TestStore(dbPath, time, new Dictionary<string, string?>
        {
            ["Kinerja:Storage:Provider"] = "tables",
            ["Kinerja:Storage:TablesConnectionString"] = azurite.ConnectionString,
            ["Kinerja:Storage:TablesPrefix"] = _prefix,
        });
        Assert.IsType<TableKantorStore>(store.Kantor);
        Assert.IsType<TablePenggunaStore>(store.Pengguna);
        return store;
    }
}

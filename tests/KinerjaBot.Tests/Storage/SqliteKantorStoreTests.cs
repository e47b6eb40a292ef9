using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using KinerjaBot.Rekap;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Import;
using KinerjaBot.Tests.Rekap;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Storage;

public sealed class SqliteKantorStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task SimpanLaluMuat_IsiDanUrutanSama()
    {
        using var d = new DemoDataset();
        using var store = new TestStore(d.DbPath);
        var data = store.Baca(d.Folder);

        var hasil = await store.Kantor.SimpanAsync(data, Ct);
        var dimuat = await store.Kantor.MuatAsync("KPPN-METRO", Ct);

        Assert.Equal(("KPPN-METRO", true, 5, 25, 33, 93),
            (hasil.KodeKantor, hasil.KantorBaru, hasil.JumlahUnit, hasil.JumlahPegawai, hasil.JumlahKontrak, hasil.JumlahIku));
        Assert.Empty(hasil.TahunDiganti);
        Assert.Equal([2026, 2027], hasil.TahunBaru);
        Assert.NotNull(dimuat);
        Assert.Equal(DataKantorDump.Teks(data), DataKantorDump.Teks(dimuat));
    }

    [Theory]
    [InlineData(1, "TW1")]
    [InlineData(2, "TW2")]
    [InlineData(3, "TW3")]
    public async Task DariStore_RekapSamaDenganFixture(int triwulan, string kode)
    {
        using var d = new DemoDataset();
        using var store = new TestStore(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);
        var data = await store.Kantor.MuatAsync("KPPN-METRO", Ct);
        var kebijakan = KebijakanPenilaianReader.BacaPreset("kmk467");
        RekapFixture.SamaDenganFixture(kode, RekapExport.Csv(new Penilai(kebijakan).Rekap(data!, new Periode(2026, triwulan)), kebijakan));
    }

    [Fact]
    public async Task ImporUlang_TahunDalamDataDiganti_TahunLainTetap()
    {
        using var d = new DemoDataset();
        using var store = new TestStore(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);
        var awal = (await store.Kantor.MuatAsync("KPPN-METRO", Ct))!;

        // The second file holds 2027 only, with one IKU renamed, and one person renamed.
        using var d2 = new DemoDataset();
        foreach (var file in (string[])["iku.csv", "target.csv", "realisasi.csv", "perilaku.csv", "skp.csv"])
        {
            d2.Saring(file, l => l.StartsWith("2027,", StringComparison.Ordinal));
        }

        d2.Edit("iku.csv", 2, s => s.Replace("Persentase akurasi perencanaan kas KPPN", "Akurasi perencanaan kas (revisi)", StringComparison.Ordinal));
        d2.Edit("pegawai.csv", 3, s => s.Replace("Ratna Dewi Anggraini", "Ratna Dewi A.", StringComparison.Ordinal));
        var hasil = await store.Importer.ImporAsync(d2.Folder, Ct);

        Assert.False(hasil.KantorBaru);
        Assert.Equal([2027], hasil.TahunDiganti);
        Assert.Empty(hasil.TahunBaru);
        Assert.Contains("Data tahun 2027 untuk KPPN-METRO diganti.", KinerjaBot.Import.KantorImporter.Ringkasan(hasil));

        var akhir = (await store.Kantor.MuatAsync("KPPN-METRO", Ct))!;
        Assert.Equal(DataKantorDump.Teks(awal, tahun: 2026).Split('\n').Where(l => !l.StartsWith("unit", StringComparison.Ordinal) && !l.StartsWith("pegawai", StringComparison.Ordinal)),
            DataKantorDump.Teks(akhir, tahun: 2026).Split('\n').Where(l => !l.StartsWith("unit", StringComparison.Ordinal) && !l.StartsWith("pegawai", StringComparison.Ordinal)));
        Assert.Equal("Akurasi perencanaan kas (revisi)", akhir.CariKontrak(2027, Nip.Parse("199505112018031005"))!.CariIku("3a.005")!.Nama);
        Assert.Equal("Ratna Dewi A.", akhir.Pegawai[1].Nama);
        Assert.Equal(DataKantorDump.Teks(store.Baca(d2.Folder), tahun: 2027), DataKantorDump.Teks(akhir, tahun: 2027));
    }

    [Fact]
    public async Task DuaImporBersamaan_BerakhirPadaSatuKeadaanUtuh()
    {
        using var a = new DemoDataset();
        using var b = new DemoDataset();
        b.Edit("pegawai.csv", 3, s => s.Replace("Ratna Dewi Anggraini", "Ratna (versi B)", StringComparison.Ordinal));
        b.Edit("target.csv", 2, s => s.Replace(",TW1,90,", ",TW1,91,", StringComparison.Ordinal));
        b.Edit("perilaku.csv", 2, s => s.Replace(",68.41,", ",70,", StringComparison.Ordinal));
        var dbPath = a.DbPath;

        // Two service providers: two independent writers on one file, as two processes would be.
        using var s1 = new TestStore(dbPath);
        using var s2 = new TestStore(dbPath);
        var dataA = s1.Baca(a.Folder);
        var dataB = s2.Baca(b.Folder);
        var teksA = DataKantorDump.Teks(dataA);
        var teksB = DataKantorDump.Teks(dataB);
        Assert.NotEqual(teksA, teksB);

        const int putaran = 4;
        for (var i = 0; i < putaran; i++)
        {
            var hasil = await Task.WhenAll(
                Task.Run(() => s1.Kantor.SimpanAsync(dataA, Ct)),
                Task.Run(() => s2.Kantor.SimpanAsync(dataB, Ct)));
            Assert.Equal(i == 0 ? 1 : 0, hasil.Count(h => h.KantorBaru));

            var akhir = DataKantorDump.Teks((await s1.Kantor.MuatAsync("KPPN-METRO", Ct))!);
            Assert.True(akhir == teksA || akhir == teksB, "keadaan campuran setelah dua impor bersamaan");
        }

        // Every save bumped the version exactly once: no save was lost or merged.
        await using var connection = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT versi FROM kantor WHERE kunci = 'KPPN-METRO';";
        Assert.Equal(2L * putaran, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task CariByEmail_TanpaMembedakanHurufBesar()
    {
        using var d = new DemoDataset();
        using var store = new TestStore(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);

        var hasil = await store.Kantor.CariByEmailAsync("  Lestari.Handayani@KEMENKEU.example ", Ct);

        Assert.Equal(("KPPN-METRO", Nip.Parse("199312012015032004")), hasil);
        Assert.Null(await store.Kantor.CariByEmailAsync("tidak.ada@kemenkeu.example", Ct));
        Assert.Equal(["KPPN-METRO"], await store.Kantor.DaftarKantorAsync(Ct));
        Assert.NotNull(await store.Kantor.MuatAsync("kppn-metro", Ct));
        Assert.Null(await store.Kantor.MuatAsync("KPPN-LAIN", Ct));
    }

    [Fact]
    public async Task Skema_DibuatSekali_WalDanVersiTercatat()
    {
        using var d = new DemoDataset();
        using (var store = new TestStore(d.DbPath))
        {
            Assert.Empty(await store.Kantor.DaftarKantorAsync(Ct));
        }

        using (var store = new TestStore(d.DbPath))
        {
            Assert.Empty(await store.Kantor.DaftarKantorAsync(Ct));
        }

        await using var connection = new SqliteConnection($"Data Source={d.DbPath};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT group_concat(version) FROM schema_version;";
        // Every migration once, in order (other branches append theirs: never the absolute number).
        Assert.Equal(string.Join(",", Enumerable.Range(1, SqliteDatabase.VersiSkema)), await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Skema_LebihBaruDariAplikasi_Ditolak()
    {
        using var d = new DemoDataset();
        using (var store = new TestStore(d.DbPath))
        {
            await store.Kantor.DaftarKantorAsync(Ct);
        }

        await using (var connection = new SqliteConnection($"Data Source={d.DbPath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (99, 'x');";
            await cmd.ExecuteNonQueryAsync();
        }

        var db = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = d.DbPath }), TimeProvider.System, NullLogger<SqliteDatabase>.Instance);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.PastikanSkemaAsync(Ct));
        Assert.Contains("berskema versi 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pengguna_SimpanCariDanTimpa()
    {
        using var d = new DemoDataset();
        var waktu = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.FromHours(7)));
        using var store = new TestStore(d.DbPath, waktu);
        var pengguna = new PenggunaTerkait("aad-1", "KPPN-METRO", Nip.Parse("199312012015032004"), "lestari.handayani@kemenkeu.example", waktu.GetUtcNow());

        Assert.Null(await store.Pengguna.CariAsync("aad-1", Ct));
        await store.Pengguna.SimpanAsync(pengguna, Ct);
        Assert.Equal(pengguna, await store.Pengguna.CariAsync("aad-1", Ct));

        waktu.Advance(TimeSpan.FromDays(1));
        var baru = pengguna with { Nip = Nip.Parse("199806212020031006"), DikaitkanPada = waktu.GetUtcNow() };
        await store.Pengguna.SimpanAsync(baru, Ct);
        Assert.Equal(baru, await store.Pengguna.CariAsync("aad-1", Ct));
    }
}

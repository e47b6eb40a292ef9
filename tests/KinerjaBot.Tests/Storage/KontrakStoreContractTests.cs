using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Azure.Core;
using Azure.Core.Pipeline;
using KinerjaBot.Storage;
using KinerjaBot.Storage.Tables;
using KinerjaBot.Tests.Import;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Kinerja.Testing.Builders.SkpContoh;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The storage contract of <see cref="Kinerja.Domain.Ports.IKontrakStore"/> against every adapter (SQLite on a temp
/// file, Azure Tables on Azurite): round trip, conflicts on a stale revision, seed, re-import, delegations, revised
/// targets, and fifty decisions racing from fifty independent stores.
/// </summary>
public abstract class KontrakStoreContractTests
{
    protected static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Nip Yoga = Nip.Parse("199403082016031007");
    private static readonly Nip Putri = Nip.Parse("199909142021072001");

    /// <summary>Opens a store on this test's data (its own service provider: an independent writer).</summary>
    protected abstract TestStore Buka(string dbPath);

    [Fact]
    public async Task SimpanLaluMuat_StatusVersiPerubahanDanJejakSama()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        var skp = Diajukan();
        Assert.True((await store.Kontrak.SimpanAsync(skp, Ct)).Tersimpan);
        skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, "Naikkan target", Saluran.TeamsSubmit);
        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 13), true, Saluran.Teams, [new PerubahanTarget("IKU-1", 2, new Target(10.5m, 12.25m))], "Sudah");
        Assert.True((await store.Kontrak.SimpanAsync(skp, Ct)).Tersimpan);

        var dimuat = (await store.Kontrak.MuatAsync(KunciLestari, Ct))!;

        Assert.Equal(StatusSkp.Diajukan, dimuat.Status);
        Assert.Equal(4, dimuat.Revisi);
        Assert.Empty(dimuat.CatatanBaru);
        Assert.Equal(skp.JejakAudit, dimuat.JejakAudit);
        Assert.Equal([1, 2], dimuat.Versi.Select(v => v.Nomor));
        var perubahan = Assert.Single(dimuat.VersiTerakhir.Perubahan);
        Assert.Equal(("IKU-1", 2, 10.5m, (decimal?)12.25m), (perubahan.KodeIku, perubahan.Triwulan, perubahan.Target.Nilai, perubahan.Target.Atas));
        Assert.Equal("Sudah", dimuat.VersiTerakhir.Alasan);
        Assert.Null(await store.Kontrak.MuatAsync(new KunciSkp(Kantor, Tahun, Fajar), Ct));
    }

    [Fact]
    public async Task SimpanPadaRevisiLama_Konflik_TidakAdaYangDitulis_MembawaStatusSekarang()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        await store.Kontrak.SimpanAsync(Diajukan(), Ct);
        var a = (await store.Kontrak.MuatAsync(KunciLestari, Ct))!;
        var b = (await store.Kontrak.MuatAsync(KunciLestari, Ct))!;
        a.Setujui(Izin(a), Pada(2027, 1, 12), 1, Saluran.Teams);
        b.Kembalikan(Izin(b), Pada(2027, 1, 12), 1, "Perbaiki", Saluran.Teams);

        Assert.True((await store.Kontrak.SimpanAsync(a, Ct)).Tersimpan);
        var konflik = await store.Kontrak.SimpanAsync(b, Ct);

        Assert.False(konflik.Tersimpan);
        Assert.Equal((StatusSkp.Disetujui, 3), (konflik.Sekarang.Status, konflik.Sekarang.Revisi));
        Assert.Equal(3, (await store.Kontrak.MuatAsync(KunciLestari, Ct))!.JejakAudit.Count);
    }

    [Fact]
    public async Task ImporDemo_BagusMenungguSkp2027SeksinyaYangDiajukan()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);

        var menunggu = await store.Kontrak.DaftarMenungguAsync("kppn-metro", Bagus, new DateOnly(2027, 1, 15), Ct);

        Assert.Equal([Lestari, Fajar, Yoga], menunggu.Select(m => m.Kunci.Pemilik));
        Assert.All(menunggu, m => Assert.Equal((2027, 1, (Nip?)null), (m.Kunci.Tahun, m.Versi, m.AtasNama)));
        var putri = (await store.Kontrak.MuatAsync(new KunciSkp(Kantor, 2027, Putri), Ct))!;
        var seed = Assert.Single(putri.JejakAudit);
        Assert.Equal((StatusSkp.Dikembalikan, "impor", (StatusSkp?)null, (Pelaku?)null), (seed.Ke, seed.Saluran.Nilai, seed.Dari, seed.Oleh));
        Assert.Equal("Asia/Jakarta", seed.ZonaWaktu);
        Assert.Equal(StatusSkp.Disetujui, (await store.Kontrak.MuatAsync(new KunciSkp(Kantor, 2026, Lestari), Ct))!.Status);
    }

    [Fact]
    public async Task ImporUlang_StatusAlurTetap()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);
        var hasil = await KeputusanSkp.PutuskanAsync(store.Kontrak, KunciLestari, s => s.Setujui(Izin(s), Pada(2027, 1, 12), 1, Saluran.Teams), Ct);
        Assert.True(hasil.Berhasil);

        await store.Importer.ImporAsync(d.Folder, Ct);

        var skp = (await store.Kontrak.MuatAsync(KunciLestari, Ct))!;
        Assert.Equal(StatusSkp.Disetujui, skp.Status);
        Assert.Equal([StatusSkp.Diajukan, StatusSkp.Disetujui], skp.JejakAudit.Select(a => a.Ke));
        Assert.DoesNotContain(await store.Kontrak.DaftarMenungguAsync(Kantor, Bagus, new DateOnly(2027, 1, 15), Ct), m => m.Kunci.Pemilik == Lestari);
    }

    [Fact]
    public async Task Delegasi_SimpanDaftarHapus_DanPltMelihatAntrean()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);
        var plt = PltBagus(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31));

        await store.Kontrak.SimpanDelegasiAsync(plt, Ct);

        Assert.Equal([plt], await store.Kontrak.DaftarDelegasiAsync(Kantor, Ct));
        Assert.Empty(await store.Kontrak.DaftarMenungguAsync(Kantor, Maya, new DateOnly(2027, 2, 28), Ct));
        var sebagaiPlt = await store.Kontrak.DaftarMenungguAsync(Kantor, Maya, new DateOnly(2027, 3, 31), Ct);
        Assert.Equal(3, sebagaiPlt.Count);
        Assert.All(sebagaiPlt, m => Assert.Equal(Bagus, m.AtasNama));
        Assert.Empty(await store.Kontrak.DaftarMenungguAsync(Kantor, Maya, new DateOnly(2027, 4, 1), Ct));

        Assert.True(await store.Kontrak.HapusDelegasiAsync(Kantor, plt.Id, Ct));
        Assert.False(await store.Kontrak.HapusDelegasiAsync(Kantor, plt.Id, Ct));
        Assert.Empty(await store.Kontrak.DaftarDelegasiAsync(Kantor, Ct));
    }

    [Fact]
    public async Task SimpanLagiObjekYangSudahTersimpan_Konflik_JejakTidakBerganda()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        var skp = Diajukan();
        Assert.True((await store.Kontrak.SimpanAsync(skp, Ct)).Tersimpan);
        var salinan = Diajukan(); // the same two audit lines again, as a retried request would send them

        var hasil = await store.Kontrak.SimpanAsync(salinan, Ct);

        Assert.False(hasil.Tersimpan);
        Assert.Equal(2, hasil.Sekarang.JejakAudit.Count);
        Assert.Equal(2, (await store.Kontrak.MuatAsync(KunciLestari, Ct))!.JejakAudit.Count);
    }

    [Fact]
    public async Task AdendumDisetujui_MunculDiDaftarPerubahanTarget_DanDibacaStoreLain()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        await store.Importer.ImporAsync(d.Folder, Ct);
        Assert.Empty(await store.Kontrak.DaftarDenganPerubahanTargetAsync("kppn-metro", 2027, Ct));
        Assert.True((await KeputusanSkp.PutuskanAsync(store.Kontrak, KunciLestari, s => s.Setujui(Izin(s), Pada(2027, 1, 12), 1, Saluran.Teams), Ct)).Berhasil);
        var skp = (await store.Kontrak.MuatAsync(KunciLestari, Ct))!;
        skp.AjukanAdendum(Sebagai(Lestari), Pada(2027, 6, 2), [new PerubahanTarget("IKU-1", 3, new Target(80m, 95.5m))], "Realokasi anggaran", true, Saluran.Teams);
        Assert.True((await store.Kontrak.SimpanAsync(skp, Ct)).Tersimpan);
        Assert.True((await KeputusanSkp.PutuskanAsync(store.Kontrak, KunciLestari, s => s.Setujui(Izin(s, hariIni: new DateOnly(2027, 6, 3)), Pada(2027, 6, 3), 2, Saluran.Teams), Ct)).Berhasil);

        using var lain = Buka(d.DbPath);
        var daftar = await lain.Kontrak.DaftarDenganPerubahanTargetAsync("kppn-metro", 2027, Ct);

        var alur = Assert.Single(daftar);
        Assert.Equal((Lestari, StatusSkp.Disetujui, 2), (alur.Kunci.Pemilik, alur.Status, alur.VersiBerlaku!.Nomor));
        var p = Assert.Single(alur.VersiBerlaku.Perubahan);
        Assert.Equal(("IKU-1", 3, 80m, (decimal?)95.5m), (p.KodeIku, p.Triwulan, p.Target.Nilai, p.Target.Atas));
        Assert.Equal("Realokasi anggaran", alur.VersiBerlaku.Alasan);
        Assert.Equal(4, alur.JejakAudit.Count);
        Assert.Empty(await lain.Kontrak.DaftarDenganPerubahanTargetAsync("kppn-metro", 2026, Ct));
    }

    [Fact]
    public async Task SemaiDuaKali_YangKeduaTidakMembuatApaPun()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        var data = store.Baca(d.Folder);
        var pada = Pada(2027, 1, 2);

        var pertama = await store.Kontrak.SemaiAsync(data, pada, Ct);
        var kedua = await store.Kontrak.SemaiAsync(data, pada, Ct);

        Assert.Equal((data.Kontrak.Count(), 0), (pertama, kedua));
    }

    [Fact]
    public async Task LimaPuluhKeputusanBersamaan_SatuTransisi_SisanyaMenerimaHasil()
    {
        using var d = new DemoDataset();
        using (var awal = Buka(d.DbPath))
        {
            await awal.Importer.ImporAsync(d.Folder, Ct);
        }

        // Separate service providers: separate SqliteDatabase objects and connections, as separate bot processes would have.
        var stores = Enumerable.Range(0, 50).Select(_ => Buka(d.DbPath)).ToList();
        try
        {
            var hasil = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => KeputusanSkp.PutuskanAsync(s.Kontrak, KunciLestari, skp =>
                    i % 2 == 0
                        ? skp.Setujui(Izin(skp), Pada(2027, 1, 12, 10, i), 1, Saluran.Teams)
                        : skp.Kembalikan(Izin(skp), Pada(2027, 1, 12, 10, i), 1, $"Catatan {i}", Saluran.TeamsSubmit), Ct))));

            var berhasil = Assert.Single(hasil, h => h.Berhasil);
            Assert.Equal(49, hasil.Count(h => h.Jenis == JenisHasilKeputusan.SudahDiputuskan));
            Assert.All(hasil, h => Assert.Equal(berhasil.Keputusan, h.Keputusan));
            Assert.All(hasil.Where(h => !h.Berhasil), h => Assert.StartsWith("SKP ini sudah ", h.Pesan, StringComparison.Ordinal));

            var skp = (await stores[0].Kontrak.MuatAsync(KunciLestari, Ct))!;
            Assert.Equal(2, skp.JejakAudit.Count);
            Assert.Equal(berhasil.Keputusan, Assert.Single(skp.JejakAudit, a => a.Keputusan));
            Assert.Equal(berhasil.Status, skp.Status);
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }
}

/// <summary>The contract on SQLite, plus what only SQLite can show: triggers keep the audit trail append-only.</summary>
public sealed class SqliteKontrakStoreTests : KontrakStoreContractTests
{
    protected override TestStore Buka(string dbPath)
    {
        var store = new TestStore(dbPath);
        Assert.IsType<SqliteKontrakStore>(store.Kontrak);
        return store;
    }

    [Fact]
    public async Task JejakAudit_HanyaBolehDitambah()
    {
        using var d = new DemoDataset();
        using var store = Buka(d.DbPath);
        await store.Kontrak.SimpanAsync(Diajukan(), Ct);

        await using var connection = new SqliteConnection($"Data Source={d.DbPath};Pooling=False");
        await connection.OpenAsync(Ct);
        foreach (var sql in (string[])["UPDATE skp_audit SET catatan = 'diubah';", "DELETE FROM skp_audit;"])
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            var e = await Assert.ThrowsAsync<SqliteException>(() => cmd.ExecuteNonQueryAsync(Ct));
            Assert.Contains("hanya boleh ditambah", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await store.Kontrak.MuatAsync(KunciLestari, Ct))!.JejakAudit.Count);
    }

}

/// <summary>The contract on Azure Tables, on Azurite; each test gets its own table name prefix (fresh tables).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableKontrakStoreTests(AzuriteFixture azurite) : KontrakStoreContractTests
{
    private readonly string _prefix = "K" + Guid.NewGuid().ToString("N")[..20];

    protected override TestStore Buka(string dbPath)
    {
        var store = new TestStore(dbPath, null, azurite.Konfigurasi(_prefix));
        Assert.IsType<TableKontrakStore>(store.Kontrak);
        return store;
    }

    [Fact]
    public async Task PenulisLainMendaratAntaraBacaDanTulis_TransaksiDitolak_MenjadiKonflik_KeputusannyaYangBerlaku()
    {
        using var d = new DemoDataset();
        using var b = Buka(d.DbPath);
        await b.Importer.ImporAsync(d.Folder, Ct);
        // Store A's transaction is held back until store B has decided: B lands after A read the state row and its
        // ETag, before A's entity group transaction reaches the service — the race the ETag exists for.
        var sela = new PenulisDiAntara(PenulisDiAntara.Transaksi, () => KeputusanSkp.PutuskanAsync(b.Kontrak, KunciLestari,
            s => s.Kembalikan(Izin(s), Pada(2027, 1, 12, 9, 1), 1, "Perbaiki target", Saluran.Teams), Ct));
        using var a = new TestStore(d.DbPath, null, azurite.Konfigurasi(_prefix), s => s.AddSingleton<HttpPipelinePolicy>(sela));
        var skp = (await a.Kontrak.MuatAsync(KunciLestari, Ct))!;
        skp.Setujui(Izin(skp), Pada(2027, 1, 12, 9, 2), 1, Saluran.Teams);
        sela.Aktif = true;

        var hasil = await a.Kontrak.SimpanAsync(skp, Ct);

        Assert.Equal(1, sela.Terjadi);
        Assert.False(hasil.Tersimpan);
        Assert.Equal((StatusSkp.Dikembalikan, 2), (hasil.Sekarang.Status, hasil.Sekarang.Revisi));
        var tersimpan = (await b.Kontrak.MuatAsync(KunciLestari, Ct))!;
        Assert.Equal([StatusSkp.Diajukan, StatusSkp.Dikembalikan], tersimpan.JejakAudit.Select(x => x.Ke));
        Assert.Null(tersimpan.VersiTerakhir.DisetujuiPadaUtc);
    }
}

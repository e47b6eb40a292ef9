using Azure.Core.Pipeline;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Ports;
using KinerjaBot.Tests.Import;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The stale-ETag (412) paths of the Tables adapters made deterministic (<see cref="PenulisDiAntara"/>): another
/// writer lands exactly between a store's read and its conditional write, and the domain's outcome is checked — a
/// test that passes only when the write really carries <c>If-Match</c> on the ETag it read.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableBalapanTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DemoDataset _d = new();
    private readonly string _prefix = "B" + Guid.NewGuid().ToString("N")[..20];

    public void Dispose() => _d.Dispose();

    private TestStore Buka(PenulisDiAntara? sela = null) =>
        new(_d.DbPath, null, azurite.Konfigurasi(_prefix), sela is null ? null : s => s.AddSingleton<HttpPipelinePolicy>(sela));

    [Fact]
    public async Task Pengguna_TautanLainMendaratAntaraBacaDanTulis_412_DitulisUlangDiAtasnya_IndeksTautanLainDibersihkan()
    {
        using var b = Buka();
        await b.Importer.ImporAsync(_d.Folder, Ct);
        var p = (await b.Kantor.MuatAsync("KPPN-METRO", Ct))!.Pegawai;
        var (n0, n1, n2) = (p[3], p[4], p[5]);
        var t = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
        await b.Pengguna.SimpanAsync(new PenggunaTerkait("aad-x", "KPPN-METRO", n0.Nip, n0.Email, t), Ct);
        // Another instance re-links the account to n2 after this store read the user's entity (linked to n0).
        var sela = new PenulisDiAntara(PenulisDiAntara.TulisBersyarat,
            () => b.Pengguna.SimpanAsync(new PenggunaTerkait("aad-x", "KPPN-METRO", n2.Nip, n2.Email, t.AddMinutes(1)), Ct));
        using var a = Buka(sela);
        sela.Aktif = true;

        await a.Pengguna.SimpanAsync(new PenggunaTerkait("aad-x", "KPPN-METRO", n1.Nip, n1.Email, t.AddMinutes(2)), Ct);

        // Last writer wins whole (as SQLite's upsert): its 412 made it read n2's link and clean up after it.
        Assert.Equal(1, sela.Terjadi);
        Assert.Equal(n1.Nip, (await b.Pengguna.CariAsync("aad-x", Ct))!.Nip);
        Assert.Equal("aad-x", (await b.Pengguna.CariByNipAsync("KPPN-METRO", n1.Nip, Ct))?.AadObjectId);
        Assert.Null(await b.Pengguna.CariByNipAsync("KPPN-METRO", n0.Nip, Ct));
        Assert.Null(await b.Pengguna.CariByNipAsync("KPPN-METRO", n2.Nip, Ct));
        var jangkauan = (await b.Percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", Ct)).ToDictionary(x => x.Nip);
        Assert.Equal((KeadaanJangkauan.BelumAdaPercakapan, "aad-x"), (jangkauan[n1.Nip].Keadaan, jangkauan[n1.Nip].AadObjectId));
        Assert.Equal((KeadaanJangkauan.BelumTerkait, (string?)null), (jangkauan[n0.Nip].Keadaan, jangkauan[n0.Nip].AadObjectId));
        Assert.Equal((KeadaanJangkauan.BelumTerkait, (string?)null), (jangkauan[n2.Nip].Keadaan, jangkauan[n2.Nip].AadObjectId));
    }

    [Fact]
    public async Task Kantor_CommitLainMendaratAntaraBacaHeadDanTulis_412_CommitUlangDiAtasHeadBaru_TahunnyaTetap()
    {
        using var b = Buka();
        var data = b.Baca(_d.Folder);
        await b.Kantor.SimpanAsync(data, Ct);
        // This store re-imports 2026; another instance re-imports 2027 after this one read the head, before its commit.
        var sela = new PenulisDiAntara(PenulisDiAntara.TulisBersyarat, () => b.Kantor.SimpanAsync(Tahun(data, 2027), Ct));
        using var a = Buka(sela);
        sela.Aktif = true;

        var hasil = await a.Kantor.SimpanAsync(Tahun(data, 2026), Ct);

        // The commit is repeated on the head the other writer left: its year 2027 stays (without If-Match the head
        // would name the 2027 generation that writer had already deleted, and 2027 would read empty).
        Assert.Equal(1, sela.Terjadi);
        Assert.Equal([2026], hasil.TahunDiganti);
        Assert.False(hasil.KantorBaru);
        var akhir = (await b.Kantor.MuatAsync("KPPN-METRO", Ct))!;
        Assert.Equal(data.TahunKontrak, akhir.TahunKontrak);
        foreach (var tahun in data.TahunKontrak)
        {
            Assert.Equal(data.Kontrak.Count(k => k.Tahun == tahun), akhir.Kontrak.Count(k => k.Tahun == tahun));
            Assert.Equal(data.Kontrak.Where(k => k.Tahun == tahun).Sum(k => k.Iku.Count), akhir.Kontrak.Where(k => k.Tahun == tahun).Sum(k => k.Iku.Count));
        }
    }

    /// <summary>The office's organisation with one year of its data (an import of that year only).</summary>
    private static DataKantor Tahun(DataKantor data, int tahun)
    {
        var hasil = new DataKantor();
        foreach (var u in data.Unit)
        {
            hasil.TambahUnit(u);
        }

        foreach (var p in data.Pegawai)
        {
            hasil.TambahPegawai(p);
        }

        foreach (var k in data.Kontrak.Where(k => k.Tahun == tahun))
        {
            hasil.TambahKontrak(k);
        }

        foreach (var p in data.Perilaku.Where(p => p.Tahun == tahun))
        {
            hasil.TambahPerilaku(p);
        }

        foreach (var (t, pemilik, i) in data.SemuaInisiatif.Where(x => x.Tahun == tahun))
        {
            hasil.TambahInisiatif(t, pemilik, i);
        }

        return hasil;
    }
}

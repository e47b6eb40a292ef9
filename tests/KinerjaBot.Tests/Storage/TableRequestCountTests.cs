using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using Kinerja.Testing;
using KinerjaBot.Storage.Tables;
using KinerjaBot.Tests.Import;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The key design's promise, counted (docs/benchmarks.md "Azure Tables"): loading what a recap or a "nilai saya" card
/// scores costs one request per partition it needs — never one per row — so the count does not grow with the people
/// of the office, only with its years. Counted by the pipeline policy every Tables client carries; the count is
/// deterministic, the time is not asserted here (it is measured by the benchmark).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRequestCountTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DemoDataset _d = new();

    public void Dispose() => _d.Dispose();

    private static async Task<long> HitungAsync(TestStore store, Func<Task> operasi)
    {
        var penghitung = store.Layanan.GetRequiredService<PenghitungPermintaanTables>();
        var sebelum = penghitung.Jumlah;
        await operasi();
        return penghitung.Jumlah - sebelum;
    }

    [Fact]
    public async Task MasukanRekapDanNilaiSaya_SatuPermintaanPerPartisi_TidakBertambahDenganPegawai()
    {
        using var store = new TestStore(_d.DbPath, null, azurite.Konfigurasi("R" + Guid.NewGuid().ToString("N")[..20]));
        await store.Importer.ImporAsync(_d.Folder, Ct);
        await store.Pengguna.SimpanAsync(new PenggunaTerkait("aad-lestari", "KPPN-METRO", Kinerja.Testing.Builders.SkpContoh.Lestari,
            "lestari.handayani@kemenkeu.example", new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)), Ct);
        var penilaian = store.Layanan.GetRequiredService<DataPenilaian>();
        Kinerja.Domain.Kinerja.DataKantor? data = null;

        // Recap inputs of KPPN Metro (2 years): office head, organisation, 2 year partitions, head again (the commit
        // did not move), and the 2 SKP workflow partitions of those years (approved revisions and adenda).
        var rekap = await HitungAsync(store, async () => data = await penilaian.MuatAsync("KPPN-METRO", Ct));
        // "nilai saya": the same, after one point read of the linked Teams user.
        var nilaiSaya = await HitungAsync(store, async () =>
        {
            var pengguna = await store.Pengguna.CariAsync("aad-lestari", Ct);
            await penilaian.MuatAsync(pengguna!.KodeKantor, Ct);
        });

        Assert.Equal(25, data!.Pegawai.Count);
        Assert.Equal(7, rekap);
        Assert.Equal(8, nilaiSaya);
    }

    [Fact]
    public async Task KanwilSepuluhKantor_SepuluhKaliSatuKantor()
    {
        using var store = new TestStore(_d.DbPath, null, azurite.Konfigurasi("W" + Guid.NewGuid().ToString("N")[..20]));
        foreach (var folder in KanwilSintetis.Tulis(_d.Root, 10))
        {
            await store.Importer.ImporAsync(folder, Ct);
        }

        var penilaian = store.Layanan.GetRequiredService<DataPenilaian>();
        var pegawai = 0;

        var kanwil = await HitungAsync(store, async () =>
        {
            foreach (var kode in await store.Kantor.DaftarKantorAsync(Ct))
            {
                pegawai += (await penilaian.MuatAsync(kode, Ct))!.Pegawai.Count;
            }
        });

        Assert.Equal(250, pegawai);
        Assert.Equal(1 + (10 * 7), kanwil); // the office list, then 7 per office
    }
}

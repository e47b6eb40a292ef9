using Azure.Data.Tables;
using KinerjaBot.Hosting.Cli;
using KinerjaBot.Storage.Tables;
using KinerjaBot.Tests.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// <c>store gc</c> on Azurite: generation partitions no office head names (a save interrupted before its commit) and
/// e-mail rows no committed person claims are removed once older than the grace period; what a head names, and what
/// may still be a save in progress, stays. The office reads the same before and after; a second run finds nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableGcTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DemoDataset _d = new();
    private readonly string _prefix = "G" + Guid.NewGuid().ToString("N")[..20];

    public void Dispose() => _d.Dispose();

    private static async Task<List<string>> PartisiAsync(TableClient table, string awalan)
    {
        var hasil = new SortedSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {awalan} and PartitionKey lt {awalan + "\uffff"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"]))
        {
            hasil.Add(e.PartitionKey);
        }

        return [.. hasil];
    }

    /// <summary>What an interrupted save leaves: a copy of the live organisation under a generation no head names, and a year.</summary>
    private static async Task TinggalkanGenerasiAsync(TableClient table, string orgHidup, string generasi)
    {
        var orgYatim = $"org|KPPN-METRO|{generasi}";
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {orgHidup}")))
        {
            await table.UpsertEntityAsync(new TableEntity(e) { PartitionKey = orgYatim });
        }

        await table.UpsertEntityAsync(new TableEntity($"tahun|KPPN-METRO|2026|{generasi}", "kontrak|199312012015032004") { ["Nip"] = "199312012015032004", ["Urutan"] = 0, ["Status"] = "Draft" });
    }

    [Fact]
    public async Task Gc_HapusGenerasiYatimYangCukupTua_SimpanYangDipakaiDanYangBaru_UlangTidakMenemukanApaPun()
    {
        var jam = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var store = new TestStore(_d.DbPath, jam, azurite.Konfigurasi(_prefix));
        await store.Importer.ImporAsync(_d.Folder, Ct);
        var sebelum = DataKantorDump.Teks((await store.Kantor.MuatAsync("KPPN-METRO", Ct))!);
        var table = await store.Layanan.GetRequiredService<TableStorage>().KantorAsync(Ct);
        var orgHidup = Assert.Single(await PartisiAsync(table, "org|"));
        var tahunHidup = await PartisiAsync(table, "tahun|");
        await TinggalkanGenerasiAsync(table, orgHidup, TableKeys.Generasi(jam.GetUtcNow().AddMinutes(-1)));
        await table.UpsertEntityAsync(new TableEntity(TableKeys.EmailPartition("pindah@kemenkeu.example"), "KPPN-METRO|199312012015032004") { ["Kode"] = "KPPN-METRO", ["Nip"] = "199312012015032004" });
        jam.Advance(TimeSpan.FromHours(2));
        await TinggalkanGenerasiAsync(table, orgHidup, TableKeys.Generasi(jam.GetUtcNow().AddMinutes(-5))); // may be a save in progress

        var hasil = await store.Layanan.GetRequiredService<TableGc>().KumpulkanAsync(TimeSpan.FromMinutes(60), cobaSaja: false, Ct);

        Assert.Equal((1 + tahunHidup.Count + 4, 2, 1, 2), (hasil.PartisiDiperiksa, hasil.PartisiDihapus, hasil.EmailDihapus, hasil.TerlaluBaru));
        Assert.Equal(2, (await PartisiAsync(table, "org|")).Count);
        Assert.Contains(orgHidup, await PartisiAsync(table, "org|"));
        Assert.Empty(await PartisiAsync(table, "email|pindah"));
        Assert.Equal(sebelum, DataKantorDump.Teks((await store.Kantor.MuatAsync("KPPN-METRO", Ct))!));
        Assert.Equal("KPPN-METRO", (await store.Kantor.CariByEmailAsync("lestari.handayani@kemenkeu.example", Ct))?.KodeKantor);

        var lagi = await store.Layanan.GetRequiredService<TableGc>().KumpulkanAsync(TimeSpan.FromMinutes(60), cobaSaja: false, Ct);
        Assert.Equal((0, 0, 2), (lagi.PartisiDihapus, lagi.EmailDihapus, lagi.TerlaluBaru));

        jam.Advance(TimeSpan.FromHours(2));
        var nanti = await store.Layanan.GetRequiredService<TableGc>().KumpulkanAsync(TimeSpan.FromMinutes(60), cobaSaja: false, Ct);
        Assert.Equal((2, 0), (nanti.PartisiDihapus, nanti.TerlaluBaru));
        Assert.Equal([orgHidup], await PartisiAsync(table, "org|"));
        Assert.Equal(tahunHidup, await PartisiAsync(table, "tahun|"));
        Assert.Equal(sebelum, DataKantorDump.Teks((await store.Kantor.MuatAsync("KPPN-METRO", Ct))!));
    }

    [Fact]
    public async Task GcLewatCli_PadaTables_MencetakJumlah_PadaSqlite_Ditolak()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var kode = await KinerjaCli.RunAsync(["store", "gc", "--di", "tables:" + azurite.ConnectionString, $"--Kinerja:Storage:TablesPrefix={_prefix}"], stdout, stderr);

        Assert.True(kode == 0, stderr.ToString());
        Assert.Equal("Partisi generasi diperiksa: 0; dihapus: 0 (0 entitas); baris email dihapus: 0; terlalu baru (disimpan): 0.", stdout.ToString().Trim());

        using var stdout2 = new StringWriter();
        using var stderr2 = new StringWriter();
        var sqlite = await KinerjaCli.RunAsync(["store", "gc", $"--Kinerja:Storage:SqlitePath={_d.DbPath}"], stdout2, stderr2);
        Assert.Equal(2, sqlite);
        Assert.Contains("store gc hanya untuk Azure Tables", stderr2.ToString(), StringComparison.Ordinal);
    }
}

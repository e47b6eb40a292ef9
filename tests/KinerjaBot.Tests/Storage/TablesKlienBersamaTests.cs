using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Pengiriman;
using Kinerja.Testing.Builders;
using KinerjaBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// Every Azure Tables adapter reaches the account through <see cref="TableStorage"/>'s shared clients (architecture.md:
/// one client, one credential, one request counter, the DI pipeline policies). One operation per port on Azurite must
/// move the shared counter: an adapter that builds its own client (as the ledger once did, and then failed with the
/// managed-identity endpoint) sends requests nobody counts, and this test names it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablesKlienBersamaTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-klien-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task SetiapPort_SatuOperasi_MenambahPenghitungBersama()
    {
        using var store = new TestStore(Path.Combine(_dir.FullName, "kinerja.db"), null, azurite.Konfigurasi("S" + Guid.NewGuid().ToString("N")[..20]));
        var penghitung = store.Layanan.GetRequiredService<PenghitungPermintaanTables>();
        // The tables exist first, so no port is counted merely because it happened to trigger their creation.
        await store.Layanan.GetRequiredService<TableStorage>().PastikanAsync(Ct);
        var lestari = SkpContoh.Lestari;
        var operasi = new (string Port, Func<Task> Jalankan)[]
        {
            ("IKantorStore", () => store.Kantor.DaftarKantorAsync(Ct)),
            ("IPenggunaStore", () => store.Pengguna.CariAsync("aad-tidak-ada", Ct)),
            ("IPercakapanStore", () => store.Percakapan.CariAsync("aad-tidak-ada", Ct)),
            ("IKontrakStore", () => store.Kontrak.MuatAsync(new KunciSkp("KPPN-METRO", 2027, lestari), Ct)),
            ("IKartuSkpStore", () => store.KartuSkp.DaftarAsync(new KunciSkp("KPPN-METRO", 2027, lestari), Ct)),
            ("IDialogStore", () => store.Dialog.DaftarTindakLanjutAsync("KPPN-METRO", hanyaTerbuka: true, Ct)),
            ("IBukuPengirimanStore", () => store.BukuPengiriman.CariAsync(new KunciPengiriman(JenisPengiriman.PengingatSkp, "2027-H7", "KPPN-METRO", lestari), Ct)),
            ("TableGc", () => store.Layanan.GetRequiredService<TableGc>().KumpulkanAsync(TimeSpan.FromHours(1), cobaSaja: true, Ct)),
        };

        var tidakTerhitung = new List<string>();
        foreach (var (port, jalankan) in operasi)
        {
            var sebelum = penghitung.Jumlah;
            await jalankan();
            if (penghitung.Jumlah == sebelum)
            {
                tidakTerhitung.Add(port);
            }
        }

        Assert.Empty(tidakTerhitung);
    }
}

using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The storage contract of <see cref="IKartuSkpStore"/> against every adapter (SQLite on a temp file, Azure Tables on
/// Azurite): a card is its conversation and activity id; the newest few per contract and person are kept.
/// </summary>
public abstract class KartuSkpStoreContractTests : IDisposable
{
    private static readonly DateTimeOffset Pukul10 = new(2026, 11, 28, 3, 10, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly KunciSkp Lestari = new("KPPN-METRO", 2027, Nip.Parse("199312012015032004"));
    private static readonly KunciSkp Fajar = new("KPPN-METRO", 2027, Nip.Parse("199806212020031006"));

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-kartu-");
    private TestStore? _utama;

    private TestStore _store => _utama ??= Buka(Path.Combine(_dir.FullName, "kinerja.db"), null);

    /// <summary>Opens a store on this test's data.</summary>
    protected abstract TestStore Buka(string dbPath, TimeProvider? time);

    public void Dispose()
    {
        _utama?.Dispose();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private static KartuSkp Kartu(KunciSkp kunci, string activityId, int menit, string aad = "AAD-BAGUS", string conv = "a:Personal-Bagus") =>
        new(kunci, aad, "29:bagus", "https://smba.trafficmanager.net/apac/", conv, activityId, Pukul10.AddMinutes(menit));

    [Fact]
    public async Task Ingat_DibacaUtuhPerKontrak_IdApaAdanya_KunciKantorTanpaBedaHuruf()
    {
        await _store.KartuSkp.IngatAsync(Kartu(Lestari, "1:Abc", 1), Ct);
        await _store.KartuSkp.IngatAsync(Kartu(Fajar, "1:Def", 2), Ct);

        var daftar = await _store.KartuSkp.DaftarAsync(new KunciSkp("kppn-metro", 2027, Lestari.Pemilik), Ct);

        var k = Assert.Single(daftar);
        Assert.Equal(("a:Personal-Bagus", "1:Abc", "aad-bagus", "29:bagus", "https://smba.trafficmanager.net/apac/", Pukul10.AddMinutes(1)),
            (k.ConversationId, k.ActivityId, k.AadObjectId, k.UserId, k.ServiceUrl, k.DiingatPada));
    }

    [Fact]
    public async Task Ingat_KartuYangSama_MenggantiKontraknya_Lupakan_Menghapus()
    {
        await _store.KartuSkp.IngatAsync(Kartu(Lestari, "1:abc", 1), Ct);
        await _store.KartuSkp.IngatAsync(Kartu(Fajar, "1:abc", 2), Ct); // the same message now shows Fajar's SKP

        Assert.Empty(await _store.KartuSkp.DaftarAsync(Lestari, Ct));
        Assert.Equal("1:abc", Assert.Single(await _store.KartuSkp.DaftarAsync(Fajar, Ct)).ActivityId);
        Assert.True(await _store.KartuSkp.LupakanAsync("a:Personal-Bagus", "1:abc", Ct));
        Assert.False(await _store.KartuSkp.LupakanAsync("a:Personal-Bagus", "1:abc", Ct));
        Assert.Empty(await _store.KartuSkp.DaftarAsync(Fajar, Ct));
    }

    [Fact]
    public async Task Ingat_HanyaYangTerbaruPerOrangDisimpan()
    {
        for (var i = 1; i <= IKartuSkpStore.BatasPerOrang + 2; i++)
        {
            await _store.KartuSkp.IngatAsync(Kartu(Lestari, $"bagus-{i}", i), Ct);
        }

        await _store.KartuSkp.IngatAsync(Kartu(Lestari, "lestari-1", 0, aad: "aad-lestari", conv: "a:personal-lestari"), Ct);

        var daftar = await _store.KartuSkp.DaftarAsync(Lestari, Ct);
        Assert.Equal(["lestari-1", "bagus-3", "bagus-4", "bagus-5", "bagus-6", "bagus-7"], daftar.Select(k => k.ActivityId));
    }

    [Fact]
    public async Task Ingat_LagiTanpaUserId_UserIdTetap_DanStoreLainMelihatSertaMelupakan()
    {
        await _store.KartuSkp.IngatAsync(Kartu(Lestari, "1:abc", 1), Ct);
        await _store.KartuSkp.IngatAsync(Kartu(Lestari, "1:abc", 2) with { UserId = null, ServiceUrl = "https://smba.trafficmanager.net/amer/" }, Ct);

        // Another instance on the same data (SQLite file or storage account) sees the card and forgets it.
        using var kedua = Buka(Path.Combine(_dir.FullName, "kinerja.db"), null);
        var k = Assert.Single(await kedua.KartuSkp.DaftarAsync(Lestari, Ct));
        Assert.Equal(("29:bagus", "https://smba.trafficmanager.net/amer/", Pukul10.AddMinutes(2)), (k.UserId, k.ServiceUrl, k.DiingatPada));
        Assert.True(await kedua.KartuSkp.LupakanAsync("a:Personal-Bagus", "1:abc", Ct));
        Assert.Empty(await _store.KartuSkp.DaftarAsync(Lestari, Ct));
        Assert.False(await _store.KartuSkp.LupakanAsync("a:personal-bagus", "1:abc", Ct));
    }
}

/// <summary>The contract on SQLite, on a file in a temp folder.</summary>
public sealed class SqliteKartuSkpStoreTests : KartuSkpStoreContractTests
{
    protected override TestStore Buka(string dbPath, TimeProvider? time) => new(dbPath, time);
}

/// <summary>The contract on Azure Tables, on Azurite; each test gets its own table name prefix (fresh tables).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableKartuSkpStoreTests(AzuriteFixture azurite) : KartuSkpStoreContractTests
{
    private readonly string _prefix = "K" + Guid.NewGuid().ToString("N")[..20];

    protected override TestStore Buka(string dbPath, TimeProvider? time)
    {
        var store = new TestStore(dbPath, time, azurite.Konfigurasi(_prefix));
        Assert.IsType<KinerjaBot.Storage.Tables.TableKartuSkpStore>(store.KartuSkp);
        return store;
    }
}

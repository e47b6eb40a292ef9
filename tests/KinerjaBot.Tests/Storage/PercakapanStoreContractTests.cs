using Kinerja.Domain.Ports;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Reach;
using Azure.Core.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The storage contract of <see cref="IPercakapanStore"/>, the same tests and expectations against every adapter
/// (SQLite on a temp file, Azure Tables on Azurite): the newer event wins, whatever arrives last, also when two
/// writers race.
/// </summary>
public abstract class PercakapanStoreContractTests : IDisposable
{
    protected static readonly DateTimeOffset Pukul10 = new(2026, 11, 28, 3, 10, 0, TimeSpan.Zero);
    protected static readonly CancellationToken Ct = CancellationToken.None;

    private readonly List<TestStore> _stores = [];
    private TestStore? _utama;

    protected DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("kinerja-percakapan-");

    protected FakeTimeProvider Time { get; } = new(Pukul10);

    /// <summary>The test's store (opened on first use).</summary>
    protected TestStore _store => _utama ??= Store();

    /// <summary>Opens another store on this test's data (its own service provider: an independent writer).</summary>
    protected abstract TestStore Buka(string dbPath, TimeProvider? time);

    protected TestStore Store()
    {
        var store = Buka(Path.Combine(Dir.FullName, "kinerja.db"), Time);
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        SqliteConnection.ClearAllPools();
        Dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static ReferensiPercakapan Referensi(string aad, DateTimeOffset pada, string serviceUrl = "https://smba.trafficmanager.net/apac/",
        string conversationId = "a:1personal-bagus", DateTimeOffset? dihapus = null) =>
        new(aad, serviceUrl, conversationId, "7a1d4e2b-0000-4000-8000-00000000a001", "29:1bagus", "28:5e1a9d3c-app", "msteams", pada, dihapus);

    [Fact]
    public async Task Referensi_DisimpanDanDibacaUtuh_KunciAadTanpaBedaHuruf()
    {
        var aad = KantorKecil.Aad(KantorKecil.Bagus);
        var referensi = Referensi(aad, Pukul10);

        Assert.True(await _store.Percakapan.SimpanReferensiAsync(referensi, Ct));

        var dibaca = await _store.Percakapan.CariAsync(aad.ToUpperInvariant(), Ct);
        Assert.NotNull(dibaca);
        Assert.Equal(referensi, dibaca.Referensi);
        Assert.Null(dibaca.Lokal);
        Assert.Null(dibaca.TidakTerjangkau);
        Assert.Null(await _store.Percakapan.CariAsync("7a1d4e2b-0000-4000-8000-999999999999", Ct));
    }

    [Fact]
    public async Task Referensi_AktivitasLebihLamaDatangBelakangan_TidakMenimpaYangBaru()
    {
        var aad = KantorKecil.Aad(KantorKecil.Bagus);
        var baru = Referensi(aad, Pukul10, serviceUrl: "https://smba.trafficmanager.net/apac/");
        var lama = Referensi(aad, Pukul10.AddMinutes(-5), serviceUrl: "https://smba.trafficmanager.net/amer/");

        Assert.True(await _store.Percakapan.SimpanReferensiAsync(baru, Ct));
        Assert.False(await _store.Percakapan.SimpanReferensiAsync(lama, Ct));

        Assert.Equal(baru, (await _store.Percakapan.CariAsync(aad, Ct))!.Referensi);
    }

    [Fact]
    public async Task Referensi_WaktuSama_YangTerakhirDisimpanMenang()
    {
        var aad = KantorKecil.Aad(KantorKecil.Bagus);
        await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10, serviceUrl: "https://smba.trafficmanager.net/amer/"), Ct);
        await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10, serviceUrl: "https://smba.trafficmanager.net/apac/"), Ct);

        Assert.Equal("https://smba.trafficmanager.net/apac/", (await _store.Percakapan.CariAsync(aad, Ct))!.Referensi!.ServiceUrl);
    }

    [Fact]
    public async Task Dihapus_LaluDipasangLagi_PenghapusanLamaTidakMenghidupkanYangLama()
    {
        var aad = KantorKecil.Aad(KantorKecil.Bagus);
        await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10), Ct);
        await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddHours(1), dihapus: Pukul10.AddHours(1)), Ct);
        Assert.True((await _store.Percakapan.CariAsync(aad, Ct))!.Referensi!.Dihapus);

        // A retried "add" older than the removal changes nothing; a newer one brings the chat back.
        Assert.False(await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddMinutes(30)), Ct));
        Assert.True((await _store.Percakapan.CariAsync(aad, Ct))!.Referensi!.Dihapus);
        Assert.True(await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddHours(2), conversationId: "a:1personal-baru"), Ct));

        var kini = (await _store.Percakapan.CariAsync(aad, Ct))!.Referensi!;
        Assert.False(kini.Dihapus);
        Assert.Equal("a:1personal-baru", kini.ConversationId);
    }

    [Fact]
    public async Task TidakTerjangkau_DihapusOlehReferensiHidupYangLebihBaru_DanPenolakanLamaDiabaikan()
    {
        var aad = KantorKecil.Aad(KantorKecil.Bagus);
        var diblokir = new TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser", Pukul10);
        Assert.True(await _store.Percakapan.TandaiTidakTerjangkauAsync(aad, diblokir, Ct));
        Assert.Equal(diblokir, (await _store.Percakapan.CariAsync(aad, Ct))!.TidakTerjangkau);

        // The person writes to the bot again: reachable.
        await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddHours(1)), Ct);
        Assert.Null((await _store.Percakapan.CariAsync(aad, Ct))!.TidakTerjangkau);

        // A refusal seen before that reference is about the old chat.
        Assert.False(await _store.Percakapan.TandaiTidakTerjangkauAsync(aad, diblokir with { Pada = Pukul10.AddMinutes(30) }, Ct));
        Assert.Null((await _store.Percakapan.CariAsync(aad, Ct))!.TidakTerjangkau);
    }

    [Fact]
    public async Task Penghapusan_TidakMenghapusPenolakanYangTercatat()
    {
        var aad = KantorKecil.Aad(KantorKecil.Bagus);
        var dinonaktifkan = new TidakTerjangkau(AlasanTidakTerjangkau.DinonaktifkanAdmin, "BotDisabledByAdmin", Pukul10);
        await _store.Percakapan.TandaiTidakTerjangkauAsync(aad, dinonaktifkan, Ct);

        await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddHours(1), dihapus: Pukul10.AddHours(1)), Ct);

        Assert.Equal(dinonaktifkan, (await _store.Percakapan.CariAsync(aad, Ct))!.TidakTerjangkau);
    }

    [Fact]
    public async Task Lokal_YangLebihBaruMenang_NilaiKosongTidakMenghapusYangDikenal()
    {
        var aad = KantorKecil.Aad(KantorKecil.Bagus);
        Assert.True(await _store.Percakapan.SimpanLokalAsync(aad, new LokalPengguna("id-ID", "Asia/Makassar", Pukul10), Ct));
        Assert.False(await _store.Percakapan.SimpanLokalAsync(aad, new LokalPengguna("en-US", "Asia/Jakarta", Pukul10.AddMinutes(-1)), Ct));
        Assert.True(await _store.Percakapan.SimpanLokalAsync(aad, new LokalPengguna("en-US", null, Pukul10.AddMinutes(1)), Ct));

        var dibaca = await _store.Percakapan.CariAsync(aad, Ct);
        Assert.Equal(new LokalPengguna("en-US", "Asia/Makassar", Pukul10.AddMinutes(1)), dibaca!.Lokal);
        Assert.Null(dibaca.Referensi);
    }

    [Fact]
    public async Task DaftarTidakTerjangkau_PerKantor_DenganAlasan()
    {
        await _store.Kantor.SimpanAsync(KantorKecil.Data(), Ct);
        async Task Tautkan(Kinerja.Domain.Organisasi.Nip nip, string email) =>
            await _store.Pengguna.SimpanAsync(new PenggunaTerkait(KantorKecil.Aad(nip).ToUpperInvariant(), KantorKecil.Kode, nip, email, Pukul10), Ct);

        // Hendarto: linked, chat live (reachable). Ratna: linked, no chat. Bagus: removed the app. Maya: blocked.
        // The others: never linked.
        await Tautkan(KantorKecil.Hendarto, "hendarto.wibisono@kemenkeu.example");
        await Tautkan(KantorKecil.Ratna, "ratna.anggraini@kemenkeu.example");
        await Tautkan(KantorKecil.Bagus, "bagus.nugroho@kemenkeu.example");
        await Tautkan(KantorKecil.Maya, "maya.kurniasari@kemenkeu.example");
        await _store.Percakapan.SimpanReferensiAsync(Referensi(KantorKecil.Aad(KantorKecil.Hendarto), Pukul10), Ct);
        await _store.Percakapan.SimpanReferensiAsync(Referensi(KantorKecil.Aad(KantorKecil.Bagus), Pukul10, dihapus: Pukul10), Ct);
        await _store.Percakapan.SimpanReferensiAsync(Referensi(KantorKecil.Aad(KantorKecil.Maya), Pukul10.AddMinutes(-1)), Ct);
        await _store.Percakapan.TandaiTidakTerjangkauAsync(KantorKecil.Aad(KantorKecil.Maya),
            new TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser", Pukul10), Ct);

        var daftar = await _store.Percakapan.DaftarTidakTerjangkauAsync("kppn-metro", Ct);

        Assert.Equal(
            [
                (KantorKecil.Ratna, KeadaanJangkauan.BelumAdaPercakapan, (AlasanTidakTerjangkau?)null, (string?)null),
                (KantorKecil.Bagus, KeadaanJangkauan.AplikasiDihapus, null, null),
                (KantorKecil.Maya, KeadaanJangkauan.TidakTerjangkau, AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser"),
                (KantorKecil.Dimas, KeadaanJangkauan.BelumTerkait, null, null),
                (KantorKecil.Siti, KeadaanJangkauan.BelumTerkait, null, null),
                (KantorKecil.Rizky, KeadaanJangkauan.BelumTerkait, null, null),
            ],
            daftar.Select(p => (p.Nip, p.Keadaan, p.Alasan, p.KodeGalat)));
        Assert.Equal("Maya Kurniasari", daftar[2].Nama);
        Assert.Equal(Pukul10, daftar[2].Sejak);
        Assert.Equal(Pukul10, daftar[1].Sejak);
        Assert.Empty(await _store.Percakapan.DaftarTidakTerjangkauAsync("KPPN-LAIN", Ct));
    }

    [Fact]
    public async Task CariByNip_AkunYangTerakhirDitautkan()
    {
        await _store.Pengguna.SimpanAsync(new PenggunaTerkait("aad-lama", KantorKecil.Kode, KantorKecil.Bagus, "bagus.nugroho@kemenkeu.example", Pukul10), Ct);
        await _store.Pengguna.SimpanAsync(new PenggunaTerkait("aad-baru", KantorKecil.Kode, KantorKecil.Bagus, "bagus.nugroho@kemenkeu.example", Pukul10.AddDays(1)), Ct);

        Assert.Equal("aad-baru", (await _store.Pengguna.CariByNipAsync("kppn-metro", KantorKecil.Bagus, Ct))!.AadObjectId);
        Assert.Null(await _store.Pengguna.CariByNipAsync("kppn-metro", KantorKecil.Maya, Ct));
    }

    [Fact]
    public async Task Referensi_DuaPenulisBersamaan_YangLebihBaruSelaluMenang()
    {
        var s1 = Store();
        var s2 = Store();
        for (var i = 0; i < 5; i++)
        {
            var aad = $"7a1d4e2b-0000-4000-8000-00000000b{i:D3}";
            var baru = Referensi(aad, Pukul10.AddMinutes(i + 1), serviceUrl: "https://smba.trafficmanager.net/apac/");
            var lama = Referensi(aad, Pukul10.AddMinutes(i), serviceUrl: "https://smba.trafficmanager.net/amer/", dihapus: Pukul10.AddMinutes(i));
            var diblokir = new TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser", Pukul10.AddMinutes(i).AddSeconds(30));
            var lokal = new LokalPengguna("id-ID", "Asia/Jakarta", Pukul10);

            // Writers racing on one person: the older removal, the newer live reference, a refusal between them
            // and a locale; whatever order they land in, the newer live reference is what stays.
            await Task.WhenAll(
                Task.Run(() => s1.Percakapan.SimpanReferensiAsync(lama, Ct)),
                Task.Run(() => s2.Percakapan.SimpanReferensiAsync(baru, Ct)),
                Task.Run(() => s1.Percakapan.TandaiTidakTerjangkauAsync(aad, diblokir, Ct)),
                Task.Run(() => s2.Percakapan.SimpanLokalAsync(aad, lokal, Ct)));

            var akhir = (await s1.Percakapan.CariAsync(aad, Ct))!;
            Assert.Equal(baru, akhir.Referensi);
            Assert.Null(akhir.TidakTerjangkau);
            Assert.Equal(lokal, akhir.Lokal);
        }
    }
}

/// <summary>The contract on SQLite, on a file in a temp folder, plus SQLite's schema migration.</summary>
public sealed class SqlitePercakapanStoreTests : PercakapanStoreContractTests
{
    protected override TestStore Buka(string dbPath, TimeProvider? time) => new(dbPath, time);

    [Fact]
    public async Task Migrasi_BerkasVersi1_DitambahTabelPercakapan_DataLamaUtuh()
    {
        var path = Path.Combine(Dir.FullName, "lama.db");
        using (var store = new TestStore(path, Time))
        {
            await store.Pengguna.SimpanAsync(new PenggunaTerkait("aad-1", KantorKecil.Kode, KantorKecil.Bagus, "bagus.nugroho@kemenkeu.example", Pukul10), Ct);
        }

        // Take the file back to what version 1 wrote: every table later migrations added goes (whatever their number:
        // other branches append migrations too), and the changes they made to version 1's tables are undone.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            string[] versi1 = ["kantor", "kantor_tahun", "unit", "pegawai", "kontrak", "iku", "target", "realisasi", "perilaku", "pengguna", "schema_version"];
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
            var tabel = new List<string>();
            await using (var r = await cmd.ExecuteReaderAsync(Ct))
            {
                while (await r.ReadAsync(Ct))
                {
                    tabel.Add(r.GetString(0));
                }
            }

            cmd.CommandText = string.Concat(tabel.Where(t => !versi1.Contains(t)).Select(t => $"DROP TABLE {t};")) + """
                ALTER TABLE pegawai DROP COLUMN tanggal_mulai;
                DROP INDEX ix_pengguna_kantor_nip; DELETE FROM schema_version WHERE version >= 2;
                """;
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        using (var store = new TestStore(path, Time))
        {
            Assert.Equal(KantorKecil.Bagus, (await store.Pengguna.CariAsync("aad-1", Ct))!.Nip);
            Assert.True(await store.Percakapan.SimpanReferensiAsync(Referensi("aad-1", Pukul10), Ct));
        }

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT group_concat(version) FROM schema_version;";
            Assert.Equal(string.Join(',', Enumerable.Range(1, SqliteDatabase.VersiSkema)), await cmd.ExecuteScalarAsync(Ct));
        }
    }
}

/// <summary>The contract on Azure Tables, on Azurite; each test gets its own table name prefix (fresh tables).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablePercakapanStoreTests(AzuriteFixture azurite) : PercakapanStoreContractTests
{
    private readonly string _prefix = "P" + Guid.NewGuid().ToString("N")[..20];

    protected override TestStore Buka(string dbPath, TimeProvider? time)
    {
        var store = new TestStore(dbPath, time, azurite.Konfigurasi(_prefix));
        Assert.IsType<KinerjaBot.Storage.Tables.TablePercakapanStore>(store.Percakapan);
        return store;
    }

    [Fact]
    public async Task Referensi_YangLebihBaruMendaratAntaraBacaDanTulis_412_DiputuskanLagi_YangLebihBaruTetap()
    {
        const string aad = "aad-balapan";
        Assert.True(await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10, conversationId: "a:1"), Ct));
        // Another instance stores a newer reference after this store read the entity (10.00), before its replace.
        var sela = new PenulisDiAntara(PenulisDiAntara.TulisBersyarat,
            async () => Assert.True(await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddMinutes(3), conversationId: "a:3"), Ct)));
        using var a = new TestStore(Path.Combine(Dir.FullName, "kinerja.db"), Time, azurite.Konfigurasi(_prefix), s => s.AddSingleton<HttpPipelinePolicy>(sela));
        sela.Aktif = true;

        // 10.02 is newer than what it read, older than what landed: the 412 makes it decide again, on 10.03, and stop.
        var disimpan = await a.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddMinutes(2), conversationId: "a:2"), Ct);

        Assert.Equal(1, sela.Terjadi);
        Assert.False(disimpan);
        var r = (await _store.Percakapan.CariAsync(aad, Ct))!.Referensi!;
        Assert.Equal(("a:3", Pukul10.AddMinutes(3)), (r.ConversationId, r.DiperbaruiPada));
    }

    [Fact]
    public async Task IndeksJangkauan_KeadaanLebihBaruMendaratSebelumBarisDitulis_412_KeadaanLamaTidakMenimpa()
    {
        await _store.Kantor.SimpanAsync(KantorKecil.Data(), Ct);
        var aad = KantorKecil.Aad(KantorKecil.Maya);
        await _store.Pengguna.SimpanAsync(new PenggunaTerkait(aad, KantorKecil.Kode, KantorKecil.Maya, "maya.kurniasari@kemenkeu.example", Pukul10), Ct);
        Assert.True(await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10), Ct));
        // This store records a refusal (10.02); another instance records a live chat (10.03, which clears it) after this
        // store wrote the person's entity, before it writes the office's reach index row.
        var sela = new PenulisDiAntara(m => PenulisDiAntara.TulisBersyarat(m) && Uri.UnescapeDataString(m.Request.Uri.Path).Contains("jangkauan|", StringComparison.Ordinal),
            async () => Assert.True(await _store.Percakapan.SimpanReferensiAsync(Referensi(aad, Pukul10.AddMinutes(3), conversationId: "a:3"), Ct)));
        using var a = new TestStore(Path.Combine(Dir.FullName, "kinerja.db"), Time, azurite.Konfigurasi(_prefix), s => s.AddSingleton<HttpPipelinePolicy>(sela));
        sela.Aktif = true;

        Assert.True(await a.Percakapan.TandaiTidakTerjangkauAsync(aad, new TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser",
            Pukul10.AddMinutes(2)), Ct));

        // The index row was written by the newer state; the older one's replace got 412 and then stood down.
        Assert.Equal(1, sela.Terjadi);
        Assert.Null((await _store.Percakapan.CariAsync(aad, Ct))!.TidakTerjangkau);
        Assert.DoesNotContain(await _store.Percakapan.DaftarTidakTerjangkauAsync(KantorKecil.Kode, Ct), x => x.Nip == KantorKecil.Maya);
    }
}

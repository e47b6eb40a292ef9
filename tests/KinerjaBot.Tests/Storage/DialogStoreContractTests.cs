using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The storage contract of <see cref="Kinerja.Domain.Ports.IDialogStore"/> against every adapter (SQLite on a temp
/// file, Azure Tables on Azurite): a dialog is saved whole with its agenda, minutes and follow-ups, once; follow-ups
/// close on the version they were read at, so a stale version and two people closing at once end in exactly one close.
/// </summary>
public abstract class DialogStoreContractTests : IDisposable
{
    protected static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly HariIni = new(2026, 11, 28);
    protected static readonly DateTimeOffset Sekarang = new(2026, 11, 28, 3, 10, 0, TimeSpan.Zero);
    protected static readonly Pelaku Bagus = new(Nip.Parse("198211052003121004"), "Bagus Prasetyo Nugroho");
    protected static readonly Pelaku Lestari = new(Nip.Parse("199312012015032004"), "Lestari Handayani");
    private static readonly Pelaku Fajar = new(Nip.Parse("199806212020031006"), "Fajar Nugraha");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-dialog-");
    private TestStore? _utama;

    protected TestStore _store => _utama ??= Buka(Path.Combine(_dir.FullName, "kinerja.db"));

    protected abstract TestStore Buka(string dbPath);

    public void Dispose()
    {
        _utama?.Dispose();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    protected static DialogKinerja Dialog(string id, Pelaku bawahan, DateOnly tanggal, params MasukanTindakLanjut[] tindakLanjut)
    {
        var seri = SeriDialog.Dki(Bagus.Nip, bawahan.Nip);
        var agenda = new AgendaDialog(seri, new Periode(2026, 3),
        [
            new ItemAgenda(JenisItemAgenda.IkuMerah, "IKU 2b.004 Persentase penyelesaian SP2D", "Capaian 72,50 merah (di bawah 80,00)", "s.d. TW III 2026: target 100,00 %")
            {
                KodeIku = "2b.004", Target = 100m, Realisasi = 72.5m, Selisih = -27.5m, IndeksCapaian = 72.5m, Satuan = "%",
            },
            new ItemAgenda(JenisItemAgenda.Skp, "SKP 2027: Diajukan", "SKP menunggu persetujuan atasan langsung", "Tenggat 31 Januari 2027 (64 hari lagi)"),
        ]);
        var jam = new TimeOnly(9, 0);
        var pada = new DateTimeOffset(tanggal.ToDateTime(jam), TimeSpan.FromHours(7)).ToUniversalTime();
        var hasil = DialogKinerja.Catat(new CatatanDialog(id, "KPPN-METRO", agenda, Bagus, [Bagus, bawahan], tanggal, jam, pada, "Asia/Jakarta",
            ["Percepat verifikasi SPM | tanpa antre", "Sepakat diajukan ulang minggu ini"], null, tindakLanjut, HariIni, Sekarang), KebijakanDialog.Bawaan());
        Assert.True(hasil.Berhasil, string.Join("; ", hasil.Kesalahan));
        return hasil.Dialog!;
    }

    [Fact]
    public async Task Simpan_DialogUtuhDenganAgendaNotulaDanTindakLanjut_DibacaSama_KunciKantorTanpaBedaHuruf()
    {
        var d = Dialog("dlg-1", Lestari, new DateOnly(2026, 11, 27), new MasukanTindakLanjut("Susun SOP antrean SPM", Lestari.Nip.Value, "31/12/2026"));

        var simpan = await _store.Dialog.SimpanAsync(d, Ct);
        var dibaca = await _store.Dialog.MuatAsync("kppn-metro", "dlg-1", Ct);

        Assert.True(simpan.Tersimpan);
        Assert.NotNull(dibaca);
        Assert.Equal((d.Seri, d.Periode, d.Pada, d.JamLokal, d.DicatatOleh, d.DicatatPadaUtc), (dibaca.Seri, dibaca.Periode, dibaca.Pada, dibaca.JamLokal, dibaca.DicatatOleh, dibaca.DicatatPadaUtc));
        Assert.Equal(d.Peserta, dibaca.Peserta);
        Assert.Equal(d.Agenda, dibaca.Agenda);
        var tl = Assert.Single(dibaca.TindakLanjut);
        Assert.Equal(("Susun SOP antrean SPM", Lestari, new DateOnly(2026, 12, 31), StatusTindakLanjut.Terbuka, 1), (tl.Uraian, tl.Pic, tl.Tenggat, tl.Status, tl.Versi));
        Assert.Equal(seri(dibaca), tl.Seri);

        static SeriDialog seri(DialogKinerja x) => x.Seri;
    }

    [Fact]
    public async Task Simpan_IdYangSamaDuaKali_HanyaSatuTersimpan_YangKeduaMendapatYangAda()
    {
        var pertama = Dialog("dlg-2", Lestari, new DateOnly(2026, 11, 27), new MasukanTindakLanjut("Susun SOP", Lestari.Nip.Value, "31/12/2026"));
        var kedua = Dialog("dlg-2", Lestari, new DateOnly(2026, 11, 26), new MasukanTindakLanjut("Lain", Lestari.Nip.Value, "30/12/2026"),
            new MasukanTindakLanjut("Lain lagi", Bagus.Nip.Value, "30/12/2026"));

        var hasil = await Task.WhenAll(_store.Dialog.SimpanAsync(pertama, Ct), _store.Dialog.SimpanAsync(kedua, Ct));

        Assert.Single(hasil, h => h.Tersimpan);
        var menang = hasil.Single(h => h.Tersimpan).Dialog;
        Assert.All(hasil, h => Assert.Equal(menang.Pada, h.Dialog.Pada));
        var semua = await _store.Dialog.DaftarTindakLanjutAsync("KPPN-METRO", hanyaTerbuka: false, Ct);
        Assert.Equal(menang.TindakLanjut.Select(t => t.Uraian), semua.Select(t => t.Uraian));
    }

    [Fact]
    public async Task Daftar_SejakTanggal_UrutWaktu_TindakLanjutTerbukaPerKantor()
    {
        await _store.Dialog.SimpanAsync(Dialog("dlg-b", Fajar, new DateOnly(2026, 11, 20), new MasukanTindakLanjut("Rekon data", Fajar.Nip.Value, "05/12/2026")), Ct);
        await _store.Dialog.SimpanAsync(Dialog("dlg-a", Lestari, new DateOnly(2026, 8, 10)), Ct);
        await _store.Dialog.SimpanAsync(Dialog("dlg-c", Lestari, new DateOnly(2026, 11, 27), new MasukanTindakLanjut("SOP", Lestari.Nip.Value, "01/12/2026")), Ct);

        var sejakSeptember = await _store.Dialog.DaftarAsync("KPPN-METRO", new DateOnly(2026, 9, 1), Ct);
        var terbuka = await _store.Dialog.DaftarTindakLanjutAsync("KPPN-METRO", hanyaTerbuka: true, Ct);

        Assert.Equal(["dlg-b", "dlg-c"], sejakSeptember.Select(d => d.Id));
        Assert.Equal(["SOP", "Rekon data"], terbuka.Select(t => t.Uraian));
        Assert.Empty(await _store.Dialog.DaftarAsync("KPPN-LAIN", new DateOnly(2026, 1, 1), Ct));
    }

    [Fact]
    public async Task TindakLanjut_DitutupPadaVersiUsang_Konflik_TidakAdaYangTertulis()
    {
        await _store.Dialog.SimpanAsync(Dialog("dlg-3", Lestari, new DateOnly(2026, 11, 27), new MasukanTindakLanjut("SOP", Lestari.Nip.Value, "31/12/2026")), Ct);
        var dibaca = (await _store.Dialog.DaftarTindakLanjutAsync("KPPN-METRO", true, Ct)).Single();
        Assert.True(dibaca.Selesaikan(Lestari, "SOP sudah terbit", Sekarang, dibaca.Versi).Berhasil);
        Assert.True((await _store.Dialog.SimpanTindakLanjutAsync(dibaca, Ct)).Tersimpan);

        // The card Bagus still has was made on version 1: the domain refuses it, and the store would too.
        var usang = new TindakLanjut(dibaca.Id, dibaca.KodeKantor, dibaca.IdDialog, dibaca.Seri, dibaca.Uraian, dibaca.Pic, dibaca.Tenggat, dibaca.DibuatPada);
        var sekarang = (await _store.Dialog.MuatTindakLanjutAsync("KPPN-METRO", dibaca.Id, Ct))!;
        Assert.Equal(JenisHasilTindakLanjut.SudahBerubah, sekarang.Selesaikan(Bagus, "Dibatalkan saja", Sekarang, versiDilihat: 1).Jenis);
        Assert.True(usang.Batalkan(Bagus, "Tidak relevan", Sekarang, 1).Berhasil);
        var simpanUsang = await _store.Dialog.SimpanTindakLanjutAsync(usang, Ct);

        Assert.False(simpanUsang.Tersimpan);
        Assert.Equal((StatusTindakLanjut.Selesai, "SOP sudah terbit", Lestari, 2), (simpanUsang.Sekarang.Status, simpanUsang.Sekarang.Catatan, simpanUsang.Sekarang.DitutupOleh, simpanUsang.Sekarang.Versi));
    }

    [Fact]
    public async Task TindakLanjut_DuaOrangMenutupBersamaan_DariDuaInstans_TepatSatuMenang()
    {
        await _store.Dialog.SimpanAsync(Dialog("dlg-4", Lestari, new DateOnly(2026, 11, 27), new MasukanTindakLanjut("SOP", Lestari.Nip.Value, "31/12/2026")), Ct);
        using var kedua = Buka(_store.DbPath);
        var olehLestari = (await _store.Dialog.MuatTindakLanjutAsync("KPPN-METRO", "dlg-4-1", Ct))!;
        var olehBagus = (await kedua.Dialog.MuatTindakLanjutAsync("KPPN-METRO", "dlg-4-1", Ct))!;
        Assert.True(olehLestari.Selesaikan(Lestari, "Selesai oleh PIC", Sekarang, 1).Berhasil);
        Assert.True(olehBagus.Selesaikan(Bagus, "Selesai oleh atasan", Sekarang.AddSeconds(1), 1).Berhasil);

        var hasil = await Task.WhenAll(_store.Dialog.SimpanTindakLanjutAsync(olehLestari, Ct), kedua.Dialog.SimpanTindakLanjutAsync(olehBagus, Ct));

        var menang = Assert.Single(hasil, h => h.Tersimpan);
        Assert.All(hasil, h => Assert.Equal((menang.Sekarang.Catatan, 2), (h.Sekarang.Catatan, h.Sekarang.Versi)));
        var akhir = (await _store.Dialog.MuatAsync("KPPN-METRO", "dlg-4", Ct))!.TindakLanjut.Single();
        Assert.Equal((StatusTindakLanjut.Selesai, menang.Sekarang.Catatan), (akhir.Status, akhir.Catatan));
    }

    [Fact]
    public async Task Rencana_TundaMenggantiYangLama_PerSeri()
    {
        var seri = SeriDialog.Dki(Bagus.Nip, Lestari.Nip);
        await _store.Dialog.SimpanRencanaAsync(new RencanaDialog("KPPN-METRO", seri, new DateOnly(2026, 12, 5), Bagus, Sekarang), Ct);
        await _store.Dialog.SimpanRencanaAsync(new RencanaDialog("KPPN-METRO", seri, new DateOnly(2026, 12, 12), Bagus, Sekarang.AddMinutes(5)), Ct);
        await _store.Dialog.SimpanRencanaAsync(new RencanaDialog("KPPN-METRO", SeriDialog.Dki(Bagus.Nip, Fajar.Nip), new DateOnly(2026, 12, 8), Bagus, Sekarang), Ct);

        var rencana = await _store.Dialog.DaftarRencanaAsync("kppn-metro", Ct);

        Assert.Equal(2, rencana.Count);
        var r = rencana.Single(x => x.Seri == seri);
        Assert.Equal((new DateOnly(2026, 12, 12), Bagus, Sekarang.AddMinutes(5)), (r.Tanggal, r.Oleh, r.PadaUtc));
        Assert.Empty(await _store.Dialog.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), Ct)); // a postponement is not a dialog
    }
}

/// <summary>The contract on SQLite, on a file in a temp folder.</summary>
public sealed class SqliteDialogStoreTests : DialogStoreContractTests
{
    protected override TestStore Buka(string dbPath) => new(dbPath);
}

/// <summary>The contract on Azure Tables, on Azurite; each test gets its own table name prefix (fresh tables).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDialogStoreTests(AzuriteFixture azurite) : DialogStoreContractTests
{
    private readonly string _prefix = "D" + Guid.NewGuid().ToString("N")[..20];

    protected override TestStore Buka(string dbPath)
    {
        var store = new TestStore(dbPath, null, azurite.Konfigurasi(_prefix));
        Assert.IsType<KinerjaBot.Storage.Tables.TableDialogStore>(store.Dialog);
        return store;
    }

    [Fact]
    public async Task TindakLanjut_PenutupLainMendaratAntaraBacaDanTulis_412_MenjadiKonflik_PenutupLainYangBerlaku()
    {
        await _store.Dialog.SimpanAsync(Dialog("dlg-9", Lestari, new DateOnly(2026, 11, 27), new MasukanTindakLanjut("SOP", Lestari.Nip.Value, "31/12/2026")), Ct);
        var olehBagus = (await _store.Dialog.MuatTindakLanjutAsync("KPPN-METRO", "dlg-9-1", Ct))!;
        Assert.True(olehBagus.Batalkan(Bagus, "Tidak relevan lagi", Sekarang, 1).Berhasil);
        // Bagus's close (another instance) lands after Lestari's store read the follow-up and its ETag, before its replace.
        var sela = new PenulisDiAntara(PenulisDiAntara.TulisBersyarat, async () => Assert.True((await _store.Dialog.SimpanTindakLanjutAsync(olehBagus, Ct)).Tersimpan));
        using var lestari = new TestStore(_store.DbPath, null, azurite.Konfigurasi(_prefix), s => s.AddSingleton<HttpPipelinePolicy>(sela));
        var olehLestari = (await lestari.Dialog.MuatTindakLanjutAsync("KPPN-METRO", "dlg-9-1", Ct))!;
        Assert.True(olehLestari.Selesaikan(Lestari, "SOP sudah terbit", Sekarang.AddMinutes(1), 1).Berhasil);
        sela.Aktif = true;

        var hasil = await lestari.Dialog.SimpanTindakLanjutAsync(olehLestari, Ct);

        Assert.Equal(1, sela.Terjadi);
        Assert.False(hasil.Tersimpan);
        Assert.Equal((StatusTindakLanjut.Dibatalkan, "Tidak relevan lagi", Bagus, 2), (hasil.Sekarang.Status, hasil.Sekarang.Catatan, hasil.Sekarang.DitutupOleh, hasil.Sekarang.Versi));
        var akhir = (await _store.Dialog.MuatAsync("KPPN-METRO", "dlg-9", Ct))!.TindakLanjut.Single();
        Assert.Equal((StatusTindakLanjut.Dibatalkan, Bagus, 2), (akhir.Status, akhir.DitutupOleh, akhir.Versi));
    }

    [Fact]
    public async Task Daftar_Sejak_RentangKunci_DialogLamaTidakDibacaDariServer()
    {
        // Ten dialogs of January and one of this week: listing "since this month" reads only this month's rows.
        for (var i = 0; i < 10; i++)
        {
            await _store.Dialog.SimpanAsync(Dialog($"lama-{i}", Lestari, new DateOnly(2026, 1, 5 + i), new MasukanTindakLanjut("SOP", Lestari.Nip.Value, "31/12/2026")), Ct);
        }

        await _store.Dialog.SimpanAsync(Dialog("baru", Lestari, new DateOnly(2026, 11, 27), new MasukanTindakLanjut("Rekon", Lestari.Nip.Value, "31/12/2026")), Ct);
        var baris = new PenghitungBaris();
        using var s = new TestStore(_store.DbPath, null, azurite.Konfigurasi(_prefix), x => x.AddSingleton<HttpPipelinePolicy>(baris));

        var daftar = await s.Dialog.DaftarAsync("KPPN-METRO", new DateOnly(2026, 11, 1), Ct);
        var satu = await s.Dialog.MuatAsync("KPPN-METRO", "baru", Ct);

        var d = Assert.Single(daftar);
        Assert.Equal(("baru", "Rekon"), (d.Id, d.TindakLanjut.Single().Uraian));
        Assert.Equal("Rekon", satu!.TindakLanjut.Single().Uraian);
        // Heads, agenda rows (2 each) and follow-ups of "baru" only, twice (list, load), plus the load's pointer.
        Assert.Equal((1 + 2 + 1) * 2 + 1, baris.Entitas);
    }

    /// <summary>Counts the entities the service returns (the <c>value</c> array of query answers, 1 for a point read).</summary>
    private sealed class PenghitungBaris : HttpPipelinePolicy
    {
        private int _entitas;

        public int Entitas => _entitas;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Hitung(message);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Hitung(message);
        }

        private void Hitung(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200)
            {
                return;
            }

            var json = System.Text.Json.Nodes.JsonNode.Parse(message.Response.Content.ToString());
            Interlocked.Add(ref _entitas, json?["value"] is System.Text.Json.Nodes.JsonArray a ? a.Count : 1);
        }
    }
}

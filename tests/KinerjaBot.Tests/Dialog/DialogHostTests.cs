using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Kinerja.Testing.CardLint;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Dialog;

/// <summary>
/// Dialogs through the whole host on the demo office (28 November 2026, 10.10 WIB): Bagus (Kepala Seksi PDMS, 7 direct
/// reports) records a DKI with Lestari, the follow-up reaches Lestari's <c>tindak lanjut</c>, she closes it; bad input,
/// authorisation, privacy, postponement and the signed DOCX link. Every card goes through the official renderer's lint.
/// </summary>
public sealed class DialogHostTests : IDisposable
{
    private const string NipBagus = "198211052003121004";
    private const string NipLestari = "199312012015032004";
    private const string NipFajar = "199806212020031006";
    private const string NipHendarto = "197603141998031002";
    private const string NipRatna = "198407222006122001";
    private const string NipMaya = "198502182007012003";
    private const string NipDimas = "199505112018031005";
    private const string SeriLestari = $"dki|{NipBagus}|{NipLestari}";
    private const string SeriDko = $"dko|KPPN-METRO|{NipHendarto}";

    private readonly BotFactory _bot = new BotFactory().With("Kinerja:Dialog:UrlPublik", "http://localhost/").With("Kinerja:Dialog:KunciTautan", new string('k', 40));
    private readonly ActivityDriver _bagus = new();
    private readonly ActivityDriver _lestari = ActivityDriver.Lestari();
    private readonly ActivityDriver _fajar = ActivityDriver.Fajar();
    private readonly ActivityDriver _hendarto = ActivityDriver.Hendarto();
    private readonly ActivityDriver _ratna = ActivityDriver.Ratna();

    public DialogHostTests()
    {
        _bot.Connector.Member(_bagus).Member(_lestari).Member(_fajar).Member(_hendarto).Member(_ratna).AcceptActivities().AcceptUpdates();
    }

    public void Dispose() => _bot.Dispose();

    private static JsonObject Data(string verb, string seri = SeriLestari, string? id = null)
    {
        var o = new JsonObject { ["verb"] = verb, ["seri"] = seri };
        if (id is not null)
        {
            o["id"] = id;
        }

        return o;
    }

    /// <summary>
    /// What Bagus types into the record card of the DKI with Lestari (4 agenda items: 2 IKU, SKP 2026 approved, SKP
    /// 2027 submitted): the save's data as the card carries it (id, agenda fingerprint) with the inputs merged in, the
    /// minutes in the card's order of minutes boxes.
    /// </summary>
    private static JsonObject Isian(JsonObject kartu, string tenggat = "31/12/2026", string pic = NipLestari, string notula2 = "Sepakat diajukan ulang minggu ini")
    {
        var d = Notula(kartu, "Antrean SPM menumpuk di akhir bulan; verifikasi dipercepat", "DAK tahap III terlambat dari satker", "Rencana aksi TW IV disepakati", notula2);
        d["tanggal"] = "2026-11-27";
        d["jam"] = "09:00";
        d["notulaUmum"] = "";
        d["tl0u"] = "Susun SOP antrean SPM";
        d["tl0p"] = pic;
        d["tl0t"] = tenggat;
        d["tl1u"] = "";
        d["tl1p"] = "";
        d["tl1t"] = "";
        return d;
    }

    /// <summary>The save action's data of a record card with the minutes boxes filled in order (one text per box; more boxes than texts: "Dibahas").</summary>
    private static JsonObject Notula(JsonObject kartu, params string[] notula)
    {
        var d = (JsonObject)Cari(kartu, "simpanDialog")!["data"]!.DeepClone();
        var kotak = InputIds(kartu).Where(i => i.StartsWith("n-", StringComparison.Ordinal)).ToList();
        Assert.True(kotak.Count >= notula.Length, $"{kotak.Count} minutes boxes for {notula.Length} minutes");
        for (var i = 0; i < kotak.Count; i++)
        {
            d[kotak[i]] = i < notula.Length ? notula[i] : "Dibahas";
        }

        return d;
    }

    private async Task<JsonObject> BukaAsync(ActivityDriver oleh, string seri = SeriLestari)
    {
        var kartu = await KartuAsync(await PostAsync(oleh.Invoke("bukaDialog", Data("bukaDialog", seri))));
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        Assert.True(Encoding.UTF8.GetByteCount(kartu.ToJsonString()) < 28 * 1024, "Teams takes cards of at most 28 KB");
        return kartu;
    }

    private Task<JsonObject> BukaDanIdAsync() => BukaAsync(_bagus);

    [Fact]
    public async Task Dialog_Pemimpin_MelihatDkiDenganSetiapBawahanBesertaAgenda_DanKepatuhan()
    {
        await PostAsync(_bagus.Message("dialog"));

        var kartu = CardJson.CardOf(Terakhir(ActivityDriver.PersonalConversation).Body);
        var teks = CardJson.AllText(kartu);
        Assert.Contains("7 dari 7 bawahan belum DKI dalam 3 bulan terakhir", teks, StringComparison.Ordinal);
        Assert.Contains("**DKI Bagus Prasetyo Nugroho dengan Lestari Handayani**", teks, StringComparison.Ordinal);
        Assert.Contains("IKU 2b.004 Persentase penyelesaian SP2D secara tepat waktu — Capaian 91,87 di bawah 100,00", teks, StringComparison.Ordinal);
        Assert.Contains("Jatuh tempo 28 November 2026 · belum pernah · data TW III 2026", teks, StringComparison.Ordinal);
        Assert.Equal(7, CariSemua(kartu, "bukaDialog").Count);
        Assert.True(Encoding.UTF8.GetByteCount(kartu.ToJsonString()) < 28 * 1024, "Teams takes cards of at most 28 KB");
        Assert.DoesNotContain("DKO", teks, StringComparison.Ordinal); // a section head owns no strategy map
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());

        await PostAsync(_hendarto.Message("dialog"));
        var kepala = CardJson.AllText(CardJson.CardOf(Terakhir("a:personal-hendarto").Body));
        Assert.Contains("**DKO KPPN Metro**", kepala, StringComparison.Ordinal);
        // The head's late initiative (inisiatif.csv) comes right after the office's IKU below target; the NKO trend is
        // among the items the list card folds away (ItemPerDialog) and the record card shows.
        Assert.Contains("3. Inisiatif strategis: Digitalisasi arsip dokumen SPM dan SP2D — Inisiatif strategis melewati tenggat dan belum selesai", kepala, StringComparison.Ordinal);
        Assert.Contains("4. Inisiatif strategis: Layanan SP2D tanpa tatap muka untuk seluruh satker mitra — Kemajuan inisiatif strategis dipantau pada setiap DKO", kepala, StringComparison.Ordinal);
        Assert.Contains("… dan 2 butir agenda lainnya.", kepala, StringComparison.Ordinal);
        _bot.Connector.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task CatatHasil_MasukanBuruk_SemuaMasalahDisebut_IsianTetap_TidakAdaYangTersimpan()
    {
        var kartuCatat = await BukaDanIdAsync();
        Assert.Equal("10:10", CardJson.ById(kartuCatat, "jam")!["value"]!.GetValue<string>()); // now, in the office's zone
        var isian = Isian(kartuCatat, tenggat: "2026-11-01", pic: NipFajar, notula2: "  ");

        var kartu = await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", isian)));

        var teks = CardJson.AllText(kartu);
        Assert.Contains("Hasil dialog belum disimpan:", teks, StringComparison.Ordinal);
        Assert.Contains("• Notula butir 4 (SKP 2027: Diajukan) masih kosong.", teks, StringComparison.Ordinal);
        Assert.Contains("• Tindak lanjut 1: PIC harus salah satu peserta dialog.", teks, StringComparison.Ordinal);
        Assert.Contains("• Tindak lanjut 1: tenggat 1 November 2026 sudah lewat. Pilih tanggal mulai hari ini (28 November 2026).", teks, StringComparison.Ordinal);
        var kotakPertama = InputIds(kartu).First(i => i.StartsWith("n-", StringComparison.Ordinal));
        Assert.Equal("Antrean SPM menumpuk di akhir bulan; verifikasi dipercepat", CardJson.ById(kartu, kotakPertama)!["value"]!.GetValue<string>());
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        Assert.Empty(await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None));
        Assert.Empty(await Store.DaftarTindakLanjutAsync("KPPN-METRO", false, CancellationToken.None));
    }

    [Fact]
    public async Task CatatHasil_TersimpanSekali_LestariDiberitahu_TindakLanjutMunculDiTindakLanjutnya_DanDitutupOlehnya()
    {
        await PostAsync(_lestari.Message("dialog")); // the bot knows Lestari's chat
        var kartuCatat = await BukaDanIdAsync();
        var notula = await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", Isian(kartuCatat))));
        var teks = CardJson.AllText(notula);
        Assert.True(teks.Contains("Hasil dialog tersimpan.", StringComparison.Ordinal), teks);
        Assert.Contains("27 November 2026 pukul 09.00 WIB", teks, StringComparison.Ordinal);
        Assert.Contains("Bagus Prasetyo Nugroho, Lestari Handayani", teks, StringComparison.Ordinal);
        Assert.Contains("**Susun SOP antrean SPM** — PIC Lestari Handayani, tenggat 31 Desember 2026", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(notula.ToJsonString());

        // Lestari is told in her chat, with the follow-up that is hers.
        var kabar = Terakhir("a:personal-lestari").Body!["text"]!.GetValue<string>();
        Assert.Contains("Bagus Prasetyo Nugroho mencatat hasil DKI Bagus Prasetyo Nugroho dengan Lestari Handayani pada 27 November 2026.", kabar, StringComparison.Ordinal);
        Assert.Contains("- Susun SOP antrean SPM (tenggat 31 Desember 2026)", kabar, StringComparison.Ordinal);
        var jumlahKabar = _bot.Connector.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains("a%3Apersonal-lestari", StringComparison.Ordinal));
        Assert.True(jumlahKabar > 0);

        // The same click again (a re-sent invoke): nothing new.
        var lagi = CardJson.AllText(await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", Isian(kartuCatat)))));
        Assert.Contains("sudah tersimpan sebelumnya", lagi, StringComparison.Ordinal);
        Assert.Single(await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None));
        Assert.Equal(jumlahKabar, _bot.Connector.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains("a%3Apersonal-lestari", StringComparison.Ordinal)));

        // Lestari's follow-ups.
        await PostAsync(_lestari.Message("tindak lanjut"));
        var daftar = CardJson.CardOf(Terakhir("a:personal-lestari").Body);
        Assert.Contains("Susun SOP antrean SPM", CardJson.AllText(daftar), StringComparison.Ordinal);
        Assert.Contains("Tenggat 31 Desember 2026 (33 hari lagi)", CardJson.AllText(daftar), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(daftar.ToJsonString());
        var selesai = Cari(daftar, "selesaiTindakLanjut")!;
        var data = selesai["data"]!.AsObject();

        // Fajar is neither PIC nor leader: refused. Lestari without a note: asked for one. Then done.
        Assert.Contains("Hanya PIC (Lestari Handayani)", await PesanAsync(await PostAsync(_fajar.Invoke("selesaiTindakLanjut", (JsonObject)data.DeepClone()))), StringComparison.Ordinal);
        var tanpaCatatan = CardJson.AllText(await KartuAsync(await PostAsync(_lestari.Invoke("selesaiTindakLanjut", (JsonObject)data.DeepClone()))));
        Assert.Contains("Tuliskan catatan singkat", tanpaCatatan, StringComparison.Ordinal);
        var denganCatatan = (JsonObject)data.DeepClone();
        denganCatatan[$"c|{data["id"]!.GetValue<string>()}"] = "SOP terbit 2 Desember";
        var diperbarui = await KartuAsync(await PostAsync(_lestari.Invoke("selesaiTindakLanjut", denganCatatan)));
        Assert.Contains("“Susun SOP antrean SPM” ditandai selesai.", CardJson.AllText(diperbarui), StringComparison.Ordinal);
        Assert.Contains("Tidak ada tindak lanjut terbuka untuk Anda.", CardJson.AllText(diperbarui), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(diperbarui.ToJsonString());

        // Bagus closing the same one from his stale card: exactly one close, he is told who closed it.
        var bagusLagi = (JsonObject)denganCatatan.DeepClone();
        var balasan = CardJson.AllText(await KartuAsync(await PostAsync(_bagus.Invoke("selesaiTindakLanjut", bagusLagi))));
        Assert.Contains("sudah ditandai selesai oleh Lestari Handayani: SOP terbit 2 Desember", balasan, StringComparison.Ordinal);
        var tl = Assert.Single(await Store.DaftarTindakLanjutAsync("KPPN-METRO", false, CancellationToken.None));
        Assert.Equal((StatusTindakLanjut.Selesai, "SOP terbit 2 Desember", "Lestari Handayani", 2), (tl.Status, tl.Catatan, tl.DitutupOleh!.Nama, tl.Versi));
    }

    [Fact]
    public async Task Batalkan_HanyaPemimpin_DenganAlasan()
    {
        var kartuCatat = await BukaDanIdAsync();
        await PostAsync(_bagus.Invoke("simpanDialog", Isian(kartuCatat)));
        await PostAsync(_bagus.Message("tindak lanjut"));
        var kartu = CardJson.CardOf(Terakhir(ActivityDriver.PersonalConversation).Body);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        var batal = Cari(kartu, "batalkanTindakLanjut")!["data"]!.AsObject();
        var alasan = (JsonObject)batal.DeepClone();
        alasan[$"c|{batal["id"]!.GetValue<string>()}"] = "Digabung dengan SOP kantor";

        Assert.Contains("Hanya pemimpin dialog yang dapat membatalkan", await PesanAsync(await PostAsync(_lestari.Invoke("batalkanTindakLanjut", (JsonObject)alasan.DeepClone()))),
            StringComparison.Ordinal);
        Assert.Contains("Tuliskan alasan pembatalan", CardJson.AllText(await KartuAsync(await PostAsync(_bagus.Invoke("batalkanTindakLanjut", (JsonObject)batal.DeepClone())))),
            StringComparison.Ordinal);
        var hasil = CardJson.AllText(await KartuAsync(await PostAsync(_bagus.Invoke("batalkanTindakLanjut", alasan))));

        Assert.Contains("“Susun SOP antrean SPM” dibatalkan.", hasil, StringComparison.Ordinal);
        var tl = Assert.Single(await Store.DaftarTindakLanjutAsync("KPPN-METRO", false, CancellationToken.None));
        Assert.Equal((StatusTindakLanjut.Dibatalkan, "Digabung dengan SOP kantor"), (tl.Status, tl.Catatan));
    }

    [Fact]
    public async Task Notula_HanyaUntukPeserta_AtasanMereka_DanKoordinator()
    {
        var kartuCatat = await BukaDanIdAsync();
        await PostAsync(_bagus.Invoke("simpanDialog", Isian(kartuCatat)));
        var lihat = Data("lihatDialog", id: Id(kartuCatat));

        Assert.Contains("hanya untuk peserta dialog", await PesanAsync(await PostAsync(_fajar.Invoke("lihatDialog", (JsonObject)lihat.DeepClone()))), StringComparison.Ordinal);
        foreach (var orang in new[] { _lestari, _hendarto, _ratna })
        {
            var kartu = await KartuAsync(await PostAsync(orang.Invoke("lihatDialog", (JsonObject)lihat.DeepClone())));
            Assert.Contains("Antrean SPM menumpuk", CardJson.AllText(kartu), StringComparison.Ordinal);
        }

        // Lestari's own "dialog": her last dialog and her open follow-up itself (what, due date, state, from which dialog).
        await PostAsync(_lestari.Message("dialog"));
        var milik = CardJson.CardOf(Terakhir("a:personal-lestari").Body);
        var teksMilik = CardJson.AllText(milik);
        Assert.Contains("**DKI Bagus Prasetyo Nugroho dengan Lestari Handayani**", teksMilik, StringComparison.Ordinal);
        Assert.Contains("Anda punya 1 tindak lanjut terbuka.", teksMilik, StringComparison.Ordinal);
        Assert.Contains("• **Susun SOP antrean SPM**", teksMilik, StringComparison.Ordinal);
        Assert.Contains("Tenggat 31 Desember 2026 (33 hari lagi) · DKI Bagus Prasetyo Nugroho dengan Lestari Handayani, 27 November 2026", teksMilik, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(milik.ToJsonString());
    }

    [Fact]
    public async Task UnduhNotula_DocxTerbukaDenganAgendaNotulaTindakLanjutPeserta_TautanDiubahAtauKedaluwarsaDitolak()
    {
        var kartuCatat = await BukaDanIdAsync();
        var notula = await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", Isian(kartuCatat))));
        var url = new Uri(CariUrl(notula) ?? throw new Xunit.Sdk.XunitException("No download link on the minutes card"));
        Assert.Equal("/dialog/notula", url.AbsolutePath);

        var client = _bot.CreateClient();
        var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var isi = await response.Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(isi), false))
        {
            AssertDocxSah(doc);
            var teks = doc.MainDocumentPart!.Document.Body!.InnerText;
            foreach (var harus in new[]
            {
                "NOTULA DIALOG KINERJA", "DKI Bagus Prasetyo Nugroho dengan Lestari Handayani", "27 November 2026 pukul 09.00 WIB", "s.d. TW III 2026",
                "19931201 201503 2 004", "IKU 2b.004 Persentase penyelesaian SP2D secara tepat waktu", "Capaian 91,87 di bawah 100,00",
                "Notula: Antrean SPM menumpuk di akhir bulan; verifikasi dipercepat", "SKP 2027: Diajukan", "Susun SOP antrean SPM", "31 Desember 2026",
            })
            {
                Assert.Contains(harus, teks, StringComparison.Ordinal);
            }
        }

        var diubah = url.PathAndQuery.Replace($"n={NipBagus}", $"n={NipFajar}", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(diubah, UriKind.Relative))).StatusCode);
        _bot.Time.Advance(TimeSpan.FromMinutes(16));
        var kedaluwarsa = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, kedaluwarsa.StatusCode);
        Assert.Contains("kedaluwarsa", await kedaluwarsa.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimpanDialog_IdDialogOrangLainLewatSeriSendiri_Ditolak_NotulaTidakTerbuka()
    {
        var kartuCatat = await BukaDanIdAsync();
        await PostAsync(_bagus.Invoke("simpanDialog", Isian(kartuCatat)));
        var id = Id(kartuCatat);

        // Hendarto (Bagus's supervisor, so he may read it through lihatDialog) and Ratna (a coordinator) each post a save
        // of their own series carrying Bagus's dialog id: the stored dialog is not theirs, so the save shows nothing.
        foreach (var (orang, seri) in new[] { (_hendarto, $"dki|{NipHendarto}|{NipBagus}"), (_hendarto, SeriDko), (_ratna, $"dki|{NipRatna}|{NipDimas}") })
        {
            var tiruan = Data("simpanDialog", seri, id);
            tiruan["tanggal"] = "2026-11-27";
            var balasan = await PostAsync(orang.Invoke("simpanDialog", tiruan));
            var teks = await balasan.Content.ReadAsStringAsync();
            Assert.Contains(AksesDialog.PesanDitolak, teks, StringComparison.Ordinal);
            Assert.DoesNotContain("Antrean SPM", teks, StringComparison.Ordinal);
        }

        // Fajar leads nobody: the series is not his.
        Assert.Contains("Hanya pemimpin dialog", await PesanAsync(await PostAsync(_fajar.Invoke("simpanDialog", Data("simpanDialog", id: id)))), StringComparison.Ordinal);
        Assert.Single(await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None));
    }

    [Fact]
    public async Task TindakLanjut_TerbawaKeAgendaBerikutnya_AgendaBerubahSaatDisimpan_KartuKembaliTanpaMenyimpan_LaluHilangSesudahDitutup()
    {
        await PostAsync(_bagus.Invoke("simpanDialog", Isian(await BukaDanIdAsync())));

        // The next DKI of the series: the open follow-up is on its agenda, after the SKP items.
        var berikut = await BukaDanIdAsync();
        var teks = CardJson.AllText(berikut);
        Assert.Contains("5. **Tindak lanjut: Susun SOP antrean SPM**", teks, StringComparison.Ordinal);
        Assert.Contains("Mengapa: Masih terbuka dari dialog sebelumnya (tenggat 31 Desember 2026)", teks, StringComparison.Ordinal);
        Assert.NotEqual(Id(berikut), Id(await BukaDanIdAsync()));
        var isian = Notula(berikut, "IKU SP2D dibahas lagi", "DAK beres", "Rencana aksi", "SKP 2027 disetujui", "SOP sedang disusun");
        isian["tanggal"] = "2026-11-28";
        isian["jam"] = "10:00";

        // Lestari closes the follow-up before Bagus saves the card he opened.
        await PostAsync(_lestari.Message("tindak lanjut"));
        var selesai = (JsonObject)Cari(CardJson.CardOf(Terakhir("a:personal-lestari").Body), "selesaiTindakLanjut")!["data"]!.DeepClone();
        selesai[$"c|{selesai["id"]!.GetValue<string>()}"] = "SOP terbit";
        Assert.Contains("ditandai selesai", CardJson.AllText(await KartuAsync(await PostAsync(_lestari.Invoke("selesaiTindakLanjut", selesai)))), StringComparison.Ordinal);

        var kembali = await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", isian)));

        var pesan = CardJson.AllText(kembali);
        Assert.Contains("• Agenda dialog ini berubah sejak kartu dibuka (misalnya realisasi baru masuk atau tindak lanjut sudah ditutup). Hasil dialog belum disimpan", pesan,
            StringComparison.Ordinal);
        Assert.Contains("• Notula 1 butir yang tidak lagi ada di agenda dipindahkan ke Lain-lain.", pesan, StringComparison.Ordinal);
        Assert.DoesNotContain("Tindak lanjut: Susun SOP antrean SPM", pesan, StringComparison.Ordinal); // closed: no longer carried over
        Assert.Equal("SOP sedang disusun", CardJson.ById(kembali, "notulaUmum")!["value"]!.GetValue<string>());
        var kotak = InputIds(kembali).Where(i => i.StartsWith("n-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, kotak.Count);
        Assert.Equal(["IKU SP2D dibahas lagi", "DAK beres", "Rencana aksi", "SKP 2027 disetujui"], kotak.Select(k => CardJson.ById(kembali, k)!["value"]!.GetValue<string>()));
        Assert.Equal(Id(berikut), Id(kembali));
        await CardLinter.Shared.AssertValidAsync(kembali.ToJsonString());
        Assert.Single(await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None));

        // Saved from the returned card (its fingerprint is the agenda's now): four items and the moved minutes as "Lain-lain".
        var lagi = Notula(kembali, "IKU SP2D dibahas lagi", "DAK beres", "Rencana aksi", "SKP 2027 disetujui");
        lagi["tanggal"] = "2026-11-28";
        lagi["jam"] = "10:00";
        lagi["notulaUmum"] = "SOP sedang disusun";
        Assert.Contains("Hasil dialog tersimpan.", CardJson.AllText(await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", lagi)))), StringComparison.Ordinal);
        var tersimpan = (await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None)).Single(d => d.Id == Id(berikut));
        Assert.Equal([("IKU SP2D dibahas lagi", JenisItemAgenda.IkuKuning), ("DAK beres", JenisItemAgenda.IkuKuning), ("Rencana aksi", JenisItemAgenda.Skp),
            ("SKP 2027 disetujui", JenisItemAgenda.Skp), ("SOP sedang disusun", JenisItemAgenda.LainLain)], tersimpan.Agenda.Select(b => (b.Notula, b.Item.Jenis)));
    }

    [Fact]
    public async Task CatatDko_KepalaKantor_TanpaPejabat_PesertaPalsuDiabaikan_PicBukanPeserta_LaluSahDanPicDiberitahu()
    {
        await PostAsync(_bagus.Message("dialog")); // the bot knows Bagus's chat
        var kartu = await BukaAsync(_hendarto, SeriDko);
        var teksKartu = CardJson.AllText(kartu);
        Assert.Contains("Catat hasil DKO KPPN Metro", teksKartu, StringComparison.Ordinal);
        Assert.Contains("Tren NKO KPPN Metro 2026", teksKartu, StringComparison.Ordinal);
        JsonObject Isi(string peserta, string pic)
        {
            var d = Notula(kartu);
            d["tanggal"] = "2026-11-27";
            d["jam"] = "14:00";
            d["peserta"] = peserta;
            d["tl0u"] = "Evaluasi digitalisasi arsip SPM";
            d["tl0p"] = pic;
            d["tl0t"] = "15/12/2026";
            return d;
        }

        var tanpa = CardJson.AllText(await KartuAsync(await PostAsync(_hendarto.Invoke("simpanDialog", Isi("", NipBagus)))));
        Assert.Contains("• Pilih paling sedikit satu pejabat yang hadir dalam DKO.", tanpa, StringComparison.Ordinal);
        Assert.Contains("• Tindak lanjut 1: PIC harus salah satu peserta dialog.", tanpa, StringComparison.Ordinal);

        // Lestari is not one of Hendarto's officials: her NIP in the participants is ignored, so she cannot be PIC.
        var palsu = CardJson.AllText(await KartuAsync(await PostAsync(_hendarto.Invoke("simpanDialog", Isi($"{NipBagus},{NipLestari}", NipLestari)))));
        Assert.Contains("• Tindak lanjut 1: PIC harus salah satu peserta dialog.", palsu, StringComparison.Ordinal);
        Assert.DoesNotContain("Pilih paling sedikit satu pejabat", palsu, StringComparison.Ordinal);
        Assert.Empty(await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None));

        var notula = await KartuAsync(await PostAsync(_hendarto.Invoke("simpanDialog", Isi($"{NipBagus},{NipMaya},{NipLestari}", NipBagus))));
        var teks = CardJson.AllText(notula);
        Assert.Contains("Hasil dialog tersimpan.", teks, StringComparison.Ordinal);
        Assert.Contains("27 November 2026 pukul 14.00 WIB", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(notula.ToJsonString());
        var dko = Assert.Single(await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None));
        Assert.Equal((JenisDialog.Dko, SeriDko), (dko.Jenis, dko.Seri.Kunci));
        Assert.Equal([NipHendarto, NipBagus, NipMaya], dko.Peserta.Select(p => p.Nip.Value));
        var tl = Assert.Single(await Store.DaftarTindakLanjutAsync("KPPN-METRO", false, CancellationToken.None));
        Assert.Equal((NipBagus, new DateOnly(2026, 12, 15), SeriDko), (tl.Pic.Nip.Value, tl.Tenggat, tl.Seri.Kunci));

        // Bagus, the PIC, is told in his chat with the follow-up that is his; Maya has no chat with the bot yet and is skipped.
        var kabar = Terakhir(ActivityDriver.PersonalConversation).Body!["text"]!.GetValue<string>();
        Assert.Contains("Hendarto Wibisono mencatat hasil DKO KPPN Metro pada 27 November 2026.", kabar, StringComparison.Ordinal);
        Assert.Contains("- Evaluasi digitalisasi arsip SPM (tenggat 15 Desember 2026)", kabar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DialogDiKantorWita_JamBerlabelWita_DiDaftarKartuNotulaDanDocx_WalauPembacaDiWib()
    {
        // A DKI held at 09.00 WITA (01.00 UTC) stored as recorded; Bagus and Lestari read it from the WIB office.
        var agenda = new AgendaDialog(SeriDialog.Dki(Nip.Parse(NipBagus), Nip.Parse(NipLestari)), new Periode(2026, 3),
            [new ItemAgenda(JenisItemAgenda.Skp, "SKP 2027: Diajukan", "SKP menunggu persetujuan")]);
        var bagus = new Pelaku(Nip.Parse(NipBagus), "Bagus Prasetyo Nugroho");
        var hasil = DialogKinerja.Catat(new CatatanDialog("dlg-wita", "KPPN-METRO", agenda, bagus, [bagus, new Pelaku(Nip.Parse(NipLestari), "Lestari Handayani")],
            new DateOnly(2026, 11, 27), new TimeOnly(9, 0), new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero), "Asia/Makassar", ["Dibahas di Makassar"], null, [],
            new DateOnly(2026, 11, 28), new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)), KebijakanDialog.Bawaan());
        Assert.True((await Store.SimpanAsync(hasil.Dialog!, CancellationToken.None)).Tersimpan);

        await PostAsync(_lestari.Message("dialog"));
        Assert.Contains("27 November 2026 09.00 WITA", CardJson.AllText(CardJson.CardOf(Terakhir("a:personal-lestari").Body)), StringComparison.Ordinal);

        var kartu = await KartuAsync(await PostAsync(_bagus.Invoke("lihatDialog", Data("lihatDialog", id: "dlg-wita"))));
        Assert.Contains("27 November 2026 pukul 09.00 WITA", CardJson.AllText(kartu), StringComparison.Ordinal);
        Assert.DoesNotContain("WIB", CardJson.AllText(kartu), StringComparison.Ordinal);

        var url = new Uri(CariUrl(kartu)!);
        var isi = await (await _bot.CreateClient().GetAsync(new Uri(url.PathAndQuery, UriKind.Relative))).Content.ReadAsByteArrayAsync();
        using var doc = WordprocessingDocument.Open(new MemoryStream(isi), false);
        AssertDocxSah(doc);
        Assert.Contains("27 November 2026 pukul 09.00 WITA", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tunda_TanggalLewatDitolak_TanggalBaruTampilDiDaftar_BukanPemimpinDitolak()
    {
        var id = Id(await BukaDanIdAsync());
        var lewat = Data("tundaDialog", id: id);
        lewat["tanggalTunda"] = "27/11/2026";
        Assert.Contains("Tanggal baru harus sesudah hari ini (28 November 2026).", CardJson.AllText(await KartuAsync(await PostAsync(_bagus.Invoke("tundaDialog", lewat)))),
            StringComparison.Ordinal);
        Assert.Empty(await Store.DaftarRencanaAsync("KPPN-METRO", CancellationToken.None));

        var oleh = Data("tundaDialog");
        oleh["tanggalTunda"] = "2026-12-05";
        Assert.Contains("Hanya pemimpin dialog", await PesanAsync(await PostAsync(_lestari.Invoke("tundaDialog", (JsonObject)oleh.DeepClone()))), StringComparison.Ordinal);

        var kartu = await KartuAsync(await PostAsync(_bagus.Invoke("tundaDialog", oleh)));
        var teks = CardJson.AllText(kartu);
        Assert.Contains("DKI Bagus Prasetyo Nugroho dengan Lestari Handayani ditunda ke 5 Desember 2026.", teks, StringComparison.Ordinal);
        Assert.Contains("Dijadwalkan 5 Desember 2026 (ditunda)", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    [Fact]
    public async Task Dialog_DiGrupChat_HanyaDiChatPribadi()
    {
        var grup = new ActivityDriver { ConversationId = "19:grup@thread.v2", ConversationType = "groupChat" };
        await PostAsync(grup.Message("dialog"));
        var balasan = Terakhir("19:grup@thread.v2").Body!["text"]!.GetValue<string>();
        Assert.Contains("hanya ditampilkan di chat pribadi", balasan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kinerja:Dialog:MasaBerlakuTautan", "00:00:05", "Kinerja:Dialog:MasaBerlakuTautan must be between 00:01:00 and 1.00:00:00.")]
    [InlineData("Kinerja:Dialog:UrlPublik", "ftp://bot.example/", "Kinerja:Dialog:UrlPublik 'ftp://bot.example/' must be an absolute http(s) address.")]
    [InlineData("Kinerja:Dialog:KunciTautan", "pendek", "Kinerja:Dialog:KunciTautan must be at least 32 characters.")]
    public void OpsiDialog_NilaiTidakSah_MenolakStart(string kunci, string nilai, string pesan)
    {
        using var bot = new BotFactory().With(kunci, nilai);

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        while (e is not OptionsValidationException && e.InnerException is not null)
        {
            e = e.InnerException;
        }

        Assert.IsType<OptionsValidationException>(e);
        Assert.Contains(pesan, e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The document is valid against the OpenXML schema of the latest Office version the SDK knows (Word refuses or
    /// "repairs" invalid ones), has a styles part and says it is in Indonesian.
    /// </summary>
    internal static void AssertDocxSah(WordprocessingDocument doc)
    {
        foreach (var versi in new[] { FileFormatVersions.Office2019, FileFormatVersions.Microsoft365 })
        {
            var salah = new OpenXmlValidator(versi).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(salah.Count == 0, $"{versi}:\n{string.Join("\n", salah)}");
        }

        var gaya = doc.MainDocumentPart!.StyleDefinitionsPart?.Styles ?? throw new Xunit.Sdk.XunitException("No styles part");
        Assert.Equal("id-ID", gaya.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        Assert.All(doc.MainDocumentPart.Document.Body!.Descendants<Table>(), t => Assert.NotNull(t.GetFirstChild<TableGrid>()));
    }

    private static string Id(JsonObject kartuCatat) => Cari(kartuCatat, "simpanDialog")!["data"]!["id"]!.GetValue<string>();

    private static IEnumerable<string> InputIds(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.ToString()?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"]?.ToString() is { } id => [id],
        JsonObject o => o.SelectMany(p => InputIds(p.Value)),
        JsonArray a => a.SelectMany(InputIds),
        _ => [],
    };

    private IDialogStore Store
    {
        get
        {
            _ = _bot.Server;
            return _bot.Services.GetRequiredService<IDialogStore>();
        }
    }

    private static JsonObject? Cari(JsonNode? node, string verb) => CariSemua(node, verb).FirstOrDefault();

    private static List<JsonObject> CariSemua(JsonNode? node, string verb)
    {
        var hasil = new List<JsonObject>();
        void Jelajah(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o when o["type"]?.ToString() == "Action.Execute" && o["verb"]?.ToString() == verb:
                    hasil.Add(o);
                    break;
                case JsonObject o:
                    foreach (var (_, c) in o)
                    {
                        Jelajah(c);
                    }

                    break;
                case JsonArray a:
                    foreach (var c in a)
                    {
                        Jelajah(c);
                    }

                    break;
            }
        }

        Jelajah(node);
        return hasil;
    }

    private static string? CariUrl(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.ToString() == "Action.OpenUrl" => o["url"]?.ToString(),
        JsonObject o => o.Select(p => CariUrl(p.Value)).FirstOrDefault(u => u is not null),
        JsonArray a => a.Select(CariUrl).FirstOrDefault(u => u is not null),
        _ => null,
    };

    private ConnectorRequest Terakhir(string conversationId) =>
        _bot.Connector.Requests.Last(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", StringComparison.Ordinal));

    private static async Task<JsonObject> KartuAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", body.ToJsonString());
        return body["value"]!.AsObject();
    }

    private static async Task<string> PesanAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message", body.ToJsonString());
        return body["value"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var client = _bot.CreateClient();
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Kinerja.Domain.Dialog;
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
    private const string SeriLestari = $"dki|{NipBagus}|{NipLestari}";

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

    /// <summary>What Bagus types into the record card of the DKI with Lestari (4 agenda items: 2 IKU, SKP 2026 approved, SKP 2027 submitted).</summary>
    private static JsonObject Isian(string id, string tenggat = "31/12/2026", string pic = NipLestari, string notula2 = "Sepakat diajukan ulang minggu ini")
    {
        var d = Data("simpanDialog", id: id);
        d["tanggal"] = "2026-11-27";
        d["jam"] = "09:00";
        d["n0"] = "Antrean SPM menumpuk di akhir bulan; verifikasi dipercepat";
        d["n1"] = "DAK tahap III terlambat dari satker";
        d["n2"] = "Rencana aksi TW IV disepakati";
        d["n3"] = notula2;
        d["notulaUmum"] = "";
        d["tl0u"] = "Susun SOP antrean SPM";
        d["tl0p"] = pic;
        d["tl0t"] = tenggat;
        d["tl1u"] = "";
        d["tl1p"] = "";
        d["tl1t"] = "";
        return d;
    }

    private async Task<string> BukaDanIdAsync()
    {
        var kartu = await KartuAsync(await PostAsync(_bagus.Invoke("bukaDialog", Data("bukaDialog"))));
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        Assert.True(Encoding.UTF8.GetByteCount(kartu.ToJsonString()) < 28 * 1024, "Teams takes cards of at most 28 KB");
        return Cari(kartu, "simpanDialog")!["data"]!["id"]!.GetValue<string>();
    }

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
        var id = await BukaDanIdAsync();
        var isian = Isian(id, tenggat: "2026-11-01", pic: NipFajar, notula2: "  ");

        var kartu = await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", isian)));

        var teks = CardJson.AllText(kartu);
        Assert.Contains("Hasil dialog belum disimpan:", teks, StringComparison.Ordinal);
        Assert.Contains("• Notula butir 4 (SKP 2027: Diajukan) masih kosong.", teks, StringComparison.Ordinal);
        Assert.Contains("• Tindak lanjut 1: PIC harus salah satu peserta dialog.", teks, StringComparison.Ordinal);
        Assert.Contains("• Tindak lanjut 1: tenggat 1 November 2026 sudah lewat. Pilih tanggal mulai hari ini (28 November 2026).", teks, StringComparison.Ordinal);
        Assert.Equal("Antrean SPM menumpuk di akhir bulan; verifikasi dipercepat", CardJson.ById(kartu, "n0")!["value"]!.GetValue<string>());
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        Assert.Empty(await Store.DaftarAsync("KPPN-METRO", new DateOnly(2000, 1, 1), CancellationToken.None));
        Assert.Empty(await Store.DaftarTindakLanjutAsync("KPPN-METRO", false, CancellationToken.None));
    }

    [Fact]
    public async Task CatatHasil_TersimpanSekali_LestariDiberitahu_TindakLanjutMunculDiTindakLanjutnya_DanDitutupOlehnya()
    {
        await PostAsync(_lestari.Message("dialog")); // the bot knows Lestari's chat
        var id = await BukaDanIdAsync();
        var notula = await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", Isian(id))));
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
        var lagi = CardJson.AllText(await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", Isian(id)))));
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
        var id = await BukaDanIdAsync();
        await PostAsync(_bagus.Invoke("simpanDialog", Isian(id)));
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
        var id = await BukaDanIdAsync();
        await PostAsync(_bagus.Invoke("simpanDialog", Isian(id)));
        var lihat = Data("lihatDialog", id: id);

        Assert.Contains("hanya untuk peserta dialog", await PesanAsync(await PostAsync(_fajar.Invoke("lihatDialog", (JsonObject)lihat.DeepClone()))), StringComparison.Ordinal);
        foreach (var orang in new[] { _lestari, _hendarto, _ratna })
        {
            var kartu = await KartuAsync(await PostAsync(orang.Invoke("lihatDialog", (JsonObject)lihat.DeepClone())));
            Assert.Contains("Antrean SPM menumpuk", CardJson.AllText(kartu), StringComparison.Ordinal);
        }

        // Lestari's own "dialog": her last dialog and her open follow-up.
        await PostAsync(_lestari.Message("dialog"));
        var milik = CardJson.CardOf(Terakhir("a:personal-lestari").Body);
        Assert.Contains("**DKI Bagus Prasetyo Nugroho dengan Lestari Handayani**", CardJson.AllText(milik), StringComparison.Ordinal);
        Assert.Contains("Anda punya 1 tindak lanjut terbuka.", CardJson.AllText(milik), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(milik.ToJsonString());
    }

    [Fact]
    public async Task UnduhNotula_DocxTerbukaDenganAgendaNotulaTindakLanjutPeserta_TautanDiubahAtauKedaluwarsaDitolak()
    {
        var id = await BukaDanIdAsync();
        var notula = await KartuAsync(await PostAsync(_bagus.Invoke("simpanDialog", Isian(id))));
        var url = new Uri(CariUrl(notula) ?? throw new Xunit.Sdk.XunitException("No download link on the minutes card"));
        Assert.Equal("/dialog/notula", url.AbsolutePath);

        var client = _bot.CreateClient();
        var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var isi = await response.Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(isi), false))
        {
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
    public async Task Tunda_TanggalLewatDitolak_TanggalBaruTampilDiDaftar_BukanPemimpinDitolak()
    {
        var id = await BukaDanIdAsync();
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

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Kinerja.Testing.CardLint;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Protocol;

/// <summary>
/// Changing SKP targets from Teams through the whole host: Lestari (owner; 2027 IKU 1b.004 at 91,8 and 2b.004 at
/// 101,39 every quarter) revises a returned SKP and proposes an adendum; Bagus (her atasan langsung) decides. Every
/// card is linted; every refusal leaves the stored workflow untouched.
/// </summary>
public sealed class SkpAdendumHostTests : IDisposable
{
    private const string NipLestari = "199312012015032004";

    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _bagus = new();
    private readonly ActivityDriver _lestari = ActivityDriver.Lestari();

    private readonly ActivityDriver _fajar = ActivityDriver.Fajar();

    public SkpAdendumHostTests()
    {
        _bot.Connector
            .Member(_bagus)
            .Member(_lestari)
            .Member(_fajar)
            .AcceptActivities()
            .AcceptUpdates();
    }

    public void Dispose() => _bot.Dispose();

    private static JsonObject Data(string verb, int versi = 1) => new()
    {
        ["verb"] = verb,
        ["tahun"] = 2027,
        ["nip"] = NipLestari,
        ["versi"] = versi,
    };

    /// <summary>The edit card's data merged with its inputs, as the client sends it.</summary>
    private static JsonObject Isian(string verb, int versi, string? alasan, params (string Id, JsonNode? Nilai)[] target)
    {
        var d = Data(verb, versi);
        d["kesanggupan"] = "true";
        if (alasan is not null)
        {
            d["alasan"] = alasan;
        }

        foreach (var (id, nilai) in target)
        {
            d[id] = nilai;
        }

        return d;
    }

    [Fact]
    public async Task Dikembalikan_PemilikMengubahTargetLaluMengajukan_VersiNaik_KartuAtasanMenunjukkanPerubahan()
    {
        await PostAsync(_bagus.Message("persetujuan")); // Bagus's chat is known to the bot
        await PostAsync(_lestari.Message("skp"));
        var kembalikan = Data("kembalikanSkp");
        kembalikan["catatan"] = "Naikkan target SP2D TW IV";
        await KartuInvokeAsync(await PostAsync(_bagus.Invoke("kembalikanSkp", kembalikan)));

        // The owner's card offers "Ubah target"; the verb returns the edit card with the current targets.
        var ubah = await KartuInvokeAsync(await PostAsync(_lestari.Invoke("ubahTargetSkp", Data("ubahTargetSkp"))));
        await CardLinter.Shared.AssertValidAsync(ubah.ToJsonString());
        Assert.Contains("t|2b.004|4", ubah.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"ajukanSkp\"", ubah.ToJsonString(), StringComparison.Ordinal);

        var kartu = await KartuInvokeAsync(await PostAsync(_lestari.Invoke("ajukanSkp",
            Isian("ajukanSkp", 1, "TW IV dinaikkan", ("t|1b.004|4", "91,8"), ("t|2b.004|4", "102,5")))));
        Assert.Contains("Status: **Diajukan** · versi 2", CardJson.AllText(kartu), StringComparison.Ordinal);
        Assert.Contains("102,5", CardJson.AllText(kartu), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());

        var alur = await MuatAsync();
        Assert.Equal(StatusSkp.Diajukan, alur.Status);
        Assert.Equal(2, alur.VersiTerakhir.Nomor);
        Assert.Equal(JenisVersi.Perbaikan, alur.VersiTerakhir.Jenis);
        var p = Assert.Single(alur.VersiTerakhir.Perubahan);
        Assert.Equal(("2b.004", 4, 102.5m), (p.KodeIku, p.Triwulan, p.Target.Nilai));

        var kartuBagus = CardJson.CardOf(Terakhir(ActivityDriver.PersonalConversation).Body);
        var teks = CardJson.AllText(kartuBagus);
        Assert.Contains("Perbaikan (versi 2)", teks, StringComparison.Ordinal);
        Assert.Contains("2b.004 TW IV: 101,39 → 102,5", teks, StringComparison.Ordinal);
        Assert.Contains("Catatan pemilik: TW IV dinaikkan", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartuBagus.ToJsonString());
    }

    [Fact]
    public async Task Adendum_LewatSubmit_TetapBerlakuVersiLama_SetelahDisetujuiTargetBaruBerlaku()
    {
        await PostAsync(_bagus.Message("persetujuan"));
        await PostAsync(_lestari.Message("skp"));
        await KartuInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp"))));

        var ubah = await KartuInvokeAsync(await PostAsync(_lestari.Invoke("ubahTargetSkp", Data("ubahTargetSkp"))));
        Assert.Contains("\"verb\":\"ajukanAdendumSkp\"", ubah.ToJsonString(), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(ubah.ToJsonString());

        // A client without Universal Actions: Action.Submit with the data merged with the inputs; the card is replaced.
        await PostAsync(_lestari.Submit(Isian("ajukanAdendumSkp", 1, "Pagu DAK fisik dipotong", ("t|1b.004|3", "93.5"), ("t|1b.004|4", 91.8)), "card-adendum"));
        var put = Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Put && r.Uri.AbsolutePath.EndsWith("/activities/card-adendum", StringComparison.Ordinal));
        var kartuLestari = CardJson.CardOf(put.Body);
        Assert.Contains("Status: **Diajukan** · versi 2", CardJson.AllText(kartuLestari), StringComparison.Ordinal);
        Assert.Contains("Sampai disetujui, target versi 1 tetap berlaku", CardJson.AllText(kartuLestari), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartuLestari.ToJsonString());

        var alur = await MuatAsync();
        Assert.Equal(StatusSkp.Diajukan, alur.Status);
        Assert.Equal(JenisVersi.Adendum, alur.VersiTerakhir.Jenis);
        Assert.Equal(1, alur.VersiBerlaku!.Nomor);
        Assert.Equal(Saluran.TeamsSubmit, alur.JejakAudit[^1].Saluran);
        Assert.Equal(91.8m, TargetSkp.Berlaku(await KontrakAsync(), alur)[TargetSkp.Kunci("1b.004", 3)].Nilai);
        Assert.Equal(91.8m, await TargetUntukPenilaianAsync("1b.004", 3)); // a proposal changes no score

        var kartuBagus = CardJson.CardOf(Terakhir(ActivityDriver.PersonalConversation).Body);
        var teks = CardJson.AllText(kartuBagus);
        Assert.Contains("Lestari Handayani mengajukan adendum SKP 2027", teks, StringComparison.Ordinal);
        Assert.Contains("1b.004 TW III: 91,8 → 93,5", teks, StringComparison.Ordinal);
        Assert.DoesNotContain("TW IV", teks.Split("perubahan sejak")[1], StringComparison.Ordinal);
        Assert.Contains("Alasan adendum: Pagu DAK fisik dipotong", teks, StringComparison.Ordinal);
        Assert.Contains("yang berlaku tetap versi 1", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartuBagus.ToJsonString());

        var setuju = await KartuInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp", versi: 2))));
        Assert.Contains("Status: **Disetujui** · versi 2", CardJson.AllText(setuju), StringComparison.Ordinal);
        alur = await MuatAsync();
        Assert.Equal(2, alur.VersiBerlaku!.Nomor);
        Assert.Equal(93.5m, TargetSkp.Berlaku(await KontrakAsync(), alur)[TargetSkp.Kunci("1b.004", 3)].Nilai);
        Assert.Equal(93.5m, await TargetUntukPenilaianAsync("1b.004", 3)); // scoring uses the approved adendum
        Assert.Equal(91.8m, (await KontrakAsync())!.CariIku("1b.004")!.TargetTriwulan(3)!.Value.Nilai); // the import stays as it was

        // Both her 2026 and 2027 SKP are approved now: `skp` shows the current year, `skp 2027` the adendum's.
        await PostAsync(_lestari.Message("skp"));
        Assert.Contains("SKP 2026", CardJson.AllText(CardJson.CardOf(Terakhir("a:personal-lestari").Body)), StringComparison.Ordinal);
        await PostAsync(_lestari.Message("skp 2027"));
        var kartuSkp = CardJson.CardOf(Terakhir("a:personal-lestari").Body);
        Assert.Contains("93,5", CardJson.AllText(kartuSkp), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartuSkp.ToJsonString());
    }

    [Fact]
    public async Task MasukanSalah_DitolakDalamBahasaIndonesia_TidakAdaYangTersimpan()
    {
        await PostAsync(_lestari.Message("skp"));
        await KartuInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp"))));
        var revisi = (await MuatAsync()).Revisi;

        async Task<string> Tolak(JsonObject d) => await PesanInvokeAsync(await PostAsync(_lestari.Invoke(d["verb"]!.GetValue<string>(), d)));

        Assert.Contains("Target 1b.004 TW III harus berupa angka (misalnya 96,5), bukan \"sembilan puluh\"",
            await Tolak(Isian("ajukanAdendumSkp", 1, "Alasan", ("t|1b.004|3", "sembilan puluh"))), StringComparison.Ordinal);
        Assert.Contains("IKU 9z.999 tidak ada pada SKP ini",
            await Tolak(Isian("ajukanAdendumSkp", 1, "Alasan", ("t|9z.999|1", "50"))), StringComparison.Ordinal);
        Assert.Contains("IKU 1b.004 tidak memakai rentang target",
            await Tolak(Isian("ajukanAdendumSkp", 1, "Alasan", ("t|1b.004|1|atas", "95"))), StringComparison.Ordinal);
        Assert.Contains("Tidak ada target yang berubah",
            await Tolak(Isian("ajukanAdendumSkp", 1, "Alasan", ("t|1b.004|3", "91,80"), ("t|2b.004|1", "101.39"))), StringComparison.Ordinal);
        Assert.Contains("Alasan adendum wajib diisi",
            await Tolak(Isian("ajukanAdendumSkp", 1, "  ", ("t|1b.004|3", "95"))), StringComparison.Ordinal);
        var tanpaKesanggupan = Isian("ajukanAdendumSkp", 1, "Alasan", ("t|1b.004|3", "95"));
        tanpaKesanggupan["kesanggupan"] = "false";
        Assert.Contains("Centang Pernyataan Kesanggupan", await Tolak(tanpaKesanggupan), StringComparison.Ordinal);

        var alur = await MuatAsync();
        Assert.Equal(StatusSkp.Disetujui, alur.Status);
        Assert.Equal(revisi, alur.Revisi);
        Assert.Single(alur.Versi);
    }

    [Fact]
    public async Task OrangLain_TidakDapatMengubahTargetSkpLestari()
    {
        await KartuInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp"))));
        var revisi = (await MuatAsync()).Revisi;

        foreach (var (siapa, verb) in new[] { (_fajar, "ajukanAdendumSkp"), (_bagus, "ajukanAdendumSkp"), (_fajar, "ubahTargetSkp") })
        {
            var pesan = await PesanInvokeAsync(await PostAsync(siapa.Invoke(verb, Isian(verb, 1, "Saya ubah", ("t|1b.004|3", "50")))));
            Assert.Contains("Hanya Lestari Handayani sendiri yang dapat mengajukan SKP ini", pesan, StringComparison.Ordinal);
        }

        await PostAsync(_fajar.Submit(Isian("ajukanAdendumSkp", 1, "Saya ubah", ("t|1b.004|3", "50")), "card-fajar"));
        Assert.Contains("Hanya Lestari Handayani sendiri", Terakhir("a:personal-fajar").Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var alur = await MuatAsync();
        Assert.Equal(revisi, alur.Revisi);
        Assert.Equal(StatusSkp.Disetujui, alur.Status);
    }

    private ConnectorRequest Terakhir(string conversationId) =>
        _bot.Connector.Requests.Last(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", StringComparison.Ordinal));

    private async Task<PersetujuanSkp> MuatAsync()
    {
        _ = _bot.Server; // the host is started
        var store = _bot.Services.GetRequiredService<IKontrakStore>();
        return (await store.MuatAsync(new KunciSkp("KPPN-METRO", 2027, Nip.Parse(NipLestari)), CancellationToken.None))!;
    }

    /// <summary>The target "nilai saya" and the recap score with.</summary>
    private async Task<decimal> TargetUntukPenilaianAsync(string kodeIku, int triwulan)
    {
        _ = _bot.Server;
        var data = await _bot.Services.GetRequiredService<DataPenilaian>().MuatAsync("KPPN-METRO", CancellationToken.None);
        return data!.CariKontrak(2027, Nip.Parse(NipLestari))!.CariIku(kodeIku)!.TargetTriwulan(triwulan)!.Value.Nilai;
    }

    private async Task<KontrakKinerja?> KontrakAsync()
    {
        _ = _bot.Server;
        var data = await _bot.Services.GetRequiredService<IKantorStore>().MuatAsync("KPPN-METRO", CancellationToken.None);
        return data!.CariKontrak(2027, Nip.Parse(NipLestari));
    }

    private static async Task<JsonObject> KartuInvokeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", body.ToJsonString());
        return body["value"]!.AsObject();
    }

    private static async Task<string> PesanInvokeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message", body.ToJsonString());
        return body["value"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        // The connector's per-conversation rate limit waits on the injected clock: let a few seconds pass per turn.
        _bot.Time.Advance(TimeSpan.FromSeconds(3));
        var client = _bot.CreateClient();
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}

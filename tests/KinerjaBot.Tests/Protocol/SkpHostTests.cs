using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Kinerja.Testing.CardLint;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Protocol;

/// <summary>
/// The SKP workflow through the whole host: Lestari (owner, 2027 SKP <c>diajukan</c> in the demo data) and Bagus (her
/// atasan langsung) in their own 1:1 chats, the connector recorded. Every card the bot produces is linted.
/// </summary>
public sealed class SkpHostTests : IDisposable
{
    private const string NipLestari = "199312012015032004";
    private const string NipDimas = "199505112018031005"; // diajukan, atasan is the Kasubbag Umum, not Bagus

    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _bagus = new();
    private readonly ActivityDriver _lestari = ActivityDriver.Lestari();

    private readonly ActivityDriver _fajar = ActivityDriver.Fajar();

    public SkpHostTests()
    {
        _bot.Connector
            .Member(_bagus)
            .Member(_lestari)
            .Member(_fajar)
            .AcceptActivities()
            .AcceptUpdates();
    }

    public void Dispose() => _bot.Dispose();

    private static JsonObject Data(string verb, string nip = NipLestari, int versi = 1, int tahun = 2027) => new()
    {
        ["verb"] = verb,
        ["tahun"] = tahun,
        ["nip"] = nip,
        ["versi"] = versi,
    };

    [Fact]
    public async Task Skp_PemilikMelihatKartunya_DanAtasanMelihatDaftarPersetujuan()
    {
        await PostAsync(_lestari.Message("skp"));
        var kartuLestari = CardJson.CardOf(Terakhir("a:personal-lestari").Body);
        var teks = CardJson.AllText(kartuLestari);
        Assert.Contains("SKP 2027 · Lestari Handayani", teks, StringComparison.Ordinal);
        Assert.Contains("Diajukan", teks, StringComparison.Ordinal);
        Assert.Contains("Tenggat 31 Januari 2027 (64 hari lagi)", teks, StringComparison.Ordinal);
        Assert.DoesNotContain("setujuiSkp", kartuLestari.ToJsonString(), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartuLestari.ToJsonString());

        await PostAsync(_bagus.Message("persetujuan"));
        var daftar = CardJson.CardOf(Terakhir(ActivityDriver.PersonalConversation).Body);
        var teksDaftar = CardJson.AllText(daftar);
        Assert.Contains("Lestari Handayani", teksDaftar, StringComparison.Ordinal);
        Assert.Contains("Fajar Nugraha", teksDaftar, StringComparison.Ordinal);
        Assert.DoesNotContain("Dimas", teksDaftar, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(daftar.ToJsonString());
        _bot.Connector.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Setujui_KartuDiperbaruiUntukPenyetuju_PemilikDiberitahu_JejakAuditTercatat()
    {
        await PostAsync(_lestari.Message("skp")); // Lestari's chat is known to the bot
        var response = await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp")));

        var kartu = await KartuInvokeAsync(response);
        Assert.Contains("Status: **Disetujui**", CardJson.AllText(kartu), StringComparison.Ordinal);
        Assert.DoesNotContain("setujuiSkp", kartu.ToJsonString(), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());

        var pemberitahuan = Terakhir("a:personal-lestari");
        Assert.Equal(_lestari.UserId, pemberitahuan.Body!["recipient"]!["id"]!.GetValue<string>());
        Assert.Contains("SKP ini disetujui oleh Bagus Prasetyo Nugroho pada 28 November 2026", pemberitahuan.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var alur = await MuatAsync();
        Assert.Equal(StatusSkp.Disetujui, alur.Status);
        var audit = alur.JejakAudit[^1];
        Assert.Equal(Nip.Parse("198211052003121004"), audit.Oleh!.Nip);
        Assert.Equal(PeranPemutus.AtasanLangsung, audit.Peran);
        Assert.Equal(Saluran.Teams, audit.Saluran);
        Assert.Equal("Asia/Jakarta", audit.ZonaWaktu);
        Assert.Equal(new DateOnly(2026, 11, 28), audit.TanggalLokal);
        _bot.Connector.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task KlikGanda_SatuTransisi_KlikKeduaMelihatHasilnya()
    {
        await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp")));
        var kedua = await KartuInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp"))));

        Assert.Contains("SKP ini sudah disetujui oleh Bagus Prasetyo Nugroho", CardJson.AllText(kedua), StringComparison.Ordinal);
        var alur = await MuatAsync();
        Assert.Single(alur.JejakAudit, a => a.Ke == StatusSkp.Disetujui);
    }

    [Fact]
    public async Task BukanAtasan_DitolakDalamBahasaIndonesia_TidakAdaYangBerubah()
    {
        var response = await PostAsync(_fajar.Invoke("setujuiSkp", Data("setujuiSkp")));

        var pesan = await PesanInvokeAsync(response);
        Assert.Contains("Anda bukan atasan langsung Lestari Handayani", pesan, StringComparison.Ordinal);
        Assert.Equal(StatusSkp.Diajukan, (await MuatAsync()).Status);
    }

    [Fact]
    public async Task DataKartuYangDiubah_TidakMengubahApaPunYangTidakBolehDiubahPelaku()
    {
        // The owner claims an approver in the card data: the actor is still Lestari, who may not decide her own SKP.
        var klaim = Data("setujuiSkp");
        klaim["oleh"] = "198211052003121004";
        klaim["penyetuju"] = "198211052003121004";
        klaim["from"] = new JsonObject { ["aadObjectId"] = _bagus.AadObjectId };
        var pesan = await PesanInvokeAsync(await PostAsync(_lestari.Invoke("setujuiSkp", klaim)));
        Assert.Contains("tidak dapat menyetujui atau mengembalikan SKP Anda sendiri", pesan, StringComparison.Ordinal);

        // Bagus names another contract (Dimas, not his subordinate): refused, Dimas' SKP unchanged.
        var lain = await PesanInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp", NipDimas))));
        Assert.Contains("Anda bukan atasan langsung Dimas Arya Pratama", lain, StringComparison.Ordinal);

        // Bagus "submits" Lestari's SKP: only the owner may.
        var ajukan = Data("ajukanSkp");
        ajukan["kesanggupan"] = "true";
        var bukanPemilik = await PesanInvokeAsync(await PostAsync(_bagus.Invoke("ajukanSkp", ajukan)));
        Assert.Contains("Hanya Lestari Handayani sendiri yang dapat mengajukan SKP ini", bukanPemilik, StringComparison.Ordinal);

        Assert.Equal(StatusSkp.Diajukan, (await MuatAsync()).Status);
        Assert.Equal(StatusSkp.Diajukan, (await MuatAsync(NipDimas)).Status);
        Assert.Equal(1, (await MuatAsync()).Revisi); // the import's entry only
    }

    [Fact]
    public async Task Kembalikan_TanpaCatatanDitolak_DenganCatatanPemilikMengajukanLagiLewatSubmit_AtasanMenerimaKartu_VersiLamaDitolak()
    {
        await PostAsync(_bagus.Message("persetujuan")); // Bagus's chat is known to the bot
        await PostAsync(_lestari.Message("skp"));

        var tanpaCatatan = await PesanInvokeAsync(await PostAsync(_bagus.Invoke("kembalikanSkp", Data("kembalikanSkp"))));
        Assert.Contains("Catatan wajib diisi", tanpaCatatan, StringComparison.Ordinal);

        var kembalikan = Data("kembalikanSkp");
        kembalikan["catatan"] = "Target TW4 IKU pertama terlalu rendah";
        var dikembalikan = await KartuInvokeAsync(await PostAsync(_bagus.Invoke("kembalikanSkp", kembalikan)));
        Assert.Contains("Dikembalikan", CardJson.AllText(dikembalikan), StringComparison.Ordinal);
        Assert.Contains("Target TW4 IKU pertama terlalu rendah", Terakhir("a:personal-lestari").Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Lestari's client has no Universal Actions: Action.Submit with the toggle's value, then the card is replaced.
        var ajukan = Data("ajukanSkp");
        ajukan["kesanggupan"] = "false";
        await PostAsync(_lestari.Submit(ajukan, "card-lestari"));
        Assert.Contains("Centang Pernyataan Kesanggupan", Terakhir("a:personal-lestari").Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        ajukan = Data("ajukanSkp");
        ajukan["kesanggupan"] = "true";
        await PostAsync(_lestari.Submit(ajukan, "card-lestari"));
        // The submit's own card is replaced by the submit path (the other remembered cards: SkpSinkronKartuHostTests).
        var put = Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Put && r.Uri.AbsolutePath.EndsWith("/activities/card-lestari", StringComparison.Ordinal));
        var kartuLestari = CardJson.CardOf(put.Body);
        Assert.Contains("Status: **Diajukan** · versi 2", CardJson.AllText(kartuLestari), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartuLestari.ToJsonString());

        var kartuBagus = CardJson.CardOf(Terakhir(ActivityDriver.PersonalConversation).Body);
        Assert.Contains("Lestari Handayani mengajukan SKP 2027", CardJson.AllText(kartuBagus), StringComparison.Ordinal);
        Assert.Contains("setujuiSkp", kartuBagus.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([_lestari.UserId, _bagus.UserId], kartuBagus["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        await CardLinter.Shared.AssertValidAsync(kartuBagus.ToJsonString());

        var usang = await KartuInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp", versi: 1))));
        Assert.Contains("Keputusan untuk versi 1 tidak diproses", CardJson.AllText(usang), StringComparison.Ordinal);
        Assert.Contains("\"versi\":2", usang.ToJsonString(), StringComparison.Ordinal);
        var alur = await MuatAsync();
        Assert.Equal(StatusSkp.Diajukan, alur.Status);
        Assert.Equal(2, alur.VersiTerakhir.Nomor);
        Assert.Equal(Saluran.TeamsSubmit, alur.JejakAudit[^1].Saluran);
        _bot.Connector.AssertNoUnexpectedCalls();
    }

    private ConnectorRequest Terakhir(string conversationId) =>
        _bot.Connector.Requests.Last(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", StringComparison.Ordinal));

    private async Task<PersetujuanSkp> MuatAsync(string nip = NipLestari)
    {
        _ = _bot.Server; // the host is started
        var store = _bot.Services.GetRequiredService<IKontrakStore>();
        return (await store.MuatAsync(new KunciSkp("KPPN-METRO", 2027, Nip.Parse(nip)), CancellationToken.None))!;
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
        var client = _bot.CreateClient();
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}

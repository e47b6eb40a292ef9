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
/// After every SKP transition, each card already in someone's chat is updated in place (PUT) with the view of the
/// person looking at it; the card clicked is left to the invoke response. Exact PUT requests, connector failures.
/// </summary>
public sealed class SkpSinkronKartuHostTests : IDisposable
{
    private const string NipLestari = "199312012015032004";
    private const string Lestari = "a:personal-lestari";
    private const string Bagus = ActivityDriver.PersonalConversation;
    private const string Fajar = "a:personal-fajar";

    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _bagus = new();
    private readonly ActivityDriver _lestari = ActivityDriver.Lestari();

    private readonly ActivityDriver _fajar = ActivityDriver.Fajar();

    public SkpSinkronKartuHostTests()
    {
        _bot.Connector
            .Member(_bagus)
            .Member(_lestari)
            .Member(_fajar)
            .AcceptActivities()
            .AcceptUpdates();
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task SetiapTransisi_KartuYangSudahTerkirimDiperbaruiDiTempat_DenganTampilanMasingMasing()
    {
        await PostAsync(_bagus.Message("persetujuan"));
        await PostAsync(_lestari.Message("skp"));
        var kartuLestari = IdTerakhir(Lestari);
        // Bagus opens Lestari's SKP from his list (the list card now shows it); Fajar opens it too (read-only).
        await KartuInvokeAsync(await PostAsync(_bagus.Invoke("lihatSkp", Data("lihatSkp"), "daftar-bagus")));
        await KartuInvokeAsync(await PostAsync(_fajar.Invoke("lihatSkp", Data("lihatSkp"), "kartu-fajar")));
        Assert.Empty(Puts());

        // Bagus returns it from the list card: Lestari's and Fajar's cards change in place, his own by the invoke response.
        var kembalikan = Data("kembalikanSkp");
        kembalikan["catatan"] = "Target TW4 terlalu rendah";
        await KartuInvokeAsync(await PostAsync(_bagus.Invoke("kembalikanSkp", kembalikan, "daftar-bagus")));
        var puts = Puts();
        Assert.Equal([$"{Lestari}/{kartuLestari}", $"{Fajar}/kartu-fajar"], puts.Select(Alamat));
        var pemilik = await KartuPutAsync(puts[0], kartuLestari);
        Assert.Contains("Status: **Dikembalikan**", CardJson.AllText(pemilik), StringComparison.Ordinal);
        Assert.Contains("Target TW4 terlalu rendah", CardJson.AllText(pemilik), StringComparison.Ordinal);
        Assert.Contains("ajukanSkp", pemilik.ToJsonString(), StringComparison.Ordinal);
        var lainnya = await KartuPutAsync(puts[1], "kartu-fajar");
        Assert.Contains("Rincian hanya untuk pemilik dan penyetuju", CardJson.AllText(lainnya), StringComparison.Ordinal);
        Assert.DoesNotContain("ajukanSkp", lainnya.ToJsonString(), StringComparison.Ordinal);

        // Lestari resubmits from her card: Bagus's list card shows the approver view (buttons), then the approval card is sent.
        var ajukan = Data("ajukanSkp");
        ajukan["kesanggupan"] = "true";
        await KartuInvokeAsync(await PostAsync(_lestari.Invoke("ajukanSkp", ajukan, kartuLestari)));
        puts = Puts();
        Assert.Equal([$"{Bagus}/daftar-bagus", $"{Fajar}/kartu-fajar"], puts.Select(Alamat));
        var penyetuju = await KartuPutAsync(puts[0], "daftar-bagus");
        Assert.Contains("Status: **Diajukan** · versi 2", CardJson.AllText(penyetuju), StringComparison.Ordinal);
        Assert.Contains("setujuiSkp", penyetuju.ToJsonString(), StringComparison.Ordinal);
        var kartuPersetujuan = IdTerakhir(Bagus);
        Assert.Contains("Lestari Handayani mengajukan SKP 2027", CardJson.AllText(CardJson.CardOf(Terakhir(Bagus).Body)), StringComparison.Ordinal);

        // Bagus approves from the list card: the owner's card (owner view, Disetujui), the proactive approval card
        // (approver view, no buttons) and Fajar's (read-only) are PUT; the list card is the invoke's.
        var disetujui = await KartuInvokeAsync(await PostAsync(_bagus.Invoke("setujuiSkp", Data("setujuiSkp", versi: 2), "daftar-bagus")));
        Assert.Contains("Status: **Disetujui**", CardJson.AllText(disetujui), StringComparison.Ordinal);
        puts = Puts();
        Assert.Equal([$"{Lestari}/{kartuLestari}", $"{Fajar}/kartu-fajar", $"{Bagus}/{kartuPersetujuan}"], puts.Select(Alamat));
        pemilik = await KartuPutAsync(puts[0], kartuLestari);
        Assert.Contains("Status: **Disetujui** · versi 2", CardJson.AllText(pemilik), StringComparison.Ordinal);
        Assert.Contains("disetujui oleh Bagus Prasetyo Nugroho", CardJson.AllText(pemilik), StringComparison.Ordinal);
        Assert.DoesNotContain("Rincian hanya untuk", CardJson.AllText(pemilik), StringComparison.Ordinal);
        Assert.DoesNotContain("ajukanSkp", pemilik.ToJsonString(), StringComparison.Ordinal);
        lainnya = await KartuPutAsync(puts[1], "kartu-fajar");
        Assert.Contains("Rincian hanya untuk pemilik dan penyetuju", CardJson.AllText(lainnya), StringComparison.Ordinal);
        penyetuju = await KartuPutAsync(puts[2], kartuPersetujuan);
        Assert.Contains("Status: **Disetujui** · versi 2", CardJson.AllText(penyetuju), StringComparison.Ordinal);
        Assert.DoesNotContain("Rincian hanya untuk", CardJson.AllText(penyetuju), StringComparison.Ordinal);
        Assert.DoesNotContain("setujuiSkp", penyetuju.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("kembalikanSkp", penyetuju.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("SKP ini disetujui oleh Bagus Prasetyo Nugroho", Terakhir(Lestari).Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        _bot.Connector.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task PutGagal_KeputusanTetapTersimpan_KartuLainTetapDiperbarui_KartuYangDihapusDilupakan()
    {
        await PostAsync(_lestari.Message("skp"));
        var kartuLestari = IdTerakhir(Lestari);
        await KartuInvokeAsync(await PostAsync(_bagus.Invoke("lihatSkp", Data("lihatSkp"), "kartu-bagus-dihapus")));
        await KartuInvokeAsync(await PostAsync(_fajar.Invoke("lihatSkp", Data("lihatSkp"), "kartu-fajar")));
        _bot.Connector
            .Fails(HttpMethod.Put, $"/activities/{kartuLestari}", HttpStatusCode.Forbidden, "Forbidden")
            .Fails(HttpMethod.Put, "/activities/kartu-bagus-dihapus", HttpStatusCode.NotFound, "ActivityNotFoundInConversation");

        var kembalikan = Data("kembalikanSkp");
        kembalikan["catatan"] = "Perbaiki target";
        var kartu = await KartuInvokeAsync(await PostAsync(_bagus.Invoke("kembalikanSkp", kembalikan, "kartu-bagus-baru")));

        Assert.Contains("Status: **Dikembalikan**", CardJson.AllText(kartu), StringComparison.Ordinal);
        Assert.Equal([$"{Lestari}/{kartuLestari}", $"{Bagus}/kartu-bagus-dihapus", $"{Fajar}/kartu-fajar"], Puts().Select(Alamat));
        Assert.Contains("Perbaiki target", Terakhir(Lestari).Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(StatusSkp.Dikembalikan, (await MuatAsync()).Status);

        var kunci = new KunciSkp("KPPN-METRO", 2027, Nip.Parse(NipLestari));
        var diingat = await _bot.Services.GetRequiredService<IKartuSkpStore>().DaftarAsync(kunci, CancellationToken.None);
        Assert.Equal([kartuLestari, "kartu-fajar", "kartu-bagus-baru"], diingat.Select(k => k.ActivityId));
        Assert.Equal(_bagus.AadObjectId, diingat[2].AadObjectId);
        Assert.Equal(_bagus.UserId, diingat[2].UserId);
        Assert.Equal(ActivityDriver.ServiceUrl, diingat[2].ServiceUrl);
        Assert.Equal(Bagus, diingat[2].ConversationId);
    }

    private static JsonObject Data(string verb, int versi = 1) => new()
    {
        ["verb"] = verb,
        ["tahun"] = 2027,
        ["nip"] = NipLestari,
        ["versi"] = versi,
    };

    private int _putDilihat;

    /// <summary>The PUTs since the last call, in order.</summary>
    private List<ConnectorRequest> Puts()
    {
        var semua = _bot.Connector.Requests.Where(r => r.Method == HttpMethod.Put).ToList();
        var baru = semua.Skip(_putDilihat).ToList();
        _putDilihat = semua.Count;
        return baru;
    }

    private static string Alamat(ConnectorRequest r)
    {
        var seg = r.Uri.AbsolutePath.Split('/');
        Assert.Equal("activities", seg[^2]);
        Assert.Equal("conversations", seg[^4]);
        return $"{Uri.UnescapeDataString(seg[^3])}/{Uri.UnescapeDataString(seg[^1])}";
    }

    private static async Task<JsonObject> KartuPutAsync(ConnectorRequest put, string activityId)
    {
        Assert.StartsWith(ActivityDriver.ServiceUrl + "/v3/conversations/", put.Uri.ToString(), StringComparison.Ordinal);
        Assert.Equal(activityId, put.Body!["id"]!.GetValue<string>());
        Assert.Equal("message", put.Body["type"]!.GetValue<string>());
        Assert.Null(put.Body["text"]);
        var kartu = CardJson.CardOf(put.Body);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        return kartu;
    }

    private ConnectorRequest Terakhir(string conversationId) =>
        _bot.Connector.Requests.Last(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", StringComparison.Ordinal));

    /// <summary>The id the connector gave the last message posted to the conversation (RecordingConnector numbers them).</summary>
    private string IdTerakhir(string conversationId)
    {
        var index = _bot.Connector.Requests.Where(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains("/activities", StringComparison.Ordinal)).ToList();
        var terakhir = Terakhir(conversationId);
        return $"activity-{index.IndexOf(terakhir) + 1}";
    }

    private async Task<PersetujuanSkp> MuatAsync()
    {
        var store = _bot.Services.GetRequiredService<IKontrakStore>();
        return (await store.MuatAsync(new KunciSkp("KPPN-METRO", 2027, Nip.Parse(NipLestari)), CancellationToken.None))!;
    }

    private static async Task<JsonObject> KartuInvokeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", body.ToJsonString());
        var kartu = body["value"]!.AsObject();
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        return kartu;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var client = _bot.CreateClient();
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}

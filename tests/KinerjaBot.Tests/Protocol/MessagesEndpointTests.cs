using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Protocol;

/// <summary>The HTTP contract of <c>POST /api/messages</c>: bad input gets a 4xx, never a 500, and costs nothing.</summary>
public sealed class MessagesEndpointTests : IDisposable
{
    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _driver = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":42}")]
    [InlineData("{\"type\":\"message\",\"from\":\"bagus\"}")]
    [InlineData("null")]
    public async Task JsonRusakAtauBukanAktivitas_Dijawab400(string body)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Theory]
    [InlineData("serviceUrl")]
    [InlineData("conversation")]
    [InlineData("from")]
    public async Task PesanTanpaFieldYangDiperlukan_Dijawab400(string field)
    {
        var activity = _driver.Message("nilai saya");
        activity.Remove(field);

        var response = await PostRawAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task BukanJson_Dijawab415()
    {
        var response = await _bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("nilai saya", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task BadanTerlaluBesar_Dijawab413()
    {
        var activity = _driver.Message(new string('x', 300 * 1024));

        var response = await PostRawAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task SelainPost_Dijawab405()
    {
        var response = await _bot.CreateClient().GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("somethingNew")]
    public async Task JenisAktivitasLain_Dijawab200DanDiabaikan(string type)
    {
        var response = await PostRawAsync(_driver.Base(type).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task InstalasiDiChatPribadi_MenyapaDenganPetunjuk()
    {
        _bot.Connector.AcceptActivities().UnknownMember(_driver.UserId);
        var install = _driver.Base("installationUpdate");
        install["action"] = "add";

        var response = await PostRawAsync(install.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var greeting = Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Post).Body!;
        Assert.StartsWith("Halo! ", greeting["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("nilai saya", greeting["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstalasiOlehPegawai_MengaitkannyaTanpaMenungguPesanPertama()
    {
        var lestari = ActivityDriver.Lestari();
        _bot.Connector.AcceptActivities().Member(lestari);
        var install = lestari.Base("installationUpdate");
        install["action"] = "add";

        var response = await PostRawAsync(install.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var greeting = Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Post).Body!;
        Assert.StartsWith("Halo, Lestari Handayani! ", greeting["text"]!.GetValue<string>(), StringComparison.Ordinal);
        using var scope = _bot.Services.CreateScope();
        var terkait = await scope.ServiceProvider.GetRequiredService<Kinerja.Domain.Ports.IPenggunaStore>().CariAsync(lestari.AadObjectId!, CancellationToken.None);
        Assert.NotNull(terkait);
        Assert.Equal("199312012015032004", terkait.Nip.ToString());
    }

    [Fact]
    public async Task HeaderAuthorizationDalamModePengembangan_Dijawab401TanpaDiproses()
    {
        var client = _bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(_driver.Message("nilai saya").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.e30.");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task ServiceUrlBukanLoopbackDalamModePengembangan_TidakPernahDipanggil()
    {
        var activity = _driver.Message("nilai saya");
        activity["serviceUrl"] = "https://attacker.example/_connector";

        var response = await PostRawAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task InvokeTanpaAction_Dijawab400DenganBadanGalat()
    {
        var invoke = _driver.Base("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject();

        var response = await PostRawAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeBukanActionExecute_Dijawab400NotSupported()
    {
        var invoke = _driver.Invoke("nilaiSaya", null);
        invoke["value"]!["action"]!["type"] = "Action.Submit";

        var response = await PostRawAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NotSupported", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeVerbTidakDikenal_Dijawab400()
    {
        var response = await PostRawAsync(_driver.Invoke("hapusSemua", new JsonObject { ["verb"] = "hapusSemua" }).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task InvokeNamaLain_Dijawab501()
    {
        var invoke = _driver.Base("invoke");
        invoke["name"] = "composeExtension/query";

        var response = await PostRawAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task DataKartuTidakBisaMenggantiIdentitas_NilaiSelaluMilikPengirim()
    {
        // A crafted card payload naming another employee changes nothing: identity comes from the activity.
        _bot.Connector.Member(_driver.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _driver.AadObjectId);
        var data = new JsonObject { ["verb"] = "nilaiSaya", ["tahun"] = 2026, ["triwulan"] = 3, ["nip"] = "197603141998031002", ["aadObjectId"] = "7a1d4e2b-0000-4000-8000-141998031002" };

        var response = await PostRawAsync(_driver.Invoke("nilaiSaya", data).ToJsonString());

        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
        Assert.Equal("88,89", CardJson.ById(card, "nkp")!["text"]!.GetValue<string>()); // Bagus's, not Hendarto's 89,44
        Assert.Contains("Bagus Prasetyo Nugroho", CardJson.AllText(card), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostRawAsync(string body) =>
        _bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}

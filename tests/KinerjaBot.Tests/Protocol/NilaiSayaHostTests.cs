using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Testing.CardLint;
using KinerjaBot.Handlers;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Protocol;

/// <summary>
/// "nilai saya" through the whole host in process: an activity in at <c>POST /api/messages</c>, the exact requests
/// out to the connector, recorded by a connector that fails on any call the test did not expect.
/// </summary>
public sealed class NilaiSayaHostTests : IDisposable
{
    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _bagus = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task NilaiSaya_DiChatPribadi_MembalasKartuNilaiBagusTw3()
    {
        _bot.Connector.Member(_bagus.UserId, "Bagus.Nugroho@Kemenkeu.Example", aadObjectId: _bagus.AadObjectId).AcceptActivities();
        var activity = _bagus.Message("Nilai Saya");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _bot.Connector.AssertNoUnexpectedCalls();
        var requests = _bot.Connector.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(HttpMethod.Get, requests[0].Method);
        Assert.Equal($"{ActivityDriver.ServiceUrl}/v3/conversations/{Uri.EscapeDataString(ActivityDriver.PersonalConversation)}/members/{_bagus.UserId}", requests[0].Uri.ToString());
        Assert.Null(requests[0].Authorization); // development mode never attaches a token

        var reply = requests[1];
        Assert.Equal(HttpMethod.Post, reply.Method);
        Assert.Equal($"{ActivityDriver.ServiceUrl}/v3/conversations/{Uri.EscapeDataString(ActivityDriver.PersonalConversation)}/activities/{activity["id"]}", reply.Uri.ToString());
        Assert.Equal("message", reply.Body!["type"]!.GetValue<string>());
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.Body["replyToId"]!.GetValue<string>());
        Assert.Equal(ActivityDriver.BotId, reply.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(_bagus.UserId, reply.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(ActivityDriver.PersonalConversation, reply.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Null(reply.Body["text"]);

        var card = CardJson.CardOf(reply.Body);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("88,89", CardJson.ById(card, "nkp")!["text"]!.GetValue<string>()); // expected-rekap-2026-TW3: 88.89
        var text = CardJson.AllText(card);
        Assert.Contains("Bagus Prasetyo Nugroho", text, StringComparison.Ordinal);
        Assert.Contains("TW III 2026", text, StringComparison.Ordinal);
        Assert.Contains("101,02", text, StringComparison.Ordinal); // CKP
        Assert.Contains("70,69", text, StringComparison.Ordinal);  // NP
        Assert.Contains("103,46", text, StringComparison.Ordinal); // NKO KPPN Metro for context
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < 28 * 1024);
    }

    [Fact]
    public async Task NilaiSaya_KontakKedua_MemakaiPencocokanTersimpanTanpaBertanyaKeConnector()
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId).AcceptActivities();
        await PostAsync(_bagus.Message("nilai saya"));
        await PostAsync(_bagus.Message("nilai saya TW2"));

        _bot.Connector.AssertNoUnexpectedCalls();
        var gets = _bot.Connector.Requests.Count(r => r.Method == HttpMethod.Get);
        Assert.Equal(1, gets);
        var last = _bot.Connector.Requests.Last();
        Assert.Equal("91,00", CardJson.ById(CardJson.CardOf(last.Body), "nkp")!["text"]!.GetValue<string>()); // TW2: 91.00
    }

    [Theory]
    [InlineData("nilai saya 2026 TW1", "88,98")]
    [InlineData("  NILAI   saya   tw 2  ", "91,00")]
    [InlineData("nilai saya TWIII", "88,89")]
    [InlineData("<at>KinerjaBot</at> nilai saya", "88,89")]
    [InlineData("nilai saya&nbsp;TW1", "88,98")]
    public async Task NilaiSaya_BentukPerintahLain_DipahamiSama(string teks, string nkp)
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId).AcceptActivities();
        var mention = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = ActivityDriver.BotId, ["name"] = "KinerjaBot" },
            ["text"] = "<at>KinerjaBot</at>",
        });

        await PostAsync(_bagus.Message(teks, mention));

        _bot.Connector.AssertNoUnexpectedCalls();
        Assert.Equal(nkp, CardJson.ById(CardJson.CardOf(_bot.Connector.Requests.Last().Body), "nkp")!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task NilaiSaya_TriwulanTanpaRealisasi_DijawabDenganPesanYangMenyebutDataTersedia()
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId).AcceptActivities();

        await PostAsync(_bagus.Message("nilai saya TW4"));

        var reply = _bot.Connector.Requests.Last().Body!;
        Assert.Contains("TW IV 2026", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("TW III 2026", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NilaiSaya_DiGrupChat_TidakMemasangNilaiDiGrupDanMengirimkannyaKeChatPribadi()
    {
        var diGrup = new ActivityDriver { ConversationId = "19:seksi-pdms@thread.v2", ConversationType = "groupChat" };
        _bot.Connector.Member(diGrup.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: diGrup.AadObjectId)
            .CreatesConversation("a:personal-bagus")
            .AcceptActivities();

        await PostAsync(diGrup.Message("nilai saya"));

        _bot.Connector.AssertNoUnexpectedCalls();
        var posts = _bot.Connector.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        var keGrup = posts.Where(r => r.Uri.AbsolutePath.Contains("seksi-pdms", StringComparison.Ordinal)).ToList();
        var keGrupBody = Assert.Single(keGrup).Body!;
        Assert.Equal(KinerjaActivityHandler.PesanPrivat, keGrupBody["text"]!.GetValue<string>());
        Assert.Null(keGrupBody["attachments"]);

        var create = Assert.Single(posts, r => r.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(diGrup.UserId, create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(ActivityDriver.TenantId, create.Body["tenantId"]!.GetValue<string>());

        var pribadi = Assert.Single(posts, r => r.Uri.AbsolutePath.EndsWith($"/v3/conversations/{Uri.EscapeDataString("a:personal-bagus")}/activities", StringComparison.Ordinal));
        Assert.Equal("88,89", CardJson.ById(CardJson.CardOf(pribadi.Body), "nkp")!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task PenggunaDiLuarKantorManapun_MendapatKartuSopanDenganKontakKoordinatorSaja()
    {
        var tamu = new ActivityDriver { UserId = "user-tamu", AadObjectId = "00000000-0000-4000-8000-000000000999", UserName = "Tamu" };
        _bot.Connector.Member(tamu.UserId, "tamu@contoh.example", aadObjectId: tamu.AadObjectId, name: "Tamu Undangan").AcceptActivities();

        await PostAsync(tamu.Message("nilai saya"));

        _bot.Connector.AssertNoUnexpectedCalls();
        var card = CardJson.CardOf(_bot.Connector.Requests.Last().Body);
        var text = CardJson.AllText(card);
        Assert.Contains("ratna.anggraini@kemenkeu.example", text, StringComparison.Ordinal);
        Assert.Null(CardJson.ById(card, "nkp"));
        Assert.DoesNotContain("88,89", text, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task AnggotaYangAadIdnyaLainDariPengirim_TidakDicocokkan()
    {
        // The connector's member must be the sender: a mismatching AAD id is not trusted.
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: "11111111-0000-4000-8000-000000000000").AcceptActivities();

        await PostAsync(_bagus.Message("nilai saya"));

        Assert.Null(CardJson.ById(CardJson.CardOf(_bot.Connector.Requests.Last().Body), "nkp"));
    }

    [Theory]
    [InlineData("nilai sya", "nilai saya")]
    [InlineData("nilai", "nilai saya")]
    [InlineData("bantun", "bantuan")]
    public async Task TeksTidakDikenal_MendapatKartuBantuanDenganSaran(string teks, string saran)
    {
        _bot.Connector.AcceptActivities();

        await PostAsync(_bagus.Message(teks));

        _bot.Connector.AssertNoUnexpectedCalls();
        var card = CardJson.CardOf(_bot.Connector.Requests.Single().Body);
        Assert.Contains(saran, CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Contains(saran, card.ToJsonString(), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task Bantuan_MenampilkanKartuBantuan()
    {
        _bot.Connector.AcceptActivities();

        await PostAsync(_bagus.Message("bantuan"));

        var card = CardJson.CardOf(_bot.Connector.Requests.Single().Body);
        Assert.Contains("nilai saya", CardJson.AllText(card), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task ActionExecuteNilaiSaya_MengembalikanKartuTriwulanLainSebagaiInvokeResponse()
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId);

        var response = await PostAsync(_bagus.Invoke("nilaiSaya", new JsonObject { ["verb"] = "nilaiSaya", ["tahun"] = 2026, ["triwulan"] = 1 }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _bot.Connector.AssertNoUnexpectedCalls();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var card = body["value"]!.AsObject();
        Assert.Equal("88,98", CardJson.ById(card, "nkp")!["text"]!.GetValue<string>());
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task ActionExecuteDiGrup_TidakMenampilkanNilai()
    {
        var diGrup = new ActivityDriver { ConversationId = "19:seksi-pdms@thread.v2", ConversationType = "groupChat" };

        var response = await PostAsync(diGrup.Invoke("nilaiSaya", new JsonObject { ["verb"] = "nilaiSaya", ["tahun"] = 2026, ["triwulan"] = 1 }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task ActionSubmitNilaiSaya_MemperbaruiKartuDiTempat()
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId).AcceptUpdates();

        var response = await PostAsync(_bagus.Submit(new JsonObject { ["verb"] = "nilaiSaya", ["tahun"] = 2026, ["triwulan"] = 2 }, "card-77"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _bot.Connector.AssertNoUnexpectedCalls();
        var put = Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Put);
        Assert.EndsWith("/activities/card-77", put.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("card-77", put.Body!["id"]!.GetValue<string>());
        Assert.Equal("91,00", CardJson.ById(CardJson.CardOf(put.Body), "nkp")!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AktivitasYangDikirimUlang_DiprosesSekaliSaja()
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId).AcceptActivities();
        var activity = _bagus.Message("nilai saya");

        await PostAsync(activity);
        var again = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task ConnectorGagal_SaatMembalas_DijawabDenganPermintaanMaafSekaliDanHttp200()
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId)
            .Fails(HttpMethod.Post, "/activities/", HttpStatusCode.BadGateway, "ServiceError");

        var response = await PostAsync(_bagus.Message("nilai saya"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = _bot.Connector.Requests.Where(r => r.Method == HttpMethod.Post).ToList();
        Assert.Equal(2, posts.Count); // the card, then one apology (which fails too), never a loop
        Assert.Equal(KinerjaActivityHandler.PesanGalat, posts[1].Body!["text"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var client = _bot.CreateClient();
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}

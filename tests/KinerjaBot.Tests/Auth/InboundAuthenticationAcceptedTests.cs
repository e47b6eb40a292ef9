using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KinerjaBot.Protocol;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Auth;

/// <summary>A production bot accepts what the Bot Connector really sends and answers it end to end.</summary>
public sealed class InboundAuthenticationAcceptedTests : IDisposable
{
    private readonly ProductionBot _host = new();
    private readonly ActivityDriver _bagus = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void DenganAppId_ModeProduksiBukanAnonim()
    {
        var authentication = _host.Bot.Services.GetRequiredService<BotAuthentication>();

        Assert.False(authentication.IsAnonymous);
        Assert.Equal(BotTokens.AppId, authentication.AppId);
        Assert.Contains(_host.Logs.Entries, e => e.EventId == 1120 && e.Message.Contains(BotTokens.AppId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    public async Task TokenSah_NilaiSayaDiprosesUjungKeUjung(string scheme)
    {
        _host.Bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId).AcceptActivities();

        var response = await PostAsync(_bagus.Message("nilai saya"), $"{scheme} {_host.Tokens.Valid()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _host.Bot.Connector.AssertNoUnexpectedCalls();
        var requests = _host.Bot.Connector.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.StartsWith(BotTokens.TeamsServiceUrl, r.Uri.ToString(), StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Equal($"Bearer {_host.OutboundToken.Token}", r.Authorization)); // allow-listed Teams host
        Assert.Equal("88,89", CardJson.ById(CardJson.CardOf(requests[1].Body), "nkp")!["text"]!.GetValue<string>());
        Assert.Equal(1, _host.Metadata.MetadataFetches);
    }

    [Fact]
    public async Task InvokeDenganTokenSah_DijawabKartu()
    {
        _host.Bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId);

        var response = await PostAsync(_bagus.Invoke("nilaiSaya", new JsonObject { ["verb"] = "nilaiSaya", ["tahun"] = 2026, ["triwulan"] = 3 }), $"Bearer {_host.Tokens.Valid()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task MetadataPadamSetelahAmbilPertama_PesanTetapDiproses()
    {
        _host.Bot.Connector.AcceptActivities();
        var install = _bagus.Base("installationUpdate");
        install["action"] = "add";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(install, $"Bearer {_host.Tokens.Valid()}")).StatusCode);

        _host.Metadata.Down = FakeBotConnectorMetadata.Outage.Refused;
        _host.Bot.Time.Advance(TimeSpan.FromHours(13));
        var again = _bagus.Base("installationUpdate");
        again["action"] = "add";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again, $"Bearer {_host.Tokens.Valid()}")).StatusCode);
        Assert.Equal(2, _host.Bot.Connector.Requests.Count(r => r.Method == HttpMethod.Post)); // both greetings
        Assert.Contains(_host.Logs.Entries, e => e.EventId == 1111);
    }

    [Fact]
    public async Task TanpaToken_BadanTidakDibacaSamaSekali()
    {
        // 401, not 400: authentication comes before the body is parsed.
        var response = await _host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{ not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSahBadanRusak_Dijawab400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{ not json", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {_host.Tokens.Valid()}");

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string authorization)
    {
        activity["serviceUrl"] = BotTokens.TeamsServiceUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        return await _host.Client.SendAsync(request);
    }
}

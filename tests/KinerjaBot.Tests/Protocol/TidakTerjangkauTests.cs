using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Domain.Ports;
using KinerjaBot.Handlers;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Protocol;

/// <summary>When Teams refuses to deliver to a person, the person is told where possible and the reason is kept.</summary>
public sealed class TidakTerjangkauTests : IDisposable
{
    private readonly BotFactory _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task DiGrup_ChatPribadiDitolak_DiberitahuDiGrupTanpaNilaiDanAlasanDicatat()
    {
        var diGrup = new ActivityDriver { ConversationId = "19:seksi-pdms@thread.v2", ConversationType = "groupChat" };
        _bot.Connector.Member(diGrup.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: diGrup.AadObjectId)
            .RefusesNewConversation(HttpStatusCode.Forbidden, "BotNotInConversationRoster")
            .AcceptActivities();

        await PostAsync(diGrup.Message("nilai saya"));

        var keGrup = Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains("seksi-pdms", StringComparison.Ordinal));
        Assert.Equal(KinerjaActivityHandler.PesanPribadiTertutup, keGrup.Body!["text"]!.GetValue<string>());
        Assert.Null(keGrup.Body["attachments"]);
        var tercatat = await Percakapan(diGrup.AadObjectId!);
        Assert.Equal(AlasanTidakTerjangkau.BotTidakTerpasang, tercatat!.TidakTerjangkau!.Alasan);
        Assert.Equal("BotNotInConversationRoster", tercatat.TidakTerjangkau.KodeGalat);
        Assert.Equal(_bot.Time.GetUtcNow(), tercatat.TidakTerjangkau.Pada);
    }

    [Fact]
    public async Task DiChatPribadi_DiblokirPengguna_DicatatTanpaMencobaMintaMaaf()
    {
        var bagus = new ActivityDriver();
        _bot.Connector.Member(bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: bagus.AadObjectId)
            .Fails(HttpMethod.Post, "/activities/", HttpStatusCode.Forbidden, "ConversationBlockedByUser");

        var response = await PostAsync(bagus.Message("nilai saya"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Connector.Requests, r => r.Method == HttpMethod.Post); // the card; no apology into a blocked chat
        Assert.Equal(AlasanTidakTerjangkau.DiblokirPengguna, (await Percakapan(bagus.AadObjectId!))!.TidakTerjangkau!.Alasan);
    }

    private Task<Percakapan?> Percakapan(string aad) =>
        _bot.Services.GetRequiredService<IPercakapanStore>().CariAsync(aad, CancellationToken.None);

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
}

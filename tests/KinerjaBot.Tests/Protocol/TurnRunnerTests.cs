using System.Net;
using System.Text;
using KinerjaBot.Protocol;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Protocol;

/// <summary>Teams re-sends an activity not answered within 15 s: a slow turn is acknowledged and finishes later.</summary>
public sealed class TurnRunnerTests : IDisposable
{
    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _bagus = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task GiliranLambat_DiakuiSetelahAnggaranWaktu_LaluSelesaiDiLatarBelakang()
    {
        var connectorLambat = new TaskCompletionSource();
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId)
            .AcceptActivities()
            .BlockUntil(connectorLambat.Task);
        var client = _bot.CreateClient();
        var runner = _bot.Services.GetRequiredService<TurnRunner>();

        var post = client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent(_bagus.Message("nilai saya").ToJsonString(), Encoding.UTF8, "application/json"));
        await SampaiAsync(() => _bot.Connector.Requests.Count == 1);
        Assert.False(post.IsCompleted);

        _bot.Time.Advance(TurnRunner.Budget);
        var response = await post.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, runner.InBackground);
        Assert.Single(_bot.Connector.Requests);

        connectorLambat.SetResult();
        await runner.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, runner.InBackground);
        var reply = _bot.Connector.Requests.Last();
        Assert.Equal("88,89", CardJson.ById(CardJson.CardOf(reply.Body), "nkp")!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task GiliranCepat_DijawabSebelumHttpSelesai()
    {
        _bot.Connector.Member(_bagus.UserId, "bagus.nugroho@kemenkeu.example", aadObjectId: _bagus.AadObjectId).AcceptActivities();
        var runner = _bot.Services.GetRequiredService<TurnRunner>();

        var response = await _bot.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent(_bagus.Message("nilai saya").ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, runner.InBackground);
        Assert.Equal(2, _bot.Connector.Requests.Count);
    }

    private static async Task SampaiAsync(Func<bool> kondisi)
    {
        for (var i = 0; i < 600 && !kondisi(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(kondisi(), "the condition was not reached");
    }
}

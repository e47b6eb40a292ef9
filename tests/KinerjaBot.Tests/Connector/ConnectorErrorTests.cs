using Kinerja.Domain.Ports;
using System.Net;
using KinerjaBot.Protocol.Connector;

namespace KinerjaBot.Tests.Connector;

/// <summary>
/// A 403 says why Teams will not deliver, in the bodies Teams really sends (MicrosoftDocs/msteams-docs: "Status codes
/// from bot conversational APIs" and the MessageWritesBlocked example of send-proactive-messages.md).
/// </summary>
public sealed class ConnectorErrorTests
{
    public static TheoryData<string, AlasanTidakTerjangkau> Bodies403 => new()
    {
        { """{"error":{"code":"BotNotInConversationRoster","message":"The bot isn't part of the conversation roster."}}""", AlasanTidakTerjangkau.BotTidakTerpasang },
        { """{"error":{"code":"ForbiddenOperationException","message":"Bot isn't installed in user's personal scope"}}""", AlasanTidakTerjangkau.BotTidakTerpasang },
        { """{"error":{"code":"BadArgument","message":"Bot is not installed in user's personal scope"}}""", AlasanTidakTerjangkau.BotTidakTerpasang },
        { """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", AlasanTidakTerjangkau.DiblokirPengguna },
        { "{\"errorCode\":209,\"message\":\"{\\r\\n  \\\"subCode\\\": \\\"MessageWritesBlocked\\\",\\r\\n  \\\"details\\\": \\\"Thread is blocked from message writes.\\\",\\r\\n  \\\"errorCode\\\": null,\\r\\n  \\\"errorSubCode\\\": null\\r\\n}\"}", AlasanTidakTerjangkau.DiblokirPengguna },
        { """{"error":{"code":"BotDisabledByAdmin","message":"The tenant admin disabled this bot"}}""", AlasanTidakTerjangkau.DinonaktifkanAdmin },
        { """{"error":{"code":"NotEnoughPermissions","message":"Bot doesn't have required permissions."}}""", AlasanTidakTerjangkau.Lainnya },
        { """{"error":{"code":"InvalidBotApiHost","message":"Invalid bot api host. For GCC tenants, call https://smba.infra.gcc.teams.microsoft.com"}}""", AlasanTidakTerjangkau.Lainnya },
        { "", AlasanTidakTerjangkau.Lainnya },
        { "<html>Forbidden</html>", AlasanTidakTerjangkau.Lainnya },
    };

    [Theory]
    [MemberData(nameof(Bodies403))]
    public async Task Jawaban403_DiklasifikasikanMenurutIsinya(string body, AlasanTidakTerjangkau alasan)
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Raw(HttpStatusCode.Forbidden, body));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(h.Kirim("a:personal")));

        Assert.Equal(ConnectorErrorKind.Forbidden, e.Kind);
        Assert.Equal(alasan, e.Alasan);
        Assert.False(e.MungkinTerkirim);
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public async Task BuatPercakapanUntukPenggunaYangBelumMemasang_BotTidakTerpasang()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Error(HttpStatusCode.Forbidden, "ForbiddenOperationException", "Bot isn't installed in user's personal scope"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.CreatePersonalConversationAsync(ConnectorHarness.Loopback, "aad-bagus", ConnectorHarness.Tenant, null, CancellationToken.None));

        Assert.Equal((ConnectorErrorKind.Forbidden, AlasanTidakTerjangkau.BotTidakTerpasang), (e.Kind, e.Alasan));
        Assert.Equal("ForbiddenOperationException", e.Code);
    }

    [Fact]
    public void BentukPesanTeams_KodeDanRinciannyaTerbaca()
    {
        var (code, message) = ConnectorErrorBody.Parse("{\"errorCode\":209,\"message\":\"{\\\"subCode\\\": \\\"MessageWritesBlocked\\\", \\\"details\\\": \\\"Thread is blocked from message writes.\\\"}\"}");

        Assert.Equal(("MessageWritesBlocked", "Thread is blocked from message writes."), (code, message));
    }

    [Theory]
    [InlineData("""{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""", "ConversationNotFound", "Conversation not found.")]
    [InlineData("""{"errorCode":500,"message":"plain text"}""", "500", "plain text")]
    [InlineData("""{"code":"Throttled"}""", "Throttled", null)]
    [InlineData("[]", null, null)]
    [InlineData("not json", null, null)]
    public void BentukLain_TerbacaAtauKosong(string body, string? code, string? message) =>
        Assert.Equal((code, message), ConnectorErrorBody.Parse(body));

    [Fact]
    public void KonstruktorLama_TanpaStatus_BerartiDitolak()
    {
        Assert.Equal(ConnectorErrorKind.Refused, new ConnectorException("serviceUrl tidak valid").Kind);
        Assert.Equal(ConnectorErrorKind.NotFound, new ConnectorException("x", HttpStatusCode.NotFound).Kind);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using KinerjaBot.Protocol.Connector;

namespace KinerjaBot.Tests.Connector;

/// <summary>
/// Retries never deliver a message twice: GET, PUT and create-conversation are repeated after 5xx and timeouts, a POST
/// that creates a message is not — it is reported as "mungkin terkirim" after exactly one request.
/// </summary>
public sealed class ConnectorRetryTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Get502_DiulangDenganJedaEksponensial_LaluBerhasil()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(BadGateway, BadGateway, () => FakeConnector.Json(HttpStatusCode.OK, new JsonObject { ["id"] = "29:bagus", ["objectId"] = "aad-bagus" }));

        var anggota = h.Client.GetMemberAsync(ConnectorHarness.Loopback, "a:personal", "29:bagus", CancellationToken.None);

        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(2) - Ms); // first retry after JedaMinimum (2 s)
        Assert.Equal(1, h.Connector.Count);
        h.Time.Advance(Ms);
        await h.Terkirim(2);

        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(3) - Ms); // second: 2 s + (2¹ − 1) · 1 s
        Assert.Equal(2, h.Connector.Count);
        h.Time.Advance(Ms);

        Assert.Equal("aad-bagus", (await anggota)!.AadId);
        Assert.Equal(3, h.Connector.Count);
        Assert.All(h.Connector.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task Get502Terus_TransientSetelahEmpatPermintaan()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(BadGateway);

        var anggota = h.Client.GetMemberAsync(ConnectorHarness.Loopback, "a:personal", "29:bagus", CancellationToken.None);
        for (var n = 1; n <= 3; n++)
        {
            await h.Menunggu(1);
            h.Time.Advance(h.Options.JedaMaksimum);
            await h.Terkirim(n + 1);
        }

        var e = await Assert.ThrowsAsync<ConnectorException>(() => anggota);
        Assert.Equal((ConnectorErrorKind.Transient, HttpStatusCode.BadGateway), (e.Kind, e.Status));
        Assert.Equal(4, h.Connector.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task PostPesanGagalAmbigu_TidakDiulang_DilaporkanMungkinTerkirim(HttpStatusCode status)
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Error(status, "ServiceError"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(h.Kirim("a:personal")));

        Assert.Equal(ConnectorErrorKind.Ambiguous, e.Kind);
        Assert.True(e.MungkinTerkirim);
        Assert.Equal(status, e.Status);
        Assert.Equal(1, h.Connector.Count);
        Assert.Equal(0, h.Limiter.Waiting);
        Assert.Contains(h.Logs.Lines, l => l.EventId == 2106);
    }

    [Fact]
    public async Task BalasanPost502_TidakDiulang()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(BadGateway);

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(
            h.Client.ReplyToActivityAsync(ConnectorHarness.Loopback, "a:personal", "act-1", ConnectorHarness.Pesan("a:personal"), CancellationToken.None)));

        Assert.Equal(ConnectorErrorKind.Ambiguous, e.Kind);
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public async Task PostPesanBatasWaktu_TidakDiulang_DilaporkanMungkinTerkirim()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Respond = async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("tidak sampai di sini");
        };

        var kirim = h.Kirim("a:personal");
        await h.Terkirim(1);
        h.Time.Advance(h.Options.BatasWaktuPermintaan);

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(kirim));
        Assert.Equal(ConnectorErrorKind.Ambiguous, e.Kind);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public async Task PostPesanKoneksiPutusSetelahTerkirim_TidakDiulang()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Respond = (_, _, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(h.Kirim("a:personal")));

        Assert.Equal(ConnectorErrorKind.Ambiguous, e.Kind);
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public async Task PostPesanKoneksiDitolakSebelumTerkirim_DiulangSetelahJeda()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Respond = (_, n, _) => n == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
            : Task.FromResult(FakeConnector.Created("activity-2"));

        var kirim = h.Kirim("a:personal");
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("activity-2", (await kirim).Id);
        Assert.Equal(2, h.Connector.Count);
    }

    [Fact]
    public async Task GetBatasWaktu_Diulang()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Respond = async (_, n, ct) =>
        {
            if (n == 0)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }

            return FakeConnector.Json(HttpStatusCode.OK, new JsonObject { ["id"] = "29:bagus", ["aadObjectId"] = "aad-bagus" });
        };

        var anggota = h.Client.GetMemberAsync(ConnectorHarness.Loopback, "a:personal", "29:bagus", CancellationToken.None);
        await h.Terkirim(1);
        h.Time.Advance(h.Options.BatasWaktuPermintaan);
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("aad-bagus", (await anggota)!.AadId);
        Assert.Equal(2, h.Connector.Count);
    }

    [Fact]
    public async Task Put502_Diulang()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(BadGateway, () => FakeConnector.Json(HttpStatusCode.OK, new JsonObject { ["id"] = "card-1" }));

        var ubah = h.Client.UpdateActivityAsync(ConnectorHarness.Loopback, "a:personal", "card-1", ConnectorHarness.Pesan("a:personal"), CancellationToken.None);
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("card-1", (await ubah).Id);
        Assert.Equal([HttpMethod.Put, HttpMethod.Put], h.Connector.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task BuatPercakapan504_DiulangKarenaTidakMengirimPesan()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Error(HttpStatusCode.GatewayTimeout, "GatewayTimeout"), () => FakeConnector.Created("a:personal-baru"));

        var buat = h.Client.CreatePersonalConversationAsync(ConnectorHarness.Loopback, "29:bagus", ConnectorHarness.Tenant, null, CancellationToken.None);
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("a:personal-baru", (await buat).Id);
        Assert.Equal(2, h.Connector.Count);
    }

    [Fact]
    public async Task PostPesan412_DiulangKarenaBelumDiproses()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Error(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "Precondition failed, please try again."), () => FakeConnector.Created("activity-2"));

        var kirim = h.Kirim("a:personal");
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("activity-2", (await kirim).Id);
        Assert.Equal(2, h.Connector.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "BadArgument", ConnectorErrorKind.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden, "ConversationBlockedByUser", ConnectorErrorKind.Forbidden)]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound", ConnectorErrorKind.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", ConnectorErrorKind.TooLarge)]
    [InlineData(HttpStatusCode.Conflict, "Conflict", ConnectorErrorKind.Other)]
    public async Task KesalahanFinal_TidakPernahDiulang(HttpStatusCode status, string code, ConnectorErrorKind kind)
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Error(status, code, code));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(h.Kirim("a:personal")));
        var put = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(
            h.Client.UpdateActivityAsync(ConnectorHarness.Loopback, "a:personal", "card-1", ConnectorHarness.Pesan("a:personal"), CancellationToken.None)));

        Assert.Equal((kind, status, code), (e.Kind, e.Status!.Value, e.Code));
        Assert.Equal(kind, put.Kind);
        Assert.Equal(2, h.Connector.Count);
    }

    [Fact]
    public async Task PercobaanUlangNol_GetLangsungTransient()
    {
        using var h = ConnectorHarness.Development(o => o.PercobaanUlang = 0);
        h.Connector.Sequence(BadGateway);

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.TanpaMenunggu(h.Client.GetMemberAsync(ConnectorHarness.Loopback, "a:personal", "29:bagus", CancellationToken.None)));

        Assert.Equal(ConnectorErrorKind.Transient, e.Kind);
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public void Backoff_SepertiContohMicrosoft_DenganJitterDuaPuluhPersen()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ConnectorOptions());
        var rendah = new ConnectorBackoff(options, () => 0);
        var tinggi = new ConnectorBackoff(options, () => 0.999999);

        Assert.Equal(TimeSpan.FromSeconds(2), rendah.Delay(0));
        Assert.Equal(TimeSpan.FromSeconds(2.8), rendah.Delay(1));
        Assert.Equal(TimeSpan.FromSeconds(4.4), rendah.Delay(2));
        Assert.InRange(tinggi.Delay(2), TimeSpan.FromSeconds(5.5), TimeSpan.FromSeconds(5.6));
        Assert.Equal(TimeSpan.FromSeconds(20), tinggi.Delay(10));
    }

    private static HttpResponseMessage BadGateway() => FakeConnector.Error(HttpStatusCode.BadGateway, "ServiceError", "Service dependency issue.");
}

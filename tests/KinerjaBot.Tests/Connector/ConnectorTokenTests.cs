using System.Net;
using Azure.Identity;
using KinerjaBot.Protocol.Connector;

namespace KinerjaBot.Tests.Connector;

/// <summary>The bot token is a password: it goes only to allow-listed https hosts, is cached, and is refreshed once per 401.</summary>
public sealed class ConnectorTokenTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/amer")]
    [InlineData("https://europe.botframework.com/")]
    [InlineData("https://SMBA.TrafficManager.NET/emea/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    public async Task HostDiizinkan_MenerimaTokenBot(string serviceUrl)
    {
        using var h = ConnectorHarness.Production();

        await h.Kirim("a:personal", serviceUrl: serviceUrl);

        var request = Assert.Single(h.Connector.Requests);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.StartsWith("https://", request.Uri.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["https://api.botframework.com/.default"], Assert.Single(h.Credential!.Scopes));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/teams/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://botframework.com/")]
    [InlineData("https://smba.trafficmanager.net:8443/teams/")]
    [InlineData("https://someone@smba.trafficmanager.net/teams/")]
    [InlineData("https://203.0.113.7/teams/")]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("bukan url")]
    [InlineData("")]
    public async Task ServiceUrlDiLuarDaftar_DitolakTanpaPanggilanDanTanpaToken(string serviceUrl)
    {
        using var h = ConnectorHarness.Production();

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:personal", serviceUrl: serviceUrl));

        Assert.Equal(ConnectorErrorKind.Refused, e.Kind);
        Assert.Equal(0, h.Connector.Count);
        Assert.Equal(0, h.Credential!.Calls);
        Assert.Contains(h.Logs.Lines, l => l.EventId == 2103);
    }

    [Fact]
    public async Task ServiceUrlTersimpanDiubah_TokenTidakBocor()
    {
        using var h = ConnectorHarness.Production();
        await h.Kirim("a:personal", serviceUrl: ConnectorHarness.Teams);

        // A conversation reference whose serviceUrl was tampered with in storage: no call, so no token leaves.
        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.CreatePersonalConversationAsync("https://attacker.example/teams/", "29:bagus", ConnectorHarness.Tenant, null, CancellationToken.None));

        Assert.Equal(ConnectorErrorKind.Refused, e.Kind);
        var only = Assert.Single(h.Connector.Requests);
        Assert.Equal("smba.trafficmanager.net", only.Uri.Host);
    }

    [Fact]
    public async Task ModePengembangan_LoopbackTanpaHeaderAuthorization()
    {
        using var h = ConnectorHarness.Development();

        await h.Kirim("a:personal");
        await h.Client.GetMemberAsync(ConnectorHarness.Loopback, "a:personal", "user-1", CancellationToken.None);

        Assert.All(h.Connector.Requests, r => Assert.Null(r.Authorization));
        Assert.Equal(2, h.Connector.Count);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://evil.example/")]
    public async Task ModePengembangan_HostNonLoopbackDitolak(string serviceUrl)
    {
        using var h = ConnectorHarness.Development();

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:personal", serviceUrl: serviceUrl));

        Assert.Equal(ConnectorErrorKind.Refused, e.Kind);
        Assert.Equal(0, h.Connector.Count);
    }

    [Fact]
    public async Task DaftarHostDikonfigurasi_MenggantikanBawaan()
    {
        using var h = ConnectorHarness.Production(o => o.HostDiizinkan = ["canary.botapi.skype.com"]);

        await h.Kirim("a:personal", serviceUrl: "https://canary.botapi.skype.com/amer/");
        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:personal", serviceUrl: ConnectorHarness.Teams));

        Assert.Equal(ConnectorErrorKind.Refused, e.Kind);
        Assert.Equal("Bearer token-1", Assert.Single(h.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task Token_DisimpanSampaiLimaMenitSebelumKedaluwarsa_LaluDiperbarui()
    {
        using var h = ConnectorHarness.Production();

        await h.Kirim("a:satu", serviceUrl: ConnectorHarness.Teams);
        h.Time.Advance(TimeSpan.FromMinutes(54) + TimeSpan.FromSeconds(59));
        await h.Kirim("a:dua", serviceUrl: ConnectorHarness.Teams);
        h.Time.Advance(TimeSpan.FromSeconds(1)); // 55:00 after issue: 5 minutes before expiry
        await h.Kirim("a:tiga", serviceUrl: ConnectorHarness.Teams);

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], h.Connector.Requests.Select(r => r.Authorization));
        Assert.Equal(2, h.Credential!.Calls);
    }

    [Fact]
    public async Task PemanggilBersamaan_BerbagiSatuPengambilanToken()
    {
        using var h = ConnectorHarness.Production(o => o.BurstTenant = 5); // five at once, none waits for a tenant slot
        h.Credential!.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var sends = Enumerable.Range(1, 5).Select(i => h.Kirim($"a:orang-{i}", serviceUrl: ConnectorHarness.Teams)).ToArray();
        await ConnectorHarness.Until(() => h.Credential.Calls == 1, "pengambilan token dimulai");
        Assert.Equal(0, h.Connector.Count);
        h.Credential.Gate.SetResult();
        await Task.WhenAll(sends);

        Assert.Equal(1, h.Credential.Calls);
        Assert.Equal(5, h.Connector.Count);
        Assert.All(h.Connector.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task PenyegaranBersamaan_SetelahTokenDitolak_SatuPengambilanSaja()
    {
        using var h = ConnectorHarness.Production();
        var first = await h.Tokens!.GetTokenAsync(CancellationToken.None);

        var refreshes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => h.Tokens.RefreshAsync(first, CancellationToken.None).AsTask()));

        Assert.All(refreshes, t => Assert.Equal("token-2", t));
        Assert.Equal(2, h.Credential!.Calls);
    }

    [Fact]
    public async Task Jawaban401_SekaliPenyegaranTokenDanSekaliUlang()
    {
        using var h = ConnectorHarness.Production();
        h.Connector.Sequence(() => FakeConnector.Error(HttpStatusCode.Unauthorized, "Unauthorized"), () => FakeConnector.Created("activity-9"));

        var sent = await h.Kirim("a:personal", serviceUrl: ConnectorHarness.Teams);

        Assert.Equal("activity-9", sent.Id);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], h.Connector.Requests.Select(r => r.Authorization));
        Assert.Equal(2, h.Credential!.Calls);
        Assert.Equal(2, h.CredentialFactoryCalls); // a new credential, past Azure.Identity's own cache
    }

    [Fact]
    public async Task Jawaban401Berulang_UnauthorizedSetelahDuaPermintaan()
    {
        using var h = ConnectorHarness.Production();
        h.Connector.Sequence(() => FakeConnector.Error(HttpStatusCode.Unauthorized, "BotNotRegistered", "No registration found for this bot."));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:personal", serviceUrl: ConnectorHarness.Teams));

        Assert.Equal(ConnectorErrorKind.Unauthorized, e.Kind);
        Assert.Equal("BotNotRegistered", e.Code);
        Assert.Equal(2, h.Connector.Count);
        Assert.Equal(2, h.Credential!.Calls);
    }

    [Fact]
    public async Task Jawaban401DiModePengembangan_TidakDiulang()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Error(HttpStatusCode.Unauthorized, "Unauthorized"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:personal"));

        Assert.Equal(ConnectorErrorKind.Unauthorized, e.Kind);
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public async Task TokenTidakDiperoleh_TokenUnavailableTanpaPermintaan()
    {
        using var h = ConnectorHarness.Production();
        h.Credential!.Fail = new AuthenticationFailedException("AADSTS700016: Application not found in the directory 'Bot Framework'.");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:personal", serviceUrl: ConnectorHarness.Teams));

        Assert.Equal(ConnectorErrorKind.TokenUnavailable, e.Kind);
        Assert.IsType<AuthenticationFailedException>(e.InnerException);
        Assert.Equal(0, h.Connector.Count);
    }

    [Fact]
    public async Task PembaruanGagal_TokenLamaYangMasihBerlakuTetapDipakai()
    {
        using var h = ConnectorHarness.Production();
        await h.Kirim("a:satu", serviceUrl: ConnectorHarness.Teams);
        h.Time.Advance(TimeSpan.FromMinutes(57));
        h.Credential!.Fail = new AuthenticationFailedException("login.microsoftonline.com tidak menjawab");

        await h.Kirim("a:dua", serviceUrl: ConnectorHarness.Teams);

        Assert.Equal(["Bearer token-1", "Bearer token-1"], h.Connector.Requests.Select(r => r.Authorization));
        Assert.Contains(h.Logs.Lines, l => l.EventId == 2111);
    }
}

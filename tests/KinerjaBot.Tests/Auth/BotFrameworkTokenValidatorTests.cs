using System.Text.Json.Nodes;

namespace KinerjaBot.Tests.Auth;

/// <summary>
/// Bot Connector tokens (botframework-protocol.md §1.2) against the validator with generated keys served by a fake
/// metadata endpoint: lifetime on the injected clock, key cache, rotation, rate-limited refresh, outages.
/// </summary>
public sealed class BotFrameworkTokenValidatorTests : IDisposable
{
    private readonly ValidatorHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task TokenBotConnectorSah_Diterima(string alg)
    {
        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Teams, _h.Tokens.Claims(), alg)));
    }

    [Fact]
    public async Task KedaluwarsaMasihDalamSkewLimaMenit_Diterima()
    {
        var claims = _h.Tokens.Claims();
        claims["nbf"] = _h.Time.GetUtcNow().AddHours(-1).ToUnixTimeSeconds();
        claims["exp"] = _h.Time.GetUtcNow().AddMinutes(-4).ToUnixTimeSeconds();

        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Teams, claims)));
    }

    [Fact]
    public async Task KedaluwarsaLewatSkew_Ditolak()
    {
        var claims = _h.Tokens.Claims();
        claims["nbf"] = _h.Time.GetUtcNow().AddHours(-1).ToUnixTimeSeconds();
        claims["exp"] = _h.Time.GetUtcNow().AddMinutes(-5).AddSeconds(-1).ToUnixTimeSeconds();

        Assert.Contains("expired", await _h.CheckAsync(BotTokens.Rs(TestKeys.Teams, claims)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NbfDiMasaDepanDalamSkew_Diterima()
    {
        var claims = _h.Tokens.Claims();
        claims["nbf"] = _h.Time.GetUtcNow().AddMinutes(4).ToUnixTimeSeconds();

        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Teams, claims)));
    }

    [Fact]
    public async Task JamYangDipakaiAdalahTimeProvider_BukanJamMesin()
    {
        // Valid on the fake clock (2031), expired for years on the machine's: accepted. Then the fake clock moves on.
        var token = _h.Tokens.Valid();
        Assert.Null(await _h.CheckAsync(token));

        _h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Contains("expired", await _h.CheckAsync(token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KunciDisimpan_SeratusTokenSatuKaliAmbilMetadata()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        }

        Assert.Equal(1, _h.Metadata.MetadataFetches);
        Assert.Equal(1, _h.Metadata.KeySetFetches);
    }

    [Fact]
    public async Task PermintaanSerentakSaatStart_SatuKaliAmbilMetadata()
    {
        var checks = Enumerable.Range(0, 20).Select(_ => Task.Run(() => _h.CheckAsync(_h.Tokens.Valid())));

        Assert.All(await Task.WhenAll(checks), Assert.Null);
        Assert.Equal(1, _h.Metadata.MetadataFetches);
    }

    [Fact]
    public async Task KunciBaruMuncul_SatuRefresh_LaluDiterima()
    {
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        _h.Metadata.Publish(TestKeys.Rotated, "msteams");
        _h.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Rotated, _h.Tokens.Claims())));
        Assert.Equal(2, _h.Metadata.MetadataFetches);
        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Rotated, _h.Tokens.Claims())));
        Assert.Equal(2, _h.Metadata.MetadataFetches);
    }

    [Fact]
    public async Task KunciBaruDalamJedaRefresh_DitolakSampaiJedaLewat()
    {
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        _h.Metadata.Publish(TestKeys.Rotated, "msteams");
        _h.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("not in the Bot Connector's key set", await _h.CheckAsync(BotTokens.Rs(TestKeys.Rotated, _h.Tokens.Claims())), StringComparison.Ordinal);
        Assert.Equal(1, _h.Metadata.MetadataFetches);

        _h.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Rotated, _h.Tokens.Claims())));
        Assert.Equal(2, _h.Metadata.MetadataFetches);
    }

    [Fact]
    public async Task DuaKidTakDikenalBerturutTurut_HanyaSatuAmbilMetadataDalamJeda()
    {
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        _h.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.NotNull(await _h.CheckAsync(BotTokens.Rs(TestKeys.Attacker, _h.Tokens.Claims(), kid: "kid-palsu-1")));
        Assert.NotNull(await _h.CheckAsync(BotTokens.Rs(TestKeys.Attacker, _h.Tokens.Claims(), kid: "kid-palsu-2")));
        for (var i = 0; i < 50; i++)
        {
            Assert.NotNull(await _h.CheckAsync(BotTokens.Rs(TestKeys.Attacker, _h.Tokens.Claims(), kid: $"kid-banjir-{i}")));
        }

        Assert.Equal(2, _h.Metadata.MetadataFetches); // the first fetch and one refresh, not 52
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
    }

    [Fact]
    public async Task JedaRefreshBisaDiatur()
    {
        using var h = new ValidatorHarness(new Dictionary<string, string?> { ["Kinerja:Bot:JedaRefreshKunci"] = "00:00:30" });
        Assert.Null(await h.CheckAsync(h.Tokens.Valid()));
        h.Metadata.Publish(TestKeys.Rotated, "msteams");
        h.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Null(await h.CheckAsync(BotTokens.Rs(TestKeys.Rotated, h.Tokens.Claims())));
        Assert.Equal(2, h.Metadata.MetadataFetches);
    }

    [Theory]
    [InlineData(FakeBotConnectorMetadata.Outage.Refused)]
    [InlineData(FakeBotConnectorMetadata.Outage.ServerError)]
    [InlineData(FakeBotConnectorMetadata.Outage.Garbage)]
    [InlineData(FakeBotConnectorMetadata.Outage.EmptyKeySet)]
    public async Task MetadataPadamSetelahAmbilPertama_TokenSahTetapDiterima(FakeBotConnectorMetadata.Outage outage)
    {
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        _h.Metadata.Down = outage;

        // An unknown kid asks for a refresh that fails; the 12-hour refresh fails too: the cached keys carry on.
        _h.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.NotNull(await _h.CheckAsync(BotTokens.Rs(TestKeys.Attacker, _h.Tokens.Claims(), kid: "kid-palsu")));
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        _h.Time.Advance(TimeSpan.FromHours(13));
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));

        Assert.Equal(3, _h.Keys.FetchAttempts); // first fetch, the unknown kid's refresh, the 12-hour refresh
        Assert.Contains(_h.Logs.Entries, e => e.EventId == 1111);
    }

    [Fact]
    public async Task MetadataPadamSejakAwal_DitolakLaluPulihSetelahSepuluhDetik()
    {
        _h.Metadata.Down = FakeBotConnectorMetadata.Outage.Refused;
        Assert.NotNull(await _h.CheckAsync(_h.Tokens.Valid()));
        Assert.NotNull(await _h.CheckAsync(_h.Tokens.Valid()));
        Assert.Equal(1, _h.Metadata.MetadataFetches); // no fetch storm while it is down
        Assert.Contains(_h.Logs.Entries, e => e.EventId == 1112);

        _h.Metadata.Down = FakeBotConnectorMetadata.Outage.None;
        _h.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        Assert.Equal(2, _h.Metadata.MetadataFetches);
    }

    [Fact]
    public async Task KunciDicabutDariJwks_SetelahRefreshDuaBelasJam_Ditolak()
    {
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid()));
        _h.Metadata.Withdraw(TestKeys.Teams).Publish(TestKeys.Rotated, "msteams");
        _h.Time.Advance(TimeSpan.FromHours(12));

        Assert.NotNull(await _h.CheckAsync(BotTokens.Rs(TestKeys.Teams, _h.Tokens.Claims())));
        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Rotated, _h.Tokens.Claims())));
        Assert.Equal(2, _h.Metadata.MetadataFetches);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer")]
    [InlineData("https://SMBA.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/")]
    public async Task ServiceUrlSama_GarisMiringAkhirDanHurufBesarDiabaikan(string claim, string activity)
    {
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid(claim), ValidatorHarness.Activity(activity)));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/", "http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer//")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net.attacker.example/amer/")]
    public async Task ServiceUrlBerbeda_Ditolak(string claim, string activity)
    {
        Assert.Contains("serviceurl claim", await _h.CheckAsync(_h.Tokens.Valid(claim), ValidatorHarness.Activity(activity)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleTenantTanpaDaftar_HanyaTenantSendiri()
    {
        const string home = "11111111-2222-4333-8444-555555555555";
        using var h = new ValidatorHarness(new Dictionary<string, string?> { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = home });

        Assert.Null(await h.CheckAsync(h.Tokens.Valid(), ValidatorHarness.Activity(tenantId: home)));
        Assert.Contains("TenantDiizinkan", await h.CheckAsync(h.Tokens.Valid(), ValidatorHarness.Activity()), StringComparison.Ordinal);
        Assert.Contains("without tenant", await h.CheckAsync(h.Tokens.Valid(), ValidatorHarness.Activity(tenantId: null)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DaftarTenantDiizinkan_DipisahKoma_TenantLainDitolak()
    {
        using var h = new ValidatorHarness(new Dictionary<string, string?>
        {
            ["Kinerja:Bot:TenantDiizinkan"] = "7A1D4E2B-0000-4000-8000-00000000A001, 11111111-2222-4333-8444-555555555555",
        });

        Assert.Null(await h.CheckAsync(h.Tokens.Valid()));
        Assert.Null(await h.CheckAsync(h.Tokens.Valid(), ValidatorHarness.Activity(tenantId: "11111111-2222-4333-8444-555555555555")));
        Assert.NotNull(await h.CheckAsync(h.Tokens.Valid(), ValidatorHarness.Activity(tenantId: "99999999-2222-4333-8444-555555555555")));
    }

    [Fact]
    public async Task MultiTenantTanpaDaftar_TenantManaPunDiterima()
    {
        Assert.Null(await _h.CheckAsync(_h.Tokens.Valid(), ValidatorHarness.Activity(tenantId: "99999999-2222-4333-8444-555555555555")));
    }

    [Fact]
    public async Task AlasanPenolakanDicatatTanpaToken()
    {
        var claims = _h.Tokens.Claims();
        claims["aud"] = "bukan-bot-ini";
        var token = BotTokens.Rs(TestKeys.Teams, claims);

        var reason = await _h.CheckAsync(token);

        Assert.Equal("audience is not MicrosoftAppId", reason);
        var line = Assert.Single(_h.Logs.Entries, e => e.EventId == 1100);
        Assert.Contains(reason!, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_h.Logs.Entries, e => e.Message.Contains(token.Split('.')[2], StringComparison.Ordinal) || e.Message.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenSahDenganKlaimTambahan_Diterima()
    {
        // Real tokens carry more than we read (appid, ver, ...): unknown claims are fine.
        var claims = _h.Tokens.Claims();
        claims["appid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db";
        claims["version"] = "1.0";
        claims["extra"] = new JsonObject { ["x"] = 1 };

        Assert.Null(await _h.CheckAsync(BotTokens.Rs(TestKeys.Teams, claims)));
    }
}

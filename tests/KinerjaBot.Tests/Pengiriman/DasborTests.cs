using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Penjadwalan;
using KinerjaBot.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KinerjaBot.Tests.Pengiriman;

/// <summary>
/// The Hangfire dashboard: Entra ID tokens (here signed by a test key standing in for the tenant's, the only fake: the
/// identity provider's keys) of coordinators and administrators get in; no token or a bad one 401, anyone else 403.
/// </summary>
public sealed class DasborTests : IDisposable
{
    private const string Penerbit = "https://login.microsoftonline.com/7a1d4e2b-0000-4000-8000-00000000a001/v2.0";
    private const string Audiens = "api://kinerjabot-dasbor";
    private const string AadRatna = "7a1d4e2b-0000-4000-8000-222006122001";
    private const string AadBagus = "7a1d4e2b-0000-4000-8000-052003121004";

    private readonly RsaSecurityKey _kunci = new(RSA.Create(2048)) { KeyId = "kunci-uji" };
    private readonly BotFactory _bot;

    public DasborTests()
    {
        _bot = new BotFactory()
            .With("Kinerja:Jadwal:Dasbor:Aktif", "true")
            .With("Kinerja:Jadwal:Dasbor:Authority", Penerbit)
            .With("Kinerja:Jadwal:Dasbor:Audience", Audiens)
            // The coordinator named by e-mail (Kinerja:Koordinator:Kantor); the Kasi PDMS, a unit head, is not one.
            .With("Kinerja:Koordinator:Kantor:KPPN-METRO:0", "ratna.anggraini@kemenkeu.example")
            .WithServices(s => s.PostConfigure<JwtBearerOptions>(DasborHangfire.Skema, jwt =>
            {
                // The tenant's signing keys, as its OpenID metadata would give them (no network in tests).
                var config = new OpenIdConnectConfiguration { Issuer = Penerbit };
                config.SigningKeys.Add(_kunci);
                jwt.Configuration = config;
                jwt.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(config);
                jwt.Events = new JwtBearerEvents { OnAuthenticationFailed = c => { Galat = c.Exception; return Task.CompletedTask; } };
            }));
    }

    public void Dispose() => _bot.Dispose();

    private Exception? Galat { get; set; }

    private string Token(string oid, SecurityKey? kunci = null, string? peran = null, string audiens = Audiens)
    {
        var klaim = new Dictionary<string, object> { ["oid"] = oid, ["tid"] = "7a1d4e2b-0000-4000-8000-00000000a001" };
        if (peran is not null)
        {
            klaim["roles"] = new[] { peran };
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Penerbit,
            Audience = audiens,
            Claims = klaim,
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(kunci ?? _kunci, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<HttpStatusCode> GetAsync(string? token)
    {
        var client = _bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task TautkanAsync(string aad, string nip)
    {
        _ = _bot.Server;
        await _bot.Services.GetRequiredService<IPenggunaStore>().SimpanAsync(
            new PenggunaTerkait(aad, "KPPN-METRO", Nip.Parse(nip), "x@kemenkeu.example", DateTimeOffset.UnixEpoch), CancellationToken.None);
    }

    [Fact]
    public async Task TanpaToken_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(null));
    }

    [Fact]
    public async Task TokenDariKunciLainAtauAudiensLain_401()
    {
        await TautkanAsync(AadRatna, "198407222006122001");

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(Token(AadRatna, new RsaSecurityKey(RSA.Create(2048)) { KeyId = "kunci-uji" })));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(Token(AadRatna, audiens: "api://aplikasi-lain")));
    }

    [Fact]
    public async Task PegawaiBukanKoordinator_403()
    {
        await TautkanAsync(AadBagus, "198211052003121004");

        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(Token(AadBagus)));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(Token("7a1d4e2b-0000-4000-8000-0000000000ff")));
    }

    [Fact]
    public async Task Koordinator_200_DanAdministrator_200()
    {
        await TautkanAsync(AadRatna, "198407222006122001");

        Assert.True(await GetAsync(Token(AadRatna)) == HttpStatusCode.OK, Galat?.ToString());
        Assert.Equal(HttpStatusCode.OK, await GetAsync(Token("7a1d4e2b-0000-4000-8000-0000000000ad", peran: "KinerjaBot.Admin")));
    }

    [Fact]
    public async Task Koordinator_HanyaMelihat_AksiJobUntukAdministrator()
    {
        await TautkanAsync(AadRatna, "198407222006122001");

        Assert.Equal(HttpStatusCode.Unauthorized, await PicuAsync(Token(AadRatna)));
        Assert.Equal(HttpStatusCode.NoContent, await PicuAsync(Token("7a1d4e2b-0000-4000-8000-0000000000ad", peran: "KinerjaBot.Admin")));
    }

    /// <summary>The dashboard's "trigger now" on the schedule sync job (jadwal-sinkron).</summary>
    private async Task<HttpStatusCode> PicuAsync(string token)
    {
        var client = _bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("jobs[]", Kinerja.Jobs.Jadwal.SinkronJadwalJob.Id)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task DasborTidakAktif_TidakDilayani()
    {
        using var bot = new BotFactory();

        using var response = await bot.CreateClient().GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

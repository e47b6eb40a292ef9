using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KinerjaBot.Protocol;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Auth;

/// <summary>
/// The Bot Framework keys (and Kinerja:Bot) are checked when the host starts: a bad value stops it with a message
/// naming the key, a good configuration starts the bot in production mode.
/// </summary>
public sealed class BotAuthenticationOptionsTests : IDisposable
{
    private const string AppId = BotTokens.AppId;
    private const string Tenant = "7a1d4e2b-0000-4000-8000-00000000a001";
    private readonly string _dir = Directory.CreateTempSubdirectory("kinerjabot-cert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("MicrosoftAppId", "kinerjabot", "MicrosoftAppId 'kinerjabot' is not a GUID")]
    [InlineData("MicrosoftAppType", "Multitenant2", "MicrosoftAppType 'Multitenant2' is not one of MultiTenant, SingleTenant, UserAssignedMSI")]
    [InlineData("MicrosoftAppType", "1", "MicrosoftAppType '1' is not one of")]
    [InlineData("MicrosoftAppTenantId", "kemenkeu.go.id", "MicrosoftAppTenantId 'kemenkeu.go.id' is not a GUID")]
    [InlineData("MicrosoftAppPassword", "", "MicrosoftAppPassword (or MicrosoftAppCertificatePath) is required when MicrosoftAppType is MultiTenant")]
    [InlineData("MicrosoftAppCertificatePath", "/tidak/ada/bot.pfx", "MicrosoftAppPassword and MicrosoftAppCertificatePath are both set")]
    [InlineData("MicrosoftAppCertificatePassword", "rahasia", "MicrosoftAppCertificatePassword is set but MicrosoftAppCertificatePath is not")]
    [InlineData("BotOpenIdMetadata", "http://login.botframework.com/v1/.well-known/openidconfiguration", "BotOpenIdMetadata 'http://login.botframework.com/v1/.well-known/openidconfiguration' is not an absolute https URL")]
    [InlineData("BotOpenIdMetadata", "/v1/.well-known/openidconfiguration", "BotOpenIdMetadata '/v1/.well-known/openidconfiguration' is not an absolute https URL")]
    [InlineData("Kinerja:Bot:TenantDiizinkan:0", "kppn-metro", "Kinerja:Bot:TenantDiizinkan[0] 'kppn-metro' is not a tenant id (GUID)")]
    [InlineData("Kinerja:Bot:TenantDiizinkan", "7a1d4e2b-0000-4000-8000-00000000a001,semua", "Kinerja:Bot:TenantDiizinkan[1] 'semua' is not a tenant id (GUID)")]
    [InlineData("Kinerja:Bot:JedaRefreshKunci", "lima menit", "Kinerja:Bot:JedaRefreshKunci 'lima menit' must be a time span between 00:00:01 and 1.00:00:00")]
    [InlineData("Kinerja:Bot:JedaRefreshKunci", "00:00:00", "Kinerja:Bot:JedaRefreshKunci '00:00:00' must be a time span")]
    [InlineData("Kinerja:Bot:JedaRefreshKunci", "2.00:00:00", "Kinerja:Bot:JedaRefreshKunci '2.00:00:00' must be a time span")]
    public void NilaiSalahPadaBotMultiTenant_MenolakStartMenyebutKunci(string key, string value, string message)
    {
        using var bot = Production().With(key, value);

        AssertRefused(bot, message);
    }

    [Theory]
    [InlineData("SingleTenant")]
    [InlineData("UserAssignedMSI")]
    [InlineData("singletenant")]
    public void TanpaTenantId_MenolakStart(string type)
    {
        using var bot = Production().With("MicrosoftAppType", type).With("MicrosoftAppPassword", type == "UserAssignedMSI" ? null : "rahasia-uji");

        AssertRefused(bot, "MicrosoftAppTenantId is required when MicrosoftAppType is");
    }

    [Fact]
    public void ManagedIdentityDenganPassword_MenolakStart()
    {
        using var bot = Production().With("MicrosoftAppType", "UserAssignedMSI").With("MicrosoftAppTenantId", Tenant);

        AssertRefused(bot, "MicrosoftAppPassword and MicrosoftAppCertificatePath must not be set when MicrosoftAppType is UserAssignedMSI");
    }

    [Fact]
    public void SertifikatTidakAda_MenolakStart()
    {
        using var bot = Production().With("MicrosoftAppPassword", null).With("MicrosoftAppCertificatePath", "/tidak/ada/bot.pfx");

        AssertRefused(bot, "MicrosoftAppCertificatePath '/tidak/ada/bot.pfx' does not exist");
    }

    [Fact]
    public void SertifikatBukanPfx_MenolakStart()
    {
        var path = Path.Combine(_dir, "bot.pfx");
        File.WriteAllText(path, "-----BEGIN NOTHING-----");
        using var bot = Production().With("MicrosoftAppPassword", null).With("MicrosoftAppCertificatePath", path);

        AssertRefused(bot, $"MicrosoftAppCertificatePath '{path}' is not a PKCS#12 (.pfx) file readable with MicrosoftAppCertificatePassword");
    }

    [Fact]
    public void SertifikatPasswordSalah_MenolakStart()
    {
        var path = Pfx("benar");
        using var bot = Production().With("MicrosoftAppPassword", null).With("MicrosoftAppCertificatePath", path).With("MicrosoftAppCertificatePassword", "salah");

        AssertRefused(bot, "is not a PKCS#12 (.pfx) file readable with MicrosoftAppCertificatePassword");
    }

    [Fact]
    public void BeberapaKesalahan_SemuaDisebut()
    {
        using var bot = Production().With("MicrosoftAppId", "bukan-guid").With("BotOpenIdMetadata", "ftp://x");

        var message = Refused(bot);

        Assert.Contains("MicrosoftAppId 'bukan-guid'", message, StringComparison.Ordinal);
        Assert.Contains("BotOpenIdMetadata 'ftp://x'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleTenantDenganSertifikat_BerjalanDalamModeProduksi()
    {
        using var bot = Production()
            .With("MicrosoftAppType", "SingleTenant")
            .With("MicrosoftAppTenantId", Tenant)
            .With("MicrosoftAppPassword", null)
            .With("MicrosoftAppCertificatePath", Pfx("sandi-sertifikat"))
            .With("MicrosoftAppCertificatePassword", "sandi-sertifikat");

        await AssertProductionModeAsync(bot);
        var options = bot.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        Assert.Equal([Tenant], options.EffectiveTenants);
    }

    [Fact]
    public async Task ManagedIdentity_BerjalanDalamModeProduksi()
    {
        using var bot = Production().With("MicrosoftAppType", "UserAssignedMSI").With("MicrosoftAppTenantId", Tenant).With("MicrosoftAppPassword", null);

        await AssertProductionModeAsync(bot);
    }

    [Fact]
    public async Task NilaiBawaan_MultiTenantDanMetadataBotFramework()
    {
        using var bot = new BotFactory("Production").With("MicrosoftAppId", AppId).With("MicrosoftAppPassword", "rahasia-uji");

        await AssertProductionModeAsync(bot);
        var options = bot.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        Assert.Equal(BotAppType.MultiTenant, options.AppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.JedaRefreshKunci);
        Assert.Empty(options.EffectiveTenants);
    }

    [Fact]
    public async Task DiDevelopmentTanpaAppId_KunciLainTidakDiperiksa()
    {
        // Templates ship empty keys and a developer may keep a secret in user-secrets: anonymous mode ignores them.
        using var bot = new BotFactory().With("MicrosoftAppType", "bukan-tipe").With("MicrosoftAppPassword", "sisa-rahasia");

        Assert.Equal("ok", await bot.CreateClient().GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.True(bot.Services.GetRequiredService<BotAuthentication>().IsAnonymous);
    }

    private static BotFactory Production() => new BotFactory("Production")
        .With("MicrosoftAppId", AppId)
        .With("MicrosoftAppPassword", "rahasia-uji")
        .With("BotOpenIdMetadata", FakeBotConnectorMetadata.MetadataUrl);

    private static async Task AssertProductionModeAsync(BotFactory bot)
    {
        var client = bot.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.False(bot.Services.GetRequiredService<BotAuthentication>().IsAnonymous);
        var unauthenticated = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private static void AssertRefused(BotFactory bot, string message) =>
        Assert.Contains(message, Refused(bot), StringComparison.Ordinal);

    private static string Refused(BotFactory bot)
    {
        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());
        while (e is AggregateException or System.Reflection.TargetInvocationException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        Assert.IsType<OptionsValidationException>(e);
        return e.Message;
    }

    private string Pfx(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=kinerjabot", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(_dir, $"bot-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}

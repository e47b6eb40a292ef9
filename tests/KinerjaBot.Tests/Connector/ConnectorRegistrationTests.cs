using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using KinerjaBot.Hosting;
using KinerjaBot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Connector;

/// <summary>
/// <c>AddKinerjaConnector</c>: options and credential keys validated on start with messages naming the key, and the
/// Azure.Identity credential chosen per <c>MicrosoftAppType</c>.
/// </summary>
public sealed class ConnectorRegistrationTests
{
    [Fact]
    public async Task LajuTenantNol_HostTidakStart_PesanMenyebutKunci()
    {
        var e = await StartGagal(new() { ["Kinerja:Connector:PermintaanPerDetikPerTenant"] = "0" });

        Assert.Contains("Kinerja:Connector:PermintaanPerDetikPerTenant harus antara 1 dan 1000.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToleransiJitterTerlaluBesar_HostTidakStart_PesanMenyebutKunci()
    {
        var e = await StartGagal(new() { ["Kinerja:Connector:ToleransiJitter"] = "00:00:01" });

        Assert.Equal("Kinerja:Connector:ToleransiJitter '00:00:01' harus antara 00:00:00 dan 00:00:00.500.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task HostDenganSkema_HostTidakStart_PesanMenyebutKunci()
    {
        var e = await StartGagal(new() { ["Kinerja:Connector:HostDiizinkan:0"] = "https://evil.example/teams" });

        Assert.Equal(
            "Kinerja:Connector:HostDiizinkan 'https://evil.example/teams' bukan nama host; tulis nama host saja tanpa skema, port atau path (mis. smba.trafficmanager.net atau *.botframework.com).",
            Assert.Single(e.Failures));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*.com.*")]
    [InlineData("localhost")]
    [InlineData("smba.trafficmanager.net:443")]
    public async Task PolaHostTidakSah_HostTidakStart(string pattern)
    {
        var e = await StartGagal(new() { ["Kinerja:Connector:HostDiizinkan:0"] = pattern });

        Assert.Contains($"Kinerja:Connector:HostDiizinkan '{pattern}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JedaMaksimumDiBawahMinimum_HostTidakStart()
    {
        var e = await StartGagal(new() { ["Kinerja:Connector:JedaMinimum"] = "00:00:05", ["Kinerja:Connector:JedaMaksimum"] = "00:00:02" });

        Assert.Equal("Kinerja:Connector:JedaMaksimum '00:00:02' tidak boleh kurang dari JedaMinimum '00:00:05'.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task AppIdTanpaRahasiaAtauSertifikat_HostTidakStart()
    {
        var e = await StartGagal(new() { ["MicrosoftAppId"] = "3f1c2a4b-0000-4000-8000-000000000001" });

        Assert.Equal("MicrosoftAppPassword atau MicrosoftAppCertificatePath wajib diisi untuk MicrosoftAppType MultiTenant.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task SingleTenantTanpaTenant_HostTidakStart()
    {
        var e = await StartGagal(new()
        {
            ["MicrosoftAppId"] = "3f1c2a4b-0000-4000-8000-000000000001",
            ["MicrosoftAppPassword"] = "rahasia",
            ["MicrosoftAppType"] = "SingleTenant",
        });

        Assert.Equal("MicrosoftAppTenantId wajib diisi untuk MicrosoftAppType SingleTenant.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task SertifikatTidakAda_HostTidakStart()
    {
        var e = await StartGagal(new()
        {
            ["MicrosoftAppId"] = "3f1c2a4b-0000-4000-8000-000000000001",
            ["MicrosoftAppCertificatePath"] = "/nonexistent/bot.pfx",
        });

        Assert.Equal("MicrosoftAppCertificatePath '/nonexistent/bot.pfx' tidak ditemukan.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task SertifikatDenganKataSandiSalah_HostTidakStart()
    {
        using var pfx = new TempPfx("sandi-benar");
        var e = await StartGagal(new()
        {
            ["MicrosoftAppId"] = "3f1c2a4b-0000-4000-8000-000000000001",
            ["MicrosoftAppCertificatePath"] = pfx.Path,
            ["MicrosoftAppCertificatePassword"] = "sandi-salah",
        });

        Assert.StartsWith($"MicrosoftAppCertificatePath '{pfx.Path}' tidak dapat dibaca (periksa MicrosoftAppCertificatePassword)", Assert.Single(e.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Bawaan_DaftarHostLajuDanPercobaan()
    {
        using var host = Build(new());
        var options = host.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(ConnectorOptions.HostBawaan, options.HostEfektif);
        Assert.Contains("*.botframework.com", options.HostEfektif);
        Assert.Equal((28, 3), (options.PermintaanPerDetikPerTenant, options.PercobaanUlang));
        Assert.Equal((TimeSpan.FromMilliseconds(25), 4), (options.ToleransiJitter, options.BurstTenant));
        Assert.IsType<InProcessTenantGate>(host.Services.GetRequiredService<ITenantGate>());
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)), (options.JedaMinimum, options.JedaMaksimum));
    }

    [Fact]
    public void HostDikonfigurasi_MenggantikanBawaan()
    {
        using var host = Build(new() { ["Kinerja:Connector:HostDiizinkan:0"] = "smba.trafficmanager.net", ["Kinerja:Connector:HostDiizinkan:1"] = "canary.botapi.skype.com" });

        Assert.Equal(["smba.trafficmanager.net", "canary.botapi.skype.com"], host.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value.HostEfektif);
    }

    [Fact]
    public async Task ModePengembangan_KlienTanpaKredensial()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Services.AddLogging();
        builder.Services.AddKinerjaProtocol(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();

        Assert.IsType<ConnectorClient>(host.Services.GetRequiredService<IConnectorClient>());
        Assert.True(host.Services.GetRequiredService<ConnectorCredentials>().IsAnonymous);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, null, "botframework.com")]
    [InlineData("MultiTenant", null, "botframework.com")]
    [InlineData("multitenant", "a1b2c3d4-0000-4000-8000-00000000c003", "botframework.com")]
    [InlineData("SingleTenant", "a1b2c3d4-0000-4000-8000-00000000c003", "a1b2c3d4-0000-4000-8000-00000000c003")]
    public void RahasiaKlien_TenantMenurutJenisAplikasi(string? type, string? tenant, string authority)
    {
        var keys = Keys(type, tenant, password: "rahasia");

        var (plan, errors) = ConnectorCredentialFactory.Plan(keys);

        Assert.Empty(errors);
        Assert.Equal(new ConnectorCredentialPlan(ConnectorCredentialKind.ClientSecret, authority, AppId, null), plan);
        Assert.IsType<ClientSecretCredential>(ConnectorCredentialFactory.Create(keys, Path.GetTempPath()));
    }

    [Fact]
    public void UserAssignedMsi_IdentitasTerkelolaDenganClientIdAppId()
    {
        var keys = Keys("UserAssignedMSI", "a1b2c3d4-0000-4000-8000-00000000c003", password: null);

        var (plan, _) = ConnectorCredentialFactory.Plan(keys);

        Assert.Equal(new ConnectorCredentialPlan(ConnectorCredentialKind.UserAssignedManagedIdentity, "a1b2c3d4-0000-4000-8000-00000000c003", AppId, null), plan);
        Assert.IsType<ManagedIdentityCredential>(ConnectorCredentialFactory.Create(keys, Path.GetTempPath()));
    }

    [Fact]
    public void Sertifikat_KredensialSertifikatKlien()
    {
        using var pfx = new TempPfx("sandi-benar");
        var keys = Keys("SingleTenant", "a1b2c3d4-0000-4000-8000-00000000c003", password: null);
        keys.MicrosoftAppCertificatePath = Path.GetFileName(pfx.Path);
        keys.MicrosoftAppCertificatePassword = "sandi-benar";

        var (plan, _) = ConnectorCredentialFactory.Plan(keys);

        Assert.Equal(ConnectorCredentialKind.ClientCertificate, plan!.Kind);
        Assert.IsType<ClientCertificateCredential>(ConnectorCredentialFactory.Create(keys, Path.GetDirectoryName(pfx.Path)!));
    }

    [Theory]
    [InlineData("Kustom", null, "rahasia", null, "MicrosoftAppType 'Kustom' tidak dikenal; pilihan: MultiTenant, SingleTenant, UserAssignedMSI.")]
    [InlineData("UserAssignedMSI", null, null, null, "MicrosoftAppTenantId wajib diisi untuk MicrosoftAppType UserAssignedMSI.")]
    [InlineData(null, null, "rahasia", "bot.pfx", "Isi salah satu saja: MicrosoftAppPassword atau MicrosoftAppCertificatePath, bukan keduanya.")]
    public void KunciTidakCocok_AlasanMenyebutKunci(string? type, string? tenant, string? password, string? certificate, string error)
    {
        var keys = Keys(type, tenant, password);
        keys.MicrosoftAppCertificatePath = certificate;

        var (plan, errors) = ConnectorCredentialFactory.Plan(keys);

        Assert.Null(plan);
        Assert.Equal(error, Assert.Single(errors));
        Assert.Throws<OptionsValidationException>(() => ConnectorCredentialFactory.Create(keys, Path.GetTempPath()));
    }

    private const string AppId = "3f1c2a4b-0000-4000-8000-000000000001";

    private static ConnectorCredentialOptions Keys(string? type, string? tenant, string? password) => new()
    {
        MicrosoftAppId = AppId,
        MicrosoftAppType = type,
        MicrosoftAppTenantId = tenant,
        MicrosoftAppPassword = password,
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddKinerjaConnector(builder.Configuration);
        return builder.Build();
    }

    private static async Task<OptionsValidationException> StartGagal(Dictionary<string, string?> settings)
    {
        using var host = Build(settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    /// <summary>A self-signed certificate with its key in a password-protected .pfx, deleted afterwards.</summary>
    private sealed class TempPfx : IDisposable
    {
        public TempPfx(string password)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=kinerjabot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var now = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kinerjabot-{Guid.NewGuid():N}.pfx");
            File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, password));
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}

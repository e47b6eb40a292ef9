using KinerjaBot.Entra;
using KinerjaBot.Reach;
using KinerjaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Reach;

/// <summary><c>Kinerja:Graph</c> and <c>Kinerja:Jangkauan</c> are checked when the host starts; each message names the key.</summary>
public sealed class JangkauanOptionsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-opsi-jangkauan-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private IHost Host(Dictionary<string, string?> nilai)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kinerja:Storage:SqlitePath"] = Path.Combine(_dir.FullName, "kinerja.db") });
        builder.Configuration.AddInMemoryCollection(nilai);
        builder.Services.AddKinerjaStorage(builder.Configuration);
        builder.Services.AddKinerjaJangkauan(builder.Configuration);
        return builder.Build();
    }

    private async Task<OptionsValidationException> StartGagal(Dictionary<string, string?> nilai)
    {
        using var host = Host(nilai);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task GraphBaseUrlBukanUrl_HostTidakStart_PesanMenyebutKunci()
    {
        var e = await StartGagal(new() { ["Kinerja:Graph:BaseUrl"] = "graph.microsoft.com/v1.0" });
        Assert.Equal("Kinerja:Graph:BaseUrl 'graph.microsoft.com/v1.0' harus URL https absolut, mis. https://graph.microsoft.com/v1.0.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task GraphKredensialSetengah_HostTidakStart()
    {
        var e = await StartGagal(new() { ["Kinerja:Graph:TenantId"] = "7a1d4e2b-0000-4000-8000-00000000a001", ["Kinerja:Graph:ClientId"] = "5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10" });
        Assert.Equal("Kinerja:Graph: TenantId, ClientId dan ClientSecret harus diisi bersama; yang kosong: ClientSecret.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task GraphTenantBotFramework_HostTidakStart()
    {
        var e = await StartGagal(new()
        {
            ["Kinerja:Graph:TenantId"] = "botframework.com",
            ["Kinerja:Graph:ClientId"] = "5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10",
            ["Kinerja:Graph:ClientSecret"] = "rahasia",
        });
        Assert.Equal("Kinerja:Graph:TenantId 'botframework.com' bukan tenant organisasi: Microsoft Graph perlu id tenant Entra ID kantor (GUID).", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task ServiceUrlBukanHttps_HostTidakStart()
    {
        var e = await StartGagal(new() { ["Kinerja:Jangkauan:ServiceUrl"] = "http://smba.trafficmanager.net/teams/" });
        Assert.Equal("Kinerja:Jangkauan:ServiceUrl 'http://smba.trafficmanager.net/teams/' harus URL https absolut, mis. https://smba.trafficmanager.net/teams/.",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task CobaLagiSetelahTerlaluPendek_HostTidakStart()
    {
        var e = await StartGagal(new() { ["Kinerja:Jangkauan:CobaLagiSetelah"] = "00:00:10" });
        Assert.Equal("Kinerja:Jangkauan:CobaLagiSetelah '00:00:10' harus antara 00:01:00 dan 30.00:00:00.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task Bawaan_GraphMati_HostStart()
    {
        using var host = Host([]);
        await host.StartAsync();
        await host.StopAsync();

        Assert.IsType<DirektoriTidakDikonfigurasi>(host.Services.GetRequiredService<IDirectory>());
        var jangkauan = host.Services.GetRequiredService<IOptions<JangkauanOptions>>().Value;
        Assert.Equal(("https://smba.trafficmanager.net/teams/", TimeSpan.FromDays(1), false, null),
            (jangkauan.ServiceUrl, jangkauan.CobaLagiSetelah, jangkauan.PasangUlangBilaDihapus, jangkauan.BotId));
    }

    [Fact]
    public async Task KunciBot_DipakaiUntukGraphDanIdBot()
    {
        using var host = Host(new()
        {
            ["MicrosoftAppId"] = "5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10",
            ["MicrosoftAppPassword"] = "rahasia",
            ["MicrosoftAppTenantId"] = "7a1d4e2b-0000-4000-8000-00000000a001",
        });
        await host.StartAsync();
        await host.StopAsync();

        var graph = host.Services.GetRequiredService<IOptions<GraphOptions>>().Value;
        Assert.Equal(("7a1d4e2b-0000-4000-8000-00000000a001", "5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10", "https://graph.microsoft.com/.default"),
            (graph.TenantId, graph.ClientId, graph.Scope()));
        Assert.IsType<GraphDirectory>(host.Services.GetRequiredService<IDirectory>());
        Assert.Equal("28:5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10", host.Services.GetRequiredService<IOptions<JangkauanOptions>>().Value.BotId);
    }

    [Fact]
    public async Task BotMultiTenantLama_TanpaTenant_GraphMatiTanpaMenggagalkanStart()
    {
        using var host = Host(new() { ["MicrosoftAppId"] = "5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10", ["MicrosoftAppPassword"] = "rahasia" });
        await host.StartAsync();
        await host.StopAsync();

        Assert.IsType<DirektoriTidakDikonfigurasi>(host.Services.GetRequiredService<IDirectory>());
    }
}

using KinerjaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Storage;

public sealed class StorageOptionsTests
{
    private static async Task<OptionsValidationException> StartGagal(Dictionary<string, string?> nilai)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(nilai);
        builder.Services.AddKinerjaStorage(builder.Configuration);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task ProviderTidakDikenal_HostTidakStart_PesanMenyebutKunci()
    {
        var e = await StartGagal(new() { ["Kinerja:Storage:Provider"] = "mongodb" });
        Assert.Equal("Kinerja:Storage:Provider 'mongodb' tidak dikenal; yang didukung: sqlite, tables.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task TablesTanpaConnectionString_HostTidakStart_PesanMenyebutKunci()
    {
        var e = await StartGagal(new() { ["Kinerja:Storage:Provider"] = "tables" });
        Assert.Equal("Kinerja:Storage:TablesConnectionString wajib diisi untuk provider tables (UseDevelopmentStorage=true atau connection string akun), "
            + "atau Kinerja:Storage:TablesEndpoint (https://<akun>.table.core.windows.net/) dengan managed identity.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task TablesConnectionStringDanEndpointBersamaan_HostTidakStart()
    {
        var e = await StartGagal(new()
        {
            ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesConnectionString"] = "UseDevelopmentStorage=true",
            ["Kinerja:Storage:TablesEndpoint"] = "https://kinerjaprod.table.core.windows.net/",
        });
        Assert.Equal("Kinerja:Storage:TablesConnectionString dan Kinerja:Storage:TablesEndpoint tidak boleh diisi bersamaan; pilih salah satu.",
            Assert.Single(e.Failures));
    }

    [Theory]
    [InlineData("kinerjaprod.table.core.windows.net")]
    [InlineData("http://kinerjaprod.table.core.windows.net/")]
    [InlineData("https://kinerjaprod.table.core.windows.net/?sv=2024&sig=x")]
    public async Task TablesEndpointBukanUrlHttpsAkun_HostTidakStart(string endpoint)
    {
        var e = await StartGagal(new() { ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesEndpoint"] = endpoint });
        Assert.Equal($"Kinerja:Storage:TablesEndpoint '{endpoint}' harus URL https akun, mis. https://<akun>.table.core.windows.net/ (http hanya untuk localhost).",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task ManagedIdentityClientIdBukanGuid_HostTidakStart()
    {
        var e = await StartGagal(new()
        {
            ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesEndpoint"] = "https://kinerjaprod.table.core.windows.net/",
            ["Kinerja:Storage:TablesManagedIdentityClientId"] = "kinerja-bot",
        });
        Assert.Equal("Kinerja:Storage:TablesManagedIdentityClientId 'kinerja-bot' harus GUID (client id managed identity).", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task ManagedIdentityTanpaEndpoint_HostTidakStart()
    {
        var e = await StartGagal(new()
        {
            ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesConnectionString"] = "UseDevelopmentStorage=true",
            ["Kinerja:Storage:TablesManagedIdentityClientId"] = "0b7c1e7e-4a51-4a9c-9d55-1f3f5f7b8c21",
        });
        Assert.Equal("Kinerja:Storage:TablesManagedIdentityClientId hanya dipakai bersama Kinerja:Storage:TablesEndpoint.", Assert.Single(e.Failures));
    }

    [Theory]
    [InlineData("0b7c1e7e-4a51-4a9c-9d55-1f3f5f7b8c21", typeof(Azure.Identity.ManagedIdentityCredential))]
    [InlineData(null, typeof(Azure.Identity.DefaultAzureCredential))]
    public void EndpointDenganIdentitas_SetiapPortTermasukBukuPengiriman_KlienMemakaiAkunDanKredensialItu(string? clientId, Type kredensial)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesEndpoint"] = "https://kinerjaprod.table.core.windows.net/",
            ["Kinerja:Storage:TablesManagedIdentityClientId"] = clientId,
        });
        builder.Services.AddKinerjaStorage(builder.Configuration);
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value; // validated: no failure

        // Every port resolves on the endpoint configuration (the ledger once required a connection string), and every
        // table client the adapters get from TableStorage is on that account, with that credential.
        var buku = host.Services.GetRequiredService<Kinerja.Domain.Ports.IBukuPengirimanStore>();
        var klien = host.Services.GetRequiredService<KinerjaBot.Storage.Tables.TableStorage>().Klien();

        Assert.IsType<KinerjaBot.Storage.Tables.TableBukuPengirimanStore>(buku);
        Assert.Equal(["Kantor", "Pengguna", "Percakapan", "KartuSkp", "Kontrak", "Dialog", "Pengiriman"], klien.Select(k => k.Name["Kinerja".Length..]));
        Assert.All(klien, k => Assert.Equal("kinerjaprod", k.AccountName));
        Assert.IsType(kredensial, KinerjaBot.Storage.Tables.TableStorage.Kredensial(options));
    }

    [Fact]
    public void BantuanStoreCopy_MenyebutSetiapTabel()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.Services.AddKinerjaStorage(builder.Configuration);
        using var host = builder.Build();

        var tabel = host.Services.GetRequiredService<KinerjaBot.Storage.Tables.TableStorage>().Klien().Select(k => k.Name["Kinerja".Length..]).ToList();

        Assert.Equal(7, tabel.Count);
        Assert.All(tabel, t => Assert.Contains(t, KinerjaBot.Hosting.Cli.StoreCli.Pemakaian, StringComparison.Ordinal));
        foreach (var port in (string[])["kantor", "alur SKP", "jejak audit", "penugasan", "pengguna", "percakapan", "kartu SKP", "dialog kinerja", "penundaan", "buku"])
        {
            Assert.Contains(port, KinerjaBot.Hosting.Cli.StoreCli.Pemakaian, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TablesConnectionStringRusak_HostTidakStart()
    {
        var e = await StartGagal(new() { ["Kinerja:Storage:Provider"] = "Tables", ["Kinerja:Storage:TablesConnectionString"] = "bukan connection string" });
        Assert.StartsWith("Kinerja:Storage:TablesConnectionString tidak bisa dibaca", Assert.Single(e.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TablesPrefixTidakSah_HostTidakStart()
    {
        var e = await StartGagal(new()
        {
            ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesConnectionString"] = "UseDevelopmentStorage=true",
            ["Kinerja:Storage:TablesPrefix"] = "1-bad",
        });
        Assert.Equal("Kinerja:Storage:TablesPrefix '1-bad' harus huruf/angka, diawali huruf, paling panjang 50.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task SqlitePathKosong_HostTidakStart()
    {
        var e = await StartGagal(new() { ["Kinerja:Storage:SqlitePath"] = "" });
        Assert.Contains("Kinerja:Storage:SqlitePath wajib diisi (mis. data/kinerja.db).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlitePathFolder_HostTidakStart()
    {
        var e = await StartGagal(new() { ["Kinerja:Storage:SqlitePath"] = "data/" });
        Assert.Equal("Kinerja:Storage:SqlitePath 'data/' harus nama berkas, bukan folder.", Assert.Single(e.Failures));
    }

    [Fact]
    public async Task Bawaan_SqliteDiContentRoot_SkemaDibuatSaatStart()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kinerja-opt-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root });
            builder.Services.AddKinerjaStorage(builder.Configuration);
            using var host = builder.Build();
            var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            Assert.Equal(("sqlite", "data/kinerja.db"), (options.Provider, options.SqlitePath));
            Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());

            await host.StartAsync();
            await host.StopAsync();
            Assert.True(File.Exists(Path.Combine(root, "data", "kinerja.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}

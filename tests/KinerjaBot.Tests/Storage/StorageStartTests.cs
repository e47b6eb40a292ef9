using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using KinerjaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// On start the host proves the configured Azure Tables account (every table created, or found), on Azurite: a wrong
/// account key or an endpoint nobody answers stops the start with a message naming the configuration key, and a
/// Tables start leaves no SQLite file behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageStartTests(AzuriteFixture azurite) : IDisposable
{
    private const string KunciAkunLain = "bGFpbmxhaW5sYWlubGFpbmxhaW5sYWlubGFpbmxhaW5sYWlubGFpbmxhaW5sYWlubGFpbmxhaW5sYWlubGFpbg==";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("kinerja-start-");
    private readonly string _prefix = "T" + Guid.NewGuid().ToString("N")[..20];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }

    private IHost Host(string connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _root.FullName });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kinerja:Storage:Provider"] = "tables", ["Kinerja:Storage:TablesConnectionString"] = connectionString,
            ["Kinerja:Storage:TablesPrefix"] = _prefix,
        });
        builder.Services.AddKinerjaStorage(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Tables_StartMembuatSemuaTabel_TanpaBerkasSqlite()
    {
        using var host = Host(azurite.ConnectionString);

        await host.StartAsync();
        await host.StopAsync();

        var tabel = new List<string>();
        await foreach (var t in new TableServiceClient(azurite.ConnectionString).QueryAsync(filter: (string?)null))
        {
            if (t.Name.StartsWith(_prefix, StringComparison.Ordinal))
            {
                tabel.Add(t.Name[_prefix.Length..]);
            }
        }

        Assert.Equal(["Dialog", "Kantor", "KartuSkp", "Kontrak", "Pengguna", "Pengiriman", "Percakapan"], tabel.Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.FullName, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Tables_KunciAkunSalah_HostTidakStart_PesanMenyebutKunci()
    {
        using var host = Host(azurite.ConnectionString.Replace(
            new TableConnectionStringKey(azurite.ConnectionString).AccountKey, KunciAkunLain, StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var pesan = Assert.Single(e.Failures);
        Assert.StartsWith("Kinerja:Storage:TablesConnectionString: Azure Tables tidak dapat dipakai saat start: akun menolak kunci (403 ", pesan, StringComparison.Ordinal);
        Assert.Contains("periksa AccountName dan AccountKey", pesan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_PortTertutup_HostTidakStart_PesanMenyebutKunci()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var host = Host(azurite.ConnectionString.Replace(
            string.Create(CultureInfo.InvariantCulture, $":{azurite.Port}/"), string.Create(CultureInfo.InvariantCulture, $":{port}/"), StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var pesan = Assert.Single(e.Failures);
        Assert.True(pesan.StartsWith("Kinerja:Storage:TablesConnectionString: Azure Tables tidak dapat dipakai saat start: akun tidak dapat dihubungi (",
            StringComparison.Ordinal), pesan);
    }

    /// <summary>The AccountKey of a connection string.</summary>
    private sealed class TableConnectionStringKey(string connectionString)
    {
        public string AccountKey { get; } = connectionString.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
    }
}

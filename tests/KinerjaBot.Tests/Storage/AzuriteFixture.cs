using Kinerja.Testing;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// Azurite's table service (<see cref="AzuriteProses"/>: free loopback port, in memory) for the whole test collection:
/// started once, stopped at the end. Each test uses its own table name prefix, so tests never see each other's data.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProses? _azurite;

    public int Port => _azurite!.Port;

    /// <summary>The account connection string of the emulator on its custom port (stack.md).</summary>
    public string ConnectionString => _azurite!.ConnectionString;

    /// <summary>The configuration that puts a <c>TestStore</c> on this emulator with fresh tables named by <paramref name="prefix"/>.</summary>
    public IReadOnlyDictionary<string, string?> Konfigurasi(string prefix) => new Dictionary<string, string?>
    {
        ["Kinerja:Storage:Provider"] = "tables",
        ["Kinerja:Storage:TablesConnectionString"] = ConnectionString,
        ["Kinerja:Storage:TablesPrefix"] = prefix,
    };

    public async Task InitializeAsync() => _azurite = await AzuriteProses.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// The Azure Tables account of the adapters: one table for the offices (<c>{prefix}Kantor</c>) and one for the linked
/// Teams users (<c>{prefix}Pengguna</c>), created on first use.
/// </summary>
public sealed class TableStorage(IOptions<StorageOptions> options)
{
    private readonly Lazy<Task<(TableClient Kantor, TableClient Pengguna)>> _tables = new(() => BuatAsync(options.Value));

    internal async Task<TableClient> KantorAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Kantor;

    internal async Task<TableClient> PenggunaAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Pengguna;

    private static async Task<(TableClient, TableClient)> BuatAsync(StorageOptions options)
    {
        var service = new TableServiceClient(options.TablesConnectionString);
        var prefix = options.TablesPrefix.Trim();
        var kantor = service.GetTableClient(prefix + "Kantor");
        var pengguna = service.GetTableClient(prefix + "Pengguna");
        await kantor.CreateIfNotExistsAsync().ConfigureAwait(false);
        await pengguna.CreateIfNotExistsAsync().ConfigureAwait(false);
        return (kantor, pengguna);
    }
}

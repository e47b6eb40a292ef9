using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// The Azure Tables account of the adapters: one table for the offices (<c>{prefix}Kantor</c>), one for the linked
/// Teams users (<c>{prefix}Pengguna</c>), one for the conversation references (<c>{prefix}Percakapan</c>) and one for
/// the remembered SKP cards (<c>{prefix}KartuSkp</c>) and one for the performance dialogs (<c>{prefix}Dialog</c>), created on first use.
/// </summary>
public sealed class TableStorage(IOptions<StorageOptions> options)
{
    private readonly Lazy<Task<Tabel>> _tables = new(() => BuatAsync(options.Value));

    internal async Task<TableClient> KantorAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Kantor;

    internal async Task<TableClient> PenggunaAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Pengguna;

    internal async Task<TableClient> PercakapanAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Percakapan;

    internal async Task<TableClient> KartuSkpAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).KartuSkp;

    internal async Task<TableClient> DialogAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Dialog;

    private static async Task<Tabel> BuatAsync(StorageOptions options)
    {
        var service = new TableServiceClient(options.TablesConnectionString);
        var prefix = options.TablesPrefix.Trim();
        var tabel = new Tabel(
            service.GetTableClient(prefix + "Kantor"),
            service.GetTableClient(prefix + "Pengguna"),
            service.GetTableClient(prefix + "Percakapan"),
            service.GetTableClient(prefix + "KartuSkp"),
            service.GetTableClient(prefix + "Dialog"));
        foreach (var t in (TableClient[])[tabel.Kantor, tabel.Pengguna, tabel.Percakapan, tabel.KartuSkp, tabel.Dialog])
        {
            await t.CreateIfNotExistsAsync().ConfigureAwait(false);
        }

        return tabel;
    }

    private sealed record Tabel(TableClient Kantor, TableClient Pengguna, TableClient Percakapan, TableClient KartuSkp, TableClient Dialog);
}

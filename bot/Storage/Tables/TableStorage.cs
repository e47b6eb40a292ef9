using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// The Azure Tables account of the adapters: one table for the offices (<c>{prefix}Kantor</c>), one for the linked
/// Teams users (<c>{prefix}Pengguna</c>), one for the conversation references (<c>{prefix}Percakapan</c>) and one for
/// the remembered SKP cards (<c>{prefix}KartuSkp</c>), one for the SKP workflows and delegations
/// (<c>{prefix}Kontrak</c>) and one for the performance dialogs (<c>{prefix}Dialog</c>), created on first use.
/// </summary>
/// <remarks>
/// Every client carries <see cref="PenghitungPermintaanTables"/> and any <see cref="HttpPipelinePolicy"/> registered in
/// DI (diagnostics; the tests put a concurrent writer exactly between a read and a write with one).
/// </remarks>
public sealed class TableStorage(IOptions<StorageOptions> options, PenghitungPermintaanTables penghitung, IEnumerable<HttpPipelinePolicy> kebijakan)
{
    private readonly Lazy<Task<Tabel>> _tables = new(() => BuatAsync(Layanan(options.Value, penghitung, kebijakan), options.Value.TablesPrefix));

    /// <summary>
    /// The account client: a connection string (<c>UseDevelopmentStorage=true</c>, an account key), or the endpoint with
    /// a user-assigned managed identity, or <c>DefaultAzureCredential</c>. Every request passes <paramref name="penghitung"/>.
    /// </summary>
    internal static TableServiceClient Layanan(StorageOptions options, PenghitungPermintaanTables penghitung, IEnumerable<HttpPipelinePolicy>? kebijakan = null)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(penghitung, HttpPipelinePosition.PerRetry);
        foreach (var k in kebijakan ?? [])
        {
            clientOptions.AddPolicy(k, HttpPipelinePosition.PerRetry);
        }

        if (!string.IsNullOrWhiteSpace(options.TablesConnectionString))
        {
            return new TableServiceClient(options.TablesConnectionString.Trim(), clientOptions);
        }

        var endpoint = new Uri(options.TablesEndpoint!.Trim());
        return new TableServiceClient(endpoint, Kredensial(options), clientOptions);
    }

    /// <summary>The credential of an endpoint: the configured user-assigned managed identity, else DefaultAzureCredential.</summary>
    internal static TokenCredential Kredensial(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.TablesManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.TablesManagedIdentityClientId.Trim()));

    internal async Task<TableClient> KantorAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Kantor;

    internal async Task<TableClient> PenggunaAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Pengguna;

    internal async Task<TableClient> PercakapanAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Percakapan;

    internal async Task<TableClient> KartuSkpAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).KartuSkp;

    internal async Task<TableClient> KontrakAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Kontrak;

    internal async Task<TableClient> DialogAsync(CancellationToken cancellationToken) =>
        (await _tables.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Dialog;

    private static async Task<Tabel> BuatAsync(TableServiceClient service, string tablesPrefix)
    {
        var prefix = tablesPrefix.Trim();
        var tabel = new Tabel(
            service.GetTableClient(prefix + "Kantor"),
            service.GetTableClient(prefix + "Pengguna"),
            service.GetTableClient(prefix + "Percakapan"),
            service.GetTableClient(prefix + "KartuSkp"),
            service.GetTableClient(prefix + "Kontrak"),
            service.GetTableClient(prefix + "Dialog"));
        foreach (var t in (TableClient[])[tabel.Kantor, tabel.Pengguna, tabel.Percakapan, tabel.KartuSkp, tabel.Kontrak, tabel.Dialog])
        {
            await t.CreateIfNotExistsAsync().ConfigureAwait(false);
        }

        return tabel;
    }

    private sealed record Tabel(TableClient Kantor, TableClient Pengguna, TableClient Percakapan, TableClient KartuSkp, TableClient Kontrak, TableClient Dialog);
}

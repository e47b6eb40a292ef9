using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// The Azure Tables account of the adapters, one table per port (docs/storage.md): the offices (<c>{prefix}Kantor</c>),
/// the linked Teams users (<c>{prefix}Pengguna</c>), the conversation references (<c>{prefix}Percakapan</c>), the
/// remembered SKP cards (<c>{prefix}KartuSkp</c>), the SKP workflows and delegations (<c>{prefix}Kontrak</c>), the
/// performance dialogs (<c>{prefix}Dialog</c>) and the delivery ledger (<c>{prefix}Pengiriman</c>). Created on first
/// use, and on host start by <see cref="StorageInitializer"/> (<see cref="PastikanAsync"/>), so a wrong key, a missing
/// role or an unreachable endpoint stops the start instead of a user's first turn.
/// </summary>
/// <remarks>
/// Every adapter gets its table here, never builds its own client: every client carries the configured credential,
/// <see cref="PenghitungPermintaanTables"/> and any <see cref="HttpPipelinePolicy"/> registered in DI (diagnostics;
/// the tests put a concurrent writer exactly between a read and a write with one). A failed creation is not
/// remembered: the next use tries again.
/// </remarks>
public sealed class TableStorage(IOptions<StorageOptions> options, PenghitungPermintaanTables penghitung, IEnumerable<HttpPipelinePolicy> kebijakan)
{
    private readonly Lock _kunci = new();
    private Task<Tabel>? _tables;

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

    /// <summary>Creates every table that is missing (one request per table): proves the account, its key or role, and the endpoint.</summary>
    internal async Task PastikanAsync(CancellationToken cancellationToken) => _ = await TabelAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The clients of every table, without creating anything or sending a request (what an adapter would use).</summary>
    internal IReadOnlyList<TableClient> Klien()
    {
        var t = Tabel.Dari(Layanan(options.Value, penghitung, kebijakan), options.Value.TablesPrefix);
        return t.Semua;
    }

    internal async Task<TableClient> KantorAsync(CancellationToken cancellationToken) =>
        (await TabelAsync(cancellationToken).ConfigureAwait(false)).Kantor;

    internal async Task<TableClient> PenggunaAsync(CancellationToken cancellationToken) =>
        (await TabelAsync(cancellationToken).ConfigureAwait(false)).Pengguna;

    internal async Task<TableClient> PercakapanAsync(CancellationToken cancellationToken) =>
        (await TabelAsync(cancellationToken).ConfigureAwait(false)).Percakapan;

    internal async Task<TableClient> KartuSkpAsync(CancellationToken cancellationToken) =>
        (await TabelAsync(cancellationToken).ConfigureAwait(false)).KartuSkp;

    internal async Task<TableClient> KontrakAsync(CancellationToken cancellationToken) =>
        (await TabelAsync(cancellationToken).ConfigureAwait(false)).Kontrak;

    internal async Task<TableClient> DialogAsync(CancellationToken cancellationToken) =>
        (await TabelAsync(cancellationToken).ConfigureAwait(false)).Dialog;

    /// <summary>The delivery ledger (<see cref="TableBukuPengirimanStore"/>).</summary>
    internal async Task<TableClient> PengirimanAsync(CancellationToken cancellationToken) =>
        (await TabelAsync(cancellationToken).ConfigureAwait(false)).Pengiriman;

    private async Task<Tabel> TabelAsync(CancellationToken cancellationToken)
    {
        Task<Tabel> tugas;
        lock (_kunci)
        {
            // A creation that failed (a network blip, a role granted a minute later) is tried again by the next caller.
            if (_tables is null || _tables.IsFaulted || _tables.IsCanceled)
            {
                _tables = BuatAsync(Layanan(options.Value, penghitung, kebijakan), options.Value.TablesPrefix);
            }

            tugas = _tables;
        }

        return await tugas.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Tabel> BuatAsync(TableServiceClient service, string tablesPrefix)
    {
        var tabel = Tabel.Dari(service, tablesPrefix);
        foreach (var t in tabel.Semua)
        {
            await t.CreateIfNotExistsAsync().ConfigureAwait(false);
        }

        return tabel;
    }

    private sealed record Tabel(TableClient Kantor, TableClient Pengguna, TableClient Percakapan, TableClient KartuSkp, TableClient Kontrak, TableClient Dialog,
        TableClient Pengiriman)
    {
        public TableClient[] Semua => [Kantor, Pengguna, Percakapan, KartuSkp, Kontrak, Dialog, Pengiriman];

        public static Tabel Dari(TableServiceClient service, string tablesPrefix)
        {
            var prefix = tablesPrefix.Trim();
            return new Tabel(
                service.GetTableClient(prefix + "Kantor"),
                service.GetTableClient(prefix + "Pengguna"),
                service.GetTableClient(prefix + "Percakapan"),
                service.GetTableClient(prefix + "KartuSkp"),
                service.GetTableClient(prefix + "Kontrak"),
                service.GetTableClient(prefix + "Dialog"),
                service.GetTableClient(prefix + "Pengiriman"));
        }
    }
}

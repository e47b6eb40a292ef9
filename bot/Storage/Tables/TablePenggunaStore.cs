using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IPenggunaStore"/> on Azure Tables: one entity per Teams user (partition <c>pengguna|{aad}</c>, a point read),
/// plus an index partition per (office, NIP) listing the users linked to that employee. The user's entity is the
/// truth; an index row is a hint checked against it, so a stale row (the user re-linked elsewhere) is never returned.
/// A save replaces the user's entity with an ETag condition read just before, so two links of the same user in a race
/// end with one of them whole (the loser re-reads and writes again: last writer wins, as in SQLite's upsert).
/// </summary>
public sealed class TablePenggunaStore(TableStorage storage, ILogger<TablePenggunaStore> logger) : IPenggunaStore, Salin.ISalinanPengguna
{
    /// <inheritdoc />
    public async IAsyncEnumerable<PenggunaTerkait> SemuaAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.PenggunaAsync(cancellationToken).ConfigureAwait(false);
        // The users' own partitions only ("pengguna-nip|…" index partitions sort before "pengguna|").
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"pengguna|"} and PartitionKey lt {"pengguna}"} and RowKey eq {Baris}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return Dari(e);
        }
    }

    private const string Baris = "pengguna";
    private const int MaksimalPercobaan = 5;

    public async Task<PenggunaTerkait?> CariAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aadObjectId);
        var table = await storage.PenggunaAsync(cancellationToken).ConfigureAwait(false);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.PenggunaPartition(aadObjectId), Baris, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return e.HasValue ? Dari(e.Value!) : null;
    }

    public async Task<PenggunaTerkait?> CariByNipAsync(string kodeKantor, Nip nip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kodeKantor);
        var table = await storage.PenggunaAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.PenggunaNipPartition(kodeKantor, nip)}");
        var calon = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            calon.Add(e);
        }

        foreach (var c in calon.OrderByDescending(c => c.GetDateTimeOffset("DikaitkanPada")))
        {
            var pengguna = await CariAsync(c.GetString("Aad"), cancellationToken).ConfigureAwait(false);
            if (pengguna is not null && TableKeys.Kantor(pengguna.KodeKantor) == TableKeys.Kantor(kodeKantor) && pengguna.Nip == nip)
            {
                return pengguna;
            }
        }

        return null;
    }

    public async Task SimpanAsync(PenggunaTerkait pengguna, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pengguna);
        var table = await storage.PenggunaAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.PenggunaPartition(pengguna.AadObjectId);

        // The index row first: it is only a hint until the user's entity says so.
        await table.UpsertEntityAsync(new TableEntity(TableKeys.PenggunaNipPartition(pengguna.KodeKantor, pengguna.Nip), TableKeys.PenggunaNipRow(pengguna.AadObjectId))
        {
            ["Aad"] = pengguna.AadObjectId, ["DikaitkanPada"] = pengguna.DikaitkanPada,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        var baru = new TableEntity(pk, Baris)
        {
            ["Aad"] = pengguna.AadObjectId, ["Kode"] = pengguna.KodeKantor, ["Nip"] = pengguna.Nip.Value, ["Email"] = pengguna.Email,
            ["DikaitkanPada"] = pengguna.DikaitkanPada.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var percobaan = 1; ; percobaan++)
        {
            var lama = await table.GetEntityIfExistsAsync<TableEntity>(pk, Baris, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (lama.HasValue)
                {
                    await table.UpdateEntityAsync(baru, lama.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    var dulu = Dari(lama.Value);
                    if (TableKeys.Kantor(dulu.KodeKantor) != TableKeys.Kantor(pengguna.KodeKantor) || dulu.Nip != pengguna.Nip)
                    {
                        // Best effort: a stale index row is harmless (CariByNipAsync checks it against the user's entity).
                        await table.DeleteEntityAsync(TableKeys.PenggunaNipPartition(dulu.KodeKantor, dulu.Nip), TableKeys.PenggunaNipRow(dulu.AadObjectId),
                            ETag.All, cancellationToken).ConfigureAwait(false);
                        await TablePercakapanStore.LepasAsync(storage, dulu, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await table.AddEntityAsync(baru, cancellationToken).ConfigureAwait(false);
                }

                break;
            }
            catch (RequestFailedException e) when ((e.Status is 409 or 412) && percobaan < MaksimalPercobaan)
            {
                // Another link of the same user landed in between: read it and write over it (last writer wins).
            }
        }

        // The office's reach index learns the link (and the state of the person's chat so far).
        await TablePercakapanStore.TautkanAsync(storage, pengguna, cancellationToken).ConfigureAwait(false);

        TableLog.PenggunaSaved(logger, pengguna.AadObjectId, pengguna.KodeKantor);
    }

    private static PenggunaTerkait Dari(TableEntity e) =>
        new(e.GetString("Aad"), e.GetString("Kode"), Nip.Parse(e.GetString("Nip")), e.GetString("Email"),
            DateTimeOffset.Parse(e.GetString("DikaitkanPada"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind));
}

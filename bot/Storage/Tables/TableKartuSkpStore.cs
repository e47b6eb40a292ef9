using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IKartuSkpStore"/> on Azure Tables: the cards of a contract in one partition (<c>kartu-skp|{KODE}|{yyyy}|{NIP}</c>,
/// row <c>{conversation}|{activity}</c>), so listing them is one partition query and keeping a person's newest
/// <see cref="IKartuSkpStore.BatasPerOrang"/> is a filtered query plus deletes inside it; and a pointer per card
/// (<c>kartu|{conversation}|{activity}</c>) naming its contract's partition, because "forget on 404" and "the same
/// message now shows another contract" know only the conversation and activity id. These rows are delivery
/// bookkeeping (see the port): a write interrupted between the pointer and the row leaves at worst a card that is not
/// updated in place, never a wrong decision; the contract's row is what <see cref="DaftarAsync"/> returns.
/// </summary>
public sealed class TableKartuSkpStore(TableStorage storage, ILogger<TableKartuSkpStore> logger) : IKartuSkpStore
{
    public async Task IngatAsync(KartuSkp kartu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kartu);
        ArgumentException.ThrowIfNullOrWhiteSpace(kartu.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kartu.ActivityId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kartu.AadObjectId);
        var table = await storage.KartuSkpAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.KartuKontrakPartition(kartu.Kunci);
        var rk = TableKeys.KartuRow(kartu.ConversationId, kartu.ActivityId);
        var pointerPk = TableKeys.KartuPointerPartition(kartu.ConversationId, kartu.ActivityId);

        // The same message remembered before under another contract leaves that contract.
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pointerPk, TableKeys.KartuPointerRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        string? userIdLama = null;
        if (pointer.HasValue && pointer.Value!.GetString("Partisi") is { } lamaPk)
        {
            var lama = await table.GetEntityIfExistsAsync<TableEntity>(lamaPk, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
            userIdLama = lama.HasValue ? lama.Value!.GetString("UserId") : null;
            if (lamaPk != pk && lama.HasValue)
            {
                await HapusAsync(table, lamaPk, rk, cancellationToken).ConfigureAwait(false);
            }
        }

        await table.UpsertEntityAsync(new TableEntity(pointerPk, TableKeys.KartuPointerRow) { ["Partisi"] = pk }, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
        var aad = kartu.AadObjectId.Trim().ToLowerInvariant();
        var baris = new TableEntity(pk, rk)
        {
            ["ConversationId"] = kartu.ConversationId, ["ActivityId"] = kartu.ActivityId, ["Aad"] = aad,
            ["ServiceUrl"] = kartu.ServiceUrl, ["DiingatPada"] = TableKeys.Waktu(kartu.DiingatPada),
        };
        if ((kartu.UserId ?? userIdLama) is { } userId)
        {
            baris["UserId"] = userId;
        }

        await table.UpsertEntityAsync(baris, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        // Keep the person's newest cards of this contract only (same order as SQLite: time, then the later write).
        var milikOrang = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and Aad eq {aad}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            milikOrang.Add(e);
        }

        var dibuang = milikOrang
            .OrderByDescending(e => e.RowKey == rk ? 1 : 0)
            .ThenByDescending(e => e.GetString("DiingatPada"), StringComparer.Ordinal)
            .ThenByDescending(e => e.Timestamp)
            .Skip(IKartuSkpStore.BatasPerOrang)
            .ToList();
        foreach (var e in dibuang)
        {
            await HapusAsync(table, pk, e.RowKey, cancellationToken).ConfigureAwait(false);
            await HapusAsync(table, TableKeys.KartuPointerPartition(e.GetString("ConversationId"), e.GetString("ActivityId")), TableKeys.KartuPointerRow,
                cancellationToken).ConfigureAwait(false);
        }

        TableLog.KartuSaved(logger, kartu.ActivityId, kartu.Kunci.KodeKantor, kartu.Kunci.Tahun, kartu.Kunci.Pemilik.Value, dibuang.Count);
    }

    public async Task<IReadOnlyList<KartuSkp>> DaftarAsync(KunciSkp kunci, CancellationToken cancellationToken)
    {
        var table = await storage.KartuSkpAsync(cancellationToken).ConfigureAwait(false);
        var hasil = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.KartuKontrakPartition(kunci)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(e);
        }

        return [.. hasil
            .OrderBy(e => e.GetString("DiingatPada"), StringComparer.Ordinal)
            .ThenBy(e => e.Timestamp)
            .Select(e => new KartuSkp(kunci, e.GetString("Aad"), e.GetString("UserId"), e.GetString("ServiceUrl"), e.GetString("ConversationId"),
                e.GetString("ActivityId"), TableKeys.Waktu(e.GetString("DiingatPada"))!.Value))];
    }

    public async Task<bool> LupakanAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var table = await storage.KartuSkpAsync(cancellationToken).ConfigureAwait(false);
        var pointerPk = TableKeys.KartuPointerPartition(conversationId, activityId);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pointerPk, TableKeys.KartuPointerRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!pointer.HasValue)
        {
            return false;
        }

        var dihapus = await HapusAsync(table, pointer.Value!.GetString("Partisi"), TableKeys.KartuRow(conversationId, activityId), cancellationToken)
            .ConfigureAwait(false);
        await HapusAsync(table, pointerPk, TableKeys.KartuPointerRow, cancellationToken).ConfigureAwait(false);
        return dihapus;
    }

    /// <summary>Deletes one entity; false when it was not there.</summary>
    private static async Task<bool> HapusAsync(TableClient table, string pk, string rk, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(pk, rk, ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}

using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace KinerjaBot.Storage.Tables;

/// <summary>What a garbage collection found and removed.</summary>
/// <param name="PartisiDiperiksa">Generation partitions (<c>org|…</c>, <c>tahun|…</c>) seen.</param>
/// <param name="PartisiDihapus">Superseded partitions removed (or, on a dry run, that would be).</param>
/// <param name="EntitasDihapus">Entities of those partitions.</param>
/// <param name="EmailDihapus">E-mail index rows that no committed person claims any more.</param>
/// <param name="TerlaluBaru">Unreferenced partitions kept because they may belong to a save in progress.</param>
public sealed record HasilGc(int PartisiDiperiksa, int PartisiDihapus, int EntitasDihapus, int EmailDihapus, int TerlaluBaru);

/// <summary>
/// Removes what <see cref="TableKantorStore"/> leaves behind when a save fails before its commit or its clean-up fails
/// (docs/storage.md "Garbage"): generation partitions that no office head names, and e-mail index rows no committed
/// person claims. A partition younger than <c>umurMinimal</c> (its generation id starts with its UTC creation time) is
/// kept: it may be a save in progress whose head is not committed yet. Heads are read before and after the scan, and
/// a generation named by either read is kept. Safe to re-run; a second run finds nothing.
/// </summary>
public sealed class TableGc(TableStorage storage, TimeProvider time, ILogger<TableGc> logger)
{
    private const int BatasTransaksi = 100;

    public async Task<HasilGc> KumpulkanAsync(TimeSpan umurMinimal, bool cobaSaja, CancellationToken cancellationToken)
    {
        var table = await storage.KantorAsync(cancellationToken).ConfigureAwait(false);
        var batas = time.GetUtcNow() - umurMinimal;
        var dipakai = await DipakaiAsync(table, cancellationToken).ConfigureAwait(false);

        // Every generation partition with its row keys (and the people's e-mails), one range scan per kind.
        var partisi = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        foreach (var (dari, sampai) in new[] { ("org|", "org}"), ("tahun|", "tahun}") })
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {dari} and PartitionKey lt {sampai}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Email"], cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                (partisi.TryGetValue(e.PartitionKey, out var l) ? l : partisi[e.PartitionKey] = []).Add(e);
            }
        }

        dipakai.UnionWith(await DipakaiAsync(table, cancellationToken).ConfigureAwait(false));
        int dihapus = 0, entitas = 0, terlaluBaru = 0;
        var emailHidup = new HashSet<(string Email, string Baris)>();
        foreach (var (pk, baris) in partisi)
        {
            if (dipakai.Contains(pk))
            {
                foreach (var p in baris.Where(b => b.RowKey.StartsWith("pegawai|", StringComparison.Ordinal)))
                {
                    // pk = org|{KODE}|{gen}; the index row of a person is {KODE}|{NIP} in partition email|{e-mail}.
                    var kode = pk.Split('|')[1];
                    emailHidup.Add((TableKeys.EmailPartition(p.GetString("Email")), kode + "|" + p.RowKey["pegawai|".Length..]));
                }

                continue;
            }

            if (!LebihTua(pk, batas))
            {
                terlaluBaru++;
                continue;
            }

            dihapus++;
            entitas += baris.Count;
            if (!cobaSaja)
            {
                foreach (var potongan in baris.Chunk(BatasTransaksi))
                {
                    await table.SubmitTransactionAsync(potongan.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)).ToList(),
                        cancellationToken).ConfigureAwait(false);
                }
            }

            TableKontrakLog.GcPartition(logger, pk, baris.Count, cobaSaja);
        }

        // E-mail index rows are hints written before a commit: only rows older than the grace period are judged.
        var email = 0;
        var filterEmail = TableClient.CreateQueryFilter($"PartitionKey ge {"email|"} and PartitionKey lt {"email}"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filterEmail, select: ["PartitionKey", "RowKey", "Timestamp"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            if (emailHidup.Contains((e.PartitionKey, e.RowKey)) || e.Timestamp is not { } ditulis || ditulis > batas)
            {
                continue;
            }

            email++;
            if (!cobaSaja)
            {
                await table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }

        var hasil = new HasilGc(partisi.Count, dihapus, entitas, email, terlaluBaru);
        TableKontrakLog.GcDone(logger, hasil.PartisiDiperiksa, hasil.PartisiDihapus, hasil.EntitasDihapus, hasil.EmailDihapus, hasil.TerlaluBaru, cobaSaja);
        return hasil;
    }

    /// <summary>The partitions every office head names now: its organisation and each of its years.</summary>
    private static async Task<HashSet<string>> DipakaiAsync(TableClient table, CancellationToken cancellationToken)
    {
        var hasil = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"kantor|"} and PartitionKey lt {"kantor}"} and RowKey eq {TableKeys.Head}");
        await foreach (var head in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var kode = head.GetString("Kode");
            hasil.Add(TableKeys.OrganisasiPartition(kode, head.GetString("Org")));
            foreach (var bagian in (head.GetString("Tahun") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var sama = bagian.IndexOf('=', StringComparison.Ordinal);
                hasil.Add(TableKeys.TahunPartition(kode, int.Parse(bagian[..sama], CultureInfo.InvariantCulture), bagian[(sama + 1)..]));
            }
        }

        return hasil;
    }

    /// <summary>A generation id starts with its UTC creation time (<c>yyyyMMddHHmmssfff</c>, <see cref="TableKeys.Generasi"/>).</summary>
    private static bool LebihTua(string pk, DateTimeOffset batas)
    {
        var generasi = pk[(pk.LastIndexOf('|') + 1)..];
        return generasi.Length >= 17
               && DateTime.TryParseExact(generasi[..17], "yyyyMMddHHmmssfff", CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dibuat)
               && new DateTimeOffset(dibuat, TimeSpan.Zero) < batas;
    }
}

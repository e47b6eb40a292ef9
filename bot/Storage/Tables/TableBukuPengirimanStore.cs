using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IBukuPengirimanStore"/> on Azure Tables, table <c>{prefix}Pengiriman</c> (docs/storage.md): one partition
/// per office, kind and period (<see cref="TableKeys.PengirimanPartition"/>), one entity per recipient (row key = NIP).
/// A fan-out of one office writes hundreds to a few thousand rows of one partition (well under a partition's
/// 2,000 entities/s), and a ministry-wide run of 80,000 people spreads over the offices' partitions. Every change is a
/// replace with <c>If-Match</c> on the ETag of the version it was made from; adding is an insert (409 = already there).
/// <para>
/// Open deliveries: the partition <see cref="TableKeys.PengirimanTerbukaPartition"/> holds one row per ledger partition
/// that may hold a planned delivery, written <i>before</i> a row becomes planned (added, snoozed, retried), refreshed
/// at most every <see cref="Segar"/> per partition and process. The recovery job reads that index and then only the
/// listed partitions (server-side filter on the status), so its cost grows with the partitions that have open
/// deliveries, never with the rows the ledger has kept. An index row whose partition has nothing planned any more and
/// that nobody refreshed for <see cref="Basi"/> is removed by the scan itself (with <c>If-Match</c>: a writer that
/// refreshed it in between keeps it).
/// </para>
/// </summary>
public sealed class TableBukuPengirimanStore(TableStorage storage, TimeProvider time) : IBukuPengirimanStore
{
    /// <summary>How long an index row of a partition with nothing open survives (longer than any writer's read-then-write).</summary>
    internal static readonly TimeSpan Basi = TimeSpan.FromMinutes(10);

    /// <summary>How often a process refreshes the index row of a partition it plans into (half of <see cref="Basi"/>).</summary>
    internal static readonly TimeSpan Segar = TimeSpan.FromMinutes(5);

    private const string NamaTabel = "Pengiriman";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _terbukaDitulis = new(StringComparer.Ordinal);

    public async Task<bool> TambahAsync(CatatanPengiriman catatan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catatan);
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        var entitas = Entitas(catatan);
        if (catatan.Status == StatusPengiriman.Direncanakan)
        {
            await TandaiTerbukaAsync(table, catatan.Kunci, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await table.AddEntityAsync(entitas, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<CatatanPengiriman?> CariAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        var e = await CariEntitasAsync(kunci, cancellationToken).ConfigureAwait(false);
        return e is null ? null : Baca(e);
    }

    public async Task<bool> GantiAsync(CatatanPengiriman baru, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baru);
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        // The ETag of the version this change was made from: read it, compare the version, replace on that ETag. A
        // writer in between changes the ETag, and the replace then fails with 412.
        var lama = await CariEntitasAsync(baru.Kunci, cancellationToken).ConfigureAwait(false);
        if (lama is null || lama.GetInt64("Versi") != baru.Versi - 1)
        {
            return false;
        }

        var entitas = Entitas(baru);
        if (baru.Status == StatusPengiriman.Direncanakan)
        {
            // Before the row can be planned, its partition is in the index: the recovery scan never misses it.
            await TandaiTerbukaAsync(table, baru.Kunci, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await table.UpdateEntityAsync(entitas, lama.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<HalamanPengiriman> DaftarAsync(string kodeKantor, string jenis, string kurun, StatusPengiriman? status, string? lanjutan, int ukuran,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ukuran, 1);
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.PengirimanPartition(kodeKantor, jenis, kurun);
        var setelah = lanjutan ?? "";
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey gt {setelah} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey gt {setelah}");
        var hasil = new List<CatatanPengiriman>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, ukuran + 1), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(Baca(e));
            if (hasil.Count > ukuran)
            {
                break;
            }
        }

        return hasil.Count > ukuran
            ? new HalamanPengiriman(hasil[..ukuran], hasil[ukuran - 1].Kunci.Penerima.Value)
            : new HalamanPengiriman(hasil, null);
    }

    public async Task<IReadOnlyList<RingkasanPengiriman>> RingkasAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        // One range query over the office's partitions ('}' follows '|'), only the columns the counts need.
        var dari = TableKeys.PengirimanKantorPrefix(kodeKantor);
        var sampai = TableKeys.PengirimanKantorAkhir(kodeKantor);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {dari} and PartitionKey lt {sampai}");
        var per = new Dictionary<(string, string), SqliteBukuPengirimanStore.Akumulasi>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Jenis", "Kurun", "Status", "MungkinTerkirim", "MulaiKirimPada", "DiperbaruiPada"],
                           cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var kunci = (e.GetString("Jenis"), e.GetString("Kurun"));
            if (!per.TryGetValue(kunci, out var a))
            {
                per[kunci] = a = new SqliteBukuPengirimanStore.Akumulasi();
            }

            a.Tambah(Enum.Parse<StatusPengiriman>(e.GetString("Status")), 1, e.GetBoolean("MungkinTerkirim") == true ? 1 : 0,
                e.GetString("MulaiKirimPada") is null ? 0 : 1, TableKeys.Waktu(e.GetString("DiperbaruiPada"))!.Value);
        }

        return [.. per.Select(p => p.Value.Ringkasan(kodeKantor.Trim().ToUpperInvariant(), p.Key.Item1, p.Key.Item2))
            .OrderByDescending(x => x.TerakhirDiperbarui).ThenBy(x => x.Jenis, StringComparer.Ordinal).ThenBy(x => x.Kurun, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CatatanPengiriman>> DaftarTerbukaAsync(DateTimeOffset sampai, int batas, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batas, 1);
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        var sekarang = time.GetUtcNow();
        // One query for the index, then one filtered query per listed partition: bounded by the partitions with open
        // deliveries, not by the ledger's size (docs/storage.md "Pengiriman").
        var indeks = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.PengirimanTerbukaPartition}"),
                           cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            indeks.Add(e);
        }

        var hasil = new List<CatatanPengiriman>();
        foreach (var i in indeks)
        {
            var adaTerbuka = false;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {i.RowKey} and Status eq {nameof(StatusPengiriman.Direncanakan)}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                adaTerbuka = true;
                var c = Baca(e);
                if (c.KirimSetelah <= sampai)
                {
                    hasil.Add(c);
                }
            }

            if (!adaTerbuka && TableKeys.Waktu(i.GetString("DitulisPada")) is { } ditulis && sekarang - ditulis >= Basi)
            {
                await HapusIndeksAsync(table, i, cancellationToken).ConfigureAwait(false);
            }

            if (hasil.Count >= batas)
            {
                break;
            }
        }

        return [.. hasil.OrderBy(x => x.KirimSetelah).Take(batas)];
    }

    /// <summary>The index row of a partition (see the class remarks): written when this process has not written it for <see cref="Segar"/>.</summary>
    private async Task TandaiTerbukaAsync(TableClient table, KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        var pk = TableKeys.PengirimanPartition(kunci.KodeKantor, kunci.Jenis, kunci.Kurun);
        var sekarang = time.GetUtcNow();
        if (_terbukaDitulis.TryGetValue(pk, out var terakhir) && sekarang - terakhir < Segar && sekarang >= terakhir)
        {
            return;
        }

        var e = new TableEntity(TableKeys.PengirimanTerbukaPartition, pk)
        {
            ["Kantor"] = TableKeys.KodeKantor(kunci.KodeKantor), ["Jenis"] = kunci.Jenis, ["Kurun"] = kunci.Kurun, ["DitulisPada"] = TableKeys.Waktu(sekarang),
        };
        await table.UpsertEntityAsync(e, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        _terbukaDitulis[pk] = sekarang;
    }

    private async Task HapusIndeksAsync(TableClient table, TableEntity indeks, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(indeks.PartitionKey, indeks.RowKey, indeks.ETag, cancellationToken).ConfigureAwait(false);
            _terbukaDitulis.TryRemove(indeks.RowKey, out _);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Refreshed by a writer in between (or removed by another instance's scan): kept as it is.
        }
    }

    private Task<TableClient> TabelAsync(CancellationToken cancellationToken) => storage.PengirimanAsync(cancellationToken);

    private async Task<TableEntity?> CariEntitasAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        var r = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.PengirimanPartition(kunci.KodeKantor, kunci.Jenis, kunci.Kurun), kunci.Penerima.Value,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return r.HasValue ? r.Value : null;
    }

    private static TableEntity Entitas(CatatanPengiriman c)
    {
        var e = new TableEntity(TableKeys.PengirimanPartition(c.Kunci.KodeKantor, c.Kunci.Jenis, c.Kunci.Kurun), c.Kunci.Penerima.Value)
        {
            ["Kantor"] = c.Kunci.KodeKantor.Trim().ToUpperInvariant(), ["Jenis"] = c.Kunci.Jenis, ["Kurun"] = c.Kunci.Kurun, ["Nip"] = c.Kunci.Penerima.Value,
            ["Status"] = c.Status.ToString(), ["KirimSetelah"] = TableKeys.Waktu(c.KirimSetelah), ["Versi"] = c.Versi,
            ["Percobaan"] = c.Percobaan, ["Ditunda"] = c.Ditunda, ["MungkinTerkirim"] = c.MungkinTerkirim,
            ["DibuatPada"] = TableKeys.Waktu(c.DibuatPada), ["DiperbaruiPada"] = TableKeys.Waktu(c.DiperbaruiPada),
        };
        Opsional(e, "MulaiKirimPada", c.MulaiKirimPada is { } m ? TableKeys.Waktu(m) : null);
        Opsional(e, "Pekerja", c.Pekerja);
        Opsional(e, "Alasan", c.Alasan?.ToString());
        Opsional(e, "Keterangan", c.Keterangan);
        Opsional(e, "ServiceUrl", c.ServiceUrl);
        Opsional(e, "ConversationId", c.ConversationId);
        Opsional(e, "ActivityId", c.ActivityId);
        TableUkuran.Periksa(NamaTabel, e);
        return e;
    }

    private static void Opsional(TableEntity e, string nama, string? nilai)
    {
        if (nilai is not null)
        {
            e[nama] = nilai;
        }
    }

    private static CatatanPengiriman Baca(TableEntity e) => new()
    {
        Kunci = new KunciPengiriman(e.GetString("Jenis"), e.GetString("Kurun"), e.GetString("Kantor"), Nip.Parse(e.GetString("Nip"))),
        Status = Enum.Parse<StatusPengiriman>(e.GetString("Status")),
        KirimSetelah = TableKeys.Waktu(e.GetString("KirimSetelah"))!.Value,
        Versi = e.GetInt64("Versi") ?? 0,
        Percobaan = e.GetInt32("Percobaan") ?? 0,
        Ditunda = e.GetInt32("Ditunda") ?? 0,
        MulaiKirimPada = TableKeys.Waktu(e.GetString("MulaiKirimPada")),
        Pekerja = e.GetString("Pekerja"),
        Alasan = e.GetString("Alasan") is { } a ? Enum.Parse<AlasanTidakTerjangkau>(a) : null,
        Keterangan = e.GetString("Keterangan"),
        MungkinTerkirim = e.GetBoolean("MungkinTerkirim") ?? false,
        ServiceUrl = e.GetString("ServiceUrl"),
        ConversationId = e.GetString("ConversationId"),
        ActivityId = e.GetString("ActivityId"),
        DibuatPada = TableKeys.Waktu(e.GetString("DibuatPada"))!.Value,
        DiperbaruiPada = TableKeys.Waktu(e.GetString("DiperbaruiPada"))!.Value,
    };
}

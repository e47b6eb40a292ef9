using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IBukuPengirimanStore"/> on Azure Tables, table <c>{prefix}Pengiriman</c> (docs/storage.md): one partition
/// per office, kind and period (<c>pengiriman|{KODE}|{jenis}|{kurun}</c>), one entity per recipient (row key = NIP).
/// A fan-out of one office writes hundreds to a few thousand rows of one partition (well under a partition's
/// 2,000 entities/s), and a ministry-wide run of 80,000 people spreads over the offices' partitions. Every change is a
/// replace with <c>If-Match</c> on the ETag of the version it was made from; adding is an insert (409 = already there).
/// </summary>
public sealed class TableBukuPengirimanStore(IOptions<StorageOptions> options) : IBukuPengirimanStore
{
    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var o = options.Value;
        var table = new TableServiceClient(o.TablesConnectionString).GetTableClient(o.TablesPrefix.Trim() + "Pengiriman");
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    });

    /// <summary>The partition of one office, kind and period.</summary>
    internal static string Partisi(string kodeKantor, string jenis, string kurun) => $"pengiriman|{TableKeys.Kantor(kodeKantor)}|{jenis}|{kurun}";

    public async Task<bool> TambahAsync(CatatanPengiriman catatan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catatan);
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(Entitas(catatan), cancellationToken).ConfigureAwait(false);
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

        try
        {
            await table.UpdateEntityAsync(Entitas(baru), lama.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
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
        var pk = Partisi(kodeKantor, jenis, kurun);
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
        var dari = $"pengiriman|{TableKeys.Kantor(kodeKantor)}|";
        var sampai = $"pengiriman|{TableKeys.Kantor(kodeKantor)}}}";
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

    public async Task<IReadOnlyList<KunciPengiriman>> DaftarTerbukaAsync(DateTimeOffset sampai, int batas, CancellationToken cancellationToken)
    {
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        // A filtered scan of the table: run by the recovery job every few minutes, not per message. (An index of open
        // deliveries by due hour would make it a partition query; see docs/pengiriman.md, "left".)
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(StatusPengiriman.Direncanakan)} and KirimSetelah le {TableKeys.Waktu(sampai)}");
        var hasil = new List<KunciPengiriman>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Jenis", "Kurun", "Kantor", "Nip"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            hasil.Add(new KunciPengiriman(e.GetString("Jenis"), e.GetString("Kurun"), e.GetString("Kantor"), Nip.Parse(e.GetString("Nip"))));
            if (hasil.Count >= batas)
            {
                break;
            }
        }

        return hasil;
    }

    private async Task<TableClient> TabelAsync(CancellationToken cancellationToken) => await _table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);

    private async Task<TableEntity?> CariEntitasAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        var table = await TabelAsync(cancellationToken).ConfigureAwait(false);
        var r = await table.GetEntityIfExistsAsync<TableEntity>(Partisi(kunci.KodeKantor, kunci.Jenis, kunci.Kurun), kunci.Penerima.Value,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return r.HasValue ? r.Value : null;
    }

    private static TableEntity Entitas(CatatanPengiriman c)
    {
        var e = new TableEntity(Partisi(c.Kunci.KodeKantor, c.Kunci.Jenis, c.Kunci.Kurun), c.Kunci.Penerima.Value)
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

using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IPercakapanStore"/> on Azure Tables: one entity per person (partition <c>percakapan|{aad}</c>, a point
/// read) holding the reference, the locale and the refusal, as SQLite's one row. SQLite decides "is the stored event
/// newer?" inside its upsert; here every write is read → compare the stored event time → replace with
/// <c>If-Match</c> on the ETag just read (insert when there was none). A writer that lost a race gets 412 (or 409 on
/// two inserts), reads the winner's entity and decides again, so the later event wins whichever writer runs last.
/// </summary>
public sealed class TablePercakapanStore(TableStorage storage, IKantorStore kantor, ILogger<TablePercakapanStore> logger) : IPercakapanStore, Salin.ISalinanPercakapan
{
    /// <inheritdoc />
    public async IAsyncEnumerable<string> SemuaAadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"percakapan|"} and PartitionKey lt {"percakapan}"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Aad"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return e.GetString("Aad");
        }
    }

    private const int MaksimalPercobaan = 10;

    public async Task<Percakapan?> CariAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        var table = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        return await BacaAsync(table, aadObjectId, cancellationToken).ConfigureAwait(false) is { } e ? Dari(e) : null;
    }

    public async Task<bool> SimpanReferensiAsync(ReferensiPercakapan referensi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referensi);
        ArgumentException.ThrowIfNullOrWhiteSpace(referensi.AadObjectId);
        var pada = TableKeys.Waktu(referensi.DiperbaruiPada);
        var disimpan = await TulisAsync(referensi.AadObjectId, e =>
        {
            if (Lebih(e, "DiperbaruiPada", pada))
            {
                return false;
            }

            // As SQLite: tenant, user and bot ids that the new reference does not know keep the ones we had.
            e["ServiceUrl"] = referensi.ServiceUrl;
            e["ConversationId"] = referensi.ConversationId;
            Set(e, "TenantId", referensi.TenantId ?? Teks(e, "TenantId"));
            Set(e, "UserId", referensi.UserId ?? Teks(e, "UserId"));
            Set(e, "BotId", referensi.BotId ?? Teks(e, "BotId"));
            e["ChannelId"] = referensi.ChannelId;
            e["DiperbaruiPada"] = pada;
            Set(e, "DihapusPada", referensi.DihapusPada is { } d ? TableKeys.Waktu(d) : null);

            // A live reference proves the person can be reached again: a refusal seen before it is cleared.
            if (referensi.DihapusPada is null && Teks(e, "TidakTerjangkauPada") is { } sejak && string.CompareOrdinal(sejak, pada) <= 0)
            {
                Set(e, "Alasan", null);
                Set(e, "KodeGalat", null);
                Set(e, "TidakTerjangkauPada", null);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);

        var aad = Aad(referensi.AadObjectId);
        if (disimpan)
        {
            TableLog.PercakapanSaved(logger, aad, referensi.Dihapus);
        }
        else
        {
            TableLog.PercakapanOlder(logger, aad, referensi.DiperbaruiPada);
        }

        return disimpan;
    }

    public Task<bool> SimpanLokalAsync(string aadObjectId, LokalPengguna lokal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        ArgumentNullException.ThrowIfNull(lokal);
        var pada = TableKeys.Waktu(lokal.DiperbaruiPada);
        return TulisAsync(aadObjectId, e =>
        {
            if (Lebih(e, "LokalDiperbaruiPada", pada))
            {
                return false;
            }

            // A client that reports only one of the two keeps the other one we know.
            Set(e, "Locale", lokal.Locale ?? Teks(e, "Locale"));
            Set(e, "ZonaWaktu", lokal.ZonaWaktu ?? Teks(e, "ZonaWaktu"));
            e["LokalDiperbaruiPada"] = pada;
            return true;
        }, cancellationToken);
    }

    public async Task<bool> TandaiTidakTerjangkauAsync(string aadObjectId, TidakTerjangkau tidakTerjangkau, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        ArgumentNullException.ThrowIfNull(tidakTerjangkau);
        var pada = TableKeys.Waktu(tidakTerjangkau.Pada);
        var disimpan = await TulisAsync(aadObjectId, e =>
        {
            // A refusal seen before the current reference was written is about a chat that has since been replaced.
            if (Lebih(e, "TidakTerjangkauPada", pada) || Lebih(e, "DiperbaruiPada", pada))
            {
                return false;
            }

            e["Alasan"] = tidakTerjangkau.Alasan.ToString();
            Set(e, "KodeGalat", tidakTerjangkau.KodeGalat);
            e["TidakTerjangkauPada"] = pada;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (disimpan)
        {
            TableLog.TidakTerjangkauSaved(logger, Aad(aadObjectId), tidakTerjangkau.Alasan, tidakTerjangkau.KodeGalat);
        }

        return disimpan;
    }

    public async Task<IReadOnlyList<PegawaiTidakTerjangkau>> DaftarTidakTerjangkauAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        var data = await kantor.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return [];
        }

        // Every link of the office in one range query over the "linked users of an employee" index partitions.
        var pengguna = await storage.PenggunaAsync(cancellationToken).ConfigureAwait(false);
        var awal = TableKeys.PenggunaNipKantorPrefix(kodeKantor);
        var akhir = awal[..^1] + "}";
        var calon = new Dictionary<string, List<(string Aad, DateTimeOffset Pada)>>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {awal} and PartitionKey lt {akhir}");
        await foreach (var e in pengguna.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var nip = e.PartitionKey[awal.Length..];
            if (!calon.TryGetValue(nip, out var daftar))
            {
                calon[nip] = daftar = [];
            }

            daftar.Add((e.GetString("Aad"), e.GetDateTimeOffset("DikaitkanPada") ?? DateTimeOffset.MinValue));
        }

        // The index is a hint: the newest link whose user entity still points at this (office, NIP) is the account.
        var percakapan = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        var kode = TableKeys.Kantor(kodeKantor);
        var per = await Task.WhenAll(data.Pegawai.Select(async p =>
        {
            string? aad = null;
            if (calon.TryGetValue(p.Nip.Value, out var daftar))
            {
                foreach (var (c, _) in daftar.OrderByDescending(d => d.Pada))
                {
                    var u = await pengguna.GetEntityIfExistsAsync<TableEntity>(TableKeys.PenggunaPartition(c), "pengguna", cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                    if (u.HasValue && TableKeys.Kantor(u.Value!.GetString("Kode")) == kode && u.Value.GetString("Nip") == p.Nip.Value)
                    {
                        aad = c;
                        break;
                    }
                }
            }

            if (aad is null)
            {
                return new PegawaiTidakTerjangkau(p.Nip, p.Nama, null, KeadaanJangkauan.BelumTerkait, null, null, null);
            }

            var e = await BacaAsync(percakapan, aad, cancellationToken).ConfigureAwait(false);
            if (e is not null && TableKeys.Waktu(Teks(e, "TidakTerjangkauPada")) is { } sejak)
            {
                return new PegawaiTidakTerjangkau(p.Nip, p.Nama, aad, KeadaanJangkauan.TidakTerjangkau, Alasan(Teks(e, "Alasan")), Teks(e, "KodeGalat"), sejak);
            }

            if (e is not null && TableKeys.Waktu(Teks(e, "DihapusPada")) is { } dihapus)
            {
                return new PegawaiTidakTerjangkau(p.Nip, p.Nama, aad, KeadaanJangkauan.AplikasiDihapus, null, null, dihapus);
            }

            return e is null || Teks(e, "ServiceUrl") is null
                ? new PegawaiTidakTerjangkau(p.Nip, p.Nama, aad, KeadaanJangkauan.BelumAdaPercakapan, null, null, null)
                : null;
        })).ConfigureAwait(false);

        return [.. per.OfType<PegawaiTidakTerjangkau>()];
    }

    /// <summary>
    /// Read → decide on a copy → replace with <c>If-Match</c> (insert when none); on 412/409 read the winner and decide
    /// again. <paramref name="ubah"/> returns false when the stored event is newer (nothing is written).
    /// </summary>
    private async Task<bool> TulisAsync(string aadObjectId, Func<TableEntity, bool> ubah, CancellationToken cancellationToken)
    {
        var table = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        var aad = Aad(aadObjectId);
        for (var percobaan = 1; ; percobaan++)
        {
            var lama = await BacaAsync(table, aadObjectId, cancellationToken).ConfigureAwait(false);
            var baru = new TableEntity(TableKeys.PercakapanPartition(aadObjectId), TableKeys.PercakapanRow) { ["Aad"] = aad };
            if (lama is not null)
            {
                foreach (var (k, v) in lama)
                {
                    if (k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") && v is not null)
                    {
                        baru[k] = v;
                    }
                }
            }

            if (!ubah(baru))
            {
                return false;
            }

            try
            {
                if (lama is null)
                {
                    await table.AddEntityAsync(baru, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(baru, lama.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                TableLog.PercakapanConflict(logger, aad, percobaan, e.Status);
                if (percobaan >= MaksimalPercobaan)
                {
                    throw new InvalidOperationException($"Percakapan {aad} terus diubah penulis lain; gagal menyimpan setelah {percobaan} percobaan.", e);
                }
            }
        }
    }

    private static async Task<TableEntity?> BacaAsync(TableClient table, string aadObjectId, CancellationToken cancellationToken)
    {
        var e = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.PercakapanPartition(aadObjectId), TableKeys.PercakapanRow,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return e.HasValue ? e.Value : null;
    }

    private static Percakapan Dari(TableEntity e)
    {
        var aad = e.GetString("Aad");
        ReferensiPercakapan? referensi = null;
        if (Teks(e, "ServiceUrl") is { } serviceUrl && Teks(e, "ConversationId") is { } conversationId && Teks(e, "ChannelId") is { } channelId
            && TableKeys.Waktu(Teks(e, "DiperbaruiPada")) is { } diperbarui)
        {
            referensi = new ReferensiPercakapan(aad, serviceUrl, conversationId, Teks(e, "TenantId"), Teks(e, "UserId"), Teks(e, "BotId"), channelId,
                diperbarui, TableKeys.Waktu(Teks(e, "DihapusPada")));
        }

        var lokal = TableKeys.Waktu(Teks(e, "LokalDiperbaruiPada")) is { } lokalPada ? new LokalPengguna(Teks(e, "Locale"), Teks(e, "ZonaWaktu"), lokalPada) : null;
        var tidakTerjangkau = TableKeys.Waktu(Teks(e, "TidakTerjangkauPada")) is { } sejak
            ? new TidakTerjangkau(Alasan(Teks(e, "Alasan")), Teks(e, "KodeGalat"), sejak)
            : null;
        return new Percakapan(aad, referensi, lokal, tidakTerjangkau);
    }

    private static string Aad(string aadObjectId) => aadObjectId.Trim().ToLowerInvariant();

    /// <summary>True when the stored time of <paramref name="kolom"/> is later than <paramref name="pada"/> (equal times: the later write wins).</summary>
    private static bool Lebih(TableEntity e, string kolom, string pada) => Teks(e, kolom) is { } tersimpan && string.CompareOrdinal(tersimpan, pada) > 0;

    private static string? Teks(TableEntity e, string kolom) => e.TryGetValue(kolom, out var v) ? v as string : null;

    /// <summary>A null value removes the property (a replace writes only what the entity holds).</summary>
    private static void Set(TableEntity e, string kolom, string? nilai)
    {
        if (nilai is null)
        {
            e.Remove(kolom);
        }
        else
        {
            e[kolom] = nilai;
        }
    }

    /// <summary>A reason written by a newer build that this one does not know reads as <see cref="AlasanTidakTerjangkau.Lainnya"/>.</summary>
    private static AlasanTidakTerjangkau Alasan(string? teks) =>
        Enum.TryParse<AlasanTidakTerjangkau>(teks, ignoreCase: false, out var alasan) && Enum.IsDefined(alasan) ? alasan : AlasanTidakTerjangkau.Lainnya;
}

using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IPercakapanStore"/> on Azure Tables: one entity per person (partition <c>percakapan|{aad}</c>, a point
/// read) holding the reference, the locale and the refusal, as SQLite's one row. SQLite decides "is the stored event
/// newer?" inside its upsert; here every write is read → compare the stored event time → replace with
/// <c>If-Match</c> on the ETag just read (insert when there was none). A writer that lost a race gets 412 (or 409 on
/// two inserts), reads the winner's entity and decides again, so the later event wins whichever writer runs last.
/// </summary>
/// <remarks>
/// The coordinators' reach list reads an office-wide index (<see cref="TableKeys.JangkauanPartition"/>: one row per
/// employee with the linked account and its conversation's state), written after the truth whenever the state changes
/// (a new, removed or refused chat; not on every turn's refresh) and with every link. Each person's entity counts its
/// writes (<c>Tulis</c>); an index row keeps the count of the state it shows and is replaced only by a higher one, so
/// writers racing in any order leave the newest state. See docs/storage.md.
/// </remarks>
public sealed class TablePercakapanStore(TableStorage storage, ILogger<TablePercakapanStore> logger) : IPercakapanStore, Salin.ISalinanPercakapan
{
    /// <inheritdoc />
    public async IAsyncEnumerable<string> SemuaAadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        // The people's entities only, not the link pointers beside them.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"percakapan|"} and PartitionKey lt {"percakapan}"} and RowKey eq {TableKeys.PercakapanRow}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Aad"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return e.GetString("Aad");
        }
    }

    private const int MaksimalPercobaan = 10;

    /// <summary>At most this many people are read at once when the reach index must be checked against the truth.</summary>
    private const int BacaSerentak = 16;

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
        // The people only (head, organisation, head again): no year of contracts is read.
        var data = await TableKantorStore.MuatOrganisasiAsync(storage, kodeKantor, logger, cancellationToken).ConfigureAwait(false);
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
        await foreach (var e in pengguna.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "Aad", "DikaitkanPada"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var nip = e.PartitionKey[awal.Length..];
            if (!calon.TryGetValue(nip, out var daftar))
            {
                calon[nip] = daftar = [];
            }

            daftar.Add((e.GetString("Aad"), e.GetDateTimeOffset("DikaitkanPada") ?? DateTimeOffset.MinValue));
        }

        // The office's reach index: one partition query.
        var percakapan = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        var indeks = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.JangkauanPartition(kodeKantor)}");
        await foreach (var e in percakapan.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            indeks[e.RowKey] = e;
        }

        // An index row stands when it names the newest link of the employee (account and link time). Otherwise (a
        // link or a state written before the index existed, a writer that failed between the truth and the index, a
        // stale link row left by a re-link) the person is read from the truth, as before the index, and the row repaired.
        var hasil = new PegawaiTidakTerjangkau?[data.Pegawai.Count];
        var periksa = new List<(int Indeks, Pegawai Pegawai, List<(string Aad, DateTimeOffset Pada)> Calon)>();
        for (var i = 0; i < data.Pegawai.Count; i++)
        {
            var p = data.Pegawai[i];
            if (!calon.TryGetValue(p.Nip.Value, out var daftar))
            {
                hasil[i] = new PegawaiTidakTerjangkau(p.Nip, p.Nama, null, KeadaanJangkauan.BelumTerkait, null, null, null);
                continue;
            }

            var terbaru = daftar.MaxBy(d => d.Pada);
            if (indeks.TryGetValue(TableKeys.JangkauanRow(p.Nip), out var baris) && baris.GetString("Aad") == terbaru.Aad
                && baris.GetDateTimeOffset("DikaitkanPada") == terbaru.Pada)
            {
                hasil[i] = Jangkauan(p, terbaru.Aad, KeadaanDari(baris));
            }
            else
            {
                periksa.Add((i, p, daftar));
            }
        }

        var kode = TableKeys.Kantor(kodeKantor);
        await Parallel.ForEachAsync(periksa, new ParallelOptions { MaxDegreeOfParallelism = BacaSerentak, CancellationToken = cancellationToken },
            async (x, ct) =>
            {
                // The index is a hint: the newest link whose user entity still points at this (office, NIP) is the account.
                foreach (var (c, pada) in x.Calon.OrderByDescending(d => d.Pada))
                {
                    var u = await pengguna.GetEntityIfExistsAsync<TableEntity>(TableKeys.PenggunaPartition(c), "pengguna", cancellationToken: ct).ConfigureAwait(false);
                    if (u.HasValue && TableKeys.Kantor(u.Value!.GetString("Kode")) == kode && u.Value.GetString("Nip") == x.Pegawai.Nip.Value)
                    {
                        var e = await BacaAsync(percakapan, c, ct).ConfigureAwait(false);
                        var keadaan = KeadaanDari(e);
                        await TulisJangkauanAsync(percakapan, kodeKantor, x.Pegawai.Nip, c, pada, JumlahTulis(e), keadaan, ct).ConfigureAwait(false);
                        hasil[x.Indeks] = Jangkauan(x.Pegawai, c, keadaan);
                        return;
                    }
                }

                hasil[x.Indeks] = new PegawaiTidakTerjangkau(x.Pegawai.Nip, x.Pegawai.Nama, null, KeadaanJangkauan.BelumTerkait, null, null, null);
            }).ConfigureAwait(false);

        return [.. hasil.OfType<PegawaiTidakTerjangkau>()];
    }

    /// <summary>
    /// With a link (<see cref="TablePenggunaStore.SimpanAsync"/>, after the user's entity is written): the pointer
    /// "this account is that employee" beside the person's conversation entity, then the office's reach index row from
    /// the conversation entity read after the pointer — so a state change that lands meanwhile either is read here or
    /// finds the pointer and writes the row itself.
    /// </summary>
    internal static async Task TautkanAsync(TableStorage storage, PenggunaTerkait pengguna, CancellationToken cancellationToken)
    {
        var percakapan = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        await percakapan.UpsertEntityAsync(new TableEntity(TableKeys.PercakapanPartition(pengguna.AadObjectId), TableKeys.PercakapanTautanRow)
        {
            ["Aad"] = pengguna.AadObjectId, ["Kode"] = pengguna.KodeKantor, ["Nip"] = pengguna.Nip.Value, ["DikaitkanPada"] = pengguna.DikaitkanPada,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        var e = await BacaAsync(percakapan, pengguna.AadObjectId, cancellationToken).ConfigureAwait(false);
        await TulisJangkauanAsync(percakapan, pengguna.KodeKantor, pengguna.Nip, pengguna.AadObjectId, pengguna.DikaitkanPada, JumlahTulis(e), KeadaanDari(e),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// With a re-link elsewhere: the reach index row of the employee the account left, when it still names the account
    /// (compare-and-set on its ETag; a row another link took over meanwhile is left). Best effort, like the removal of
    /// the "linked users of an employee" row beside it: a row left behind no longer matches that index and is read from
    /// the truth instead.
    /// </summary>
    internal static async Task LepasAsync(TableStorage storage, PenggunaTerkait dulu, CancellationToken cancellationToken)
    {
        var percakapan = await storage.PercakapanAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.JangkauanPartition(dulu.KodeKantor);
        var rk = TableKeys.JangkauanRow(dulu.Nip);
        try
        {
            var ada = await percakapan.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (ada.HasValue && ada.Value!.GetString("Aad") == dulu.AadObjectId)
            {
                await percakapan.DeleteEntityAsync(pk, rk, ada.Value.ETag, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or another link wrote it meanwhile: theirs stands.
        }
    }

    /// <summary>
    /// Writes an office's reach index row, compare-and-set on its ETag: a newer link replaces the row whole; for the
    /// same account the newer link time and the state of the higher write count win; an older link or an older state
    /// changes nothing. On 412/409 the row is read again and the decision made again.
    /// </summary>
    private static async Task TulisJangkauanAsync(TableClient table, string kodeKantor, Nip nip, string aad, DateTimeOffset dikaitkanPada,
        long tulis, KeadaanPercakapan keadaan, CancellationToken cancellationToken)
    {
        var pk = TableKeys.JangkauanPartition(kodeKantor);
        var rk = TableKeys.JangkauanRow(nip);
        for (var percobaan = 1; ; percobaan++)
        {
            var ada = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
            var lama = ada.HasValue ? ada.Value : null;
            var (pada, jumlah, isi) = (dikaitkanPada, tulis, keadaan);
            if (lama is not null)
            {
                var padaLama = lama.GetDateTimeOffset("DikaitkanPada") ?? DateTimeOffset.MinValue;
                var tulisLama = lama.GetInt64("Tulis") ?? 0;
                if (lama.GetString("Aad") != aad)
                {
                    if (padaLama > dikaitkanPada)
                    {
                        return;
                    }
                }
                else
                {
                    pada = padaLama > dikaitkanPada ? padaLama : dikaitkanPada;
                    (jumlah, isi) = tulisLama >= tulis ? (tulisLama, KeadaanDari(lama)) : (tulis, keadaan);
                    if (pada == padaLama && jumlah == tulisLama)
                    {
                        return;
                    }
                }
            }

            var baru = new TableEntity(pk, rk) { ["Aad"] = aad, ["DikaitkanPada"] = pada, ["Tulis"] = jumlah, ["AdaReferensi"] = isi.AdaReferensi };
            Set(baru, "DihapusPada", isi.DihapusPada);
            Set(baru, "Alasan", isi.Alasan);
            Set(baru, "KodeGalat", isi.KodeGalat);
            Set(baru, "TidakTerjangkauPada", isi.TidakTerjangkauPada);
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

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                if (percobaan >= MaksimalPercobaan)
                {
                    throw new InvalidOperationException($"Indeks jangkauan {pk}/{rk} terus diubah penulis lain; gagal menyimpan setelah {percobaan} percobaan.", e);
                }
            }
        }
    }

    /// <summary>
    /// After a write changed the state of a person's conversation: the office's reach index row, through the link
    /// pointer (read after the write, see <see cref="TautkanAsync"/>). No pointer: the account is not linked, no row.
    /// </summary>
    private static async Task IndeksAsync(TableClient table, string aadObjectId, long tulis, KeadaanPercakapan keadaan, CancellationToken cancellationToken)
    {
        var tautan = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.PercakapanPartition(aadObjectId), TableKeys.PercakapanTautanRow,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!tautan.HasValue)
        {
            return;
        }

        var t = tautan.Value!;
        await TulisJangkauanAsync(table, t.GetString("Kode"), Nip.Parse(t.GetString("Nip")), t.GetString("Aad"),
            t.GetDateTimeOffset("DikaitkanPada") ?? DateTimeOffset.MinValue, tulis, keadaan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the reach list shows of a person's conversation (entity or index row: the same property names).</summary>
    private sealed record KeadaanPercakapan(bool AdaReferensi, string? DihapusPada, string? Alasan, string? KodeGalat, string? TidakTerjangkauPada);

    private static KeadaanPercakapan KeadaanDari(TableEntity? e) => e is null
        ? new KeadaanPercakapan(false, null, null, null, null)
        : new KeadaanPercakapan(e.GetBoolean("AdaReferensi") ?? Teks(e, "ServiceUrl") is not null, Teks(e, "DihapusPada"), Teks(e, "Alasan"), Teks(e, "KodeGalat"),
            Teks(e, "TidakTerjangkauPada"));

    private static long JumlahTulis(TableEntity? e) => e?.GetInt64("Tulis") ?? 0;

    /// <summary>The reach list's line of a linked employee, or null when the bot can write to them.</summary>
    private static PegawaiTidakTerjangkau? Jangkauan(Pegawai p, string aad, KeadaanPercakapan k)
    {
        if (TableKeys.Waktu(k.TidakTerjangkauPada) is { } sejak)
        {
            return new PegawaiTidakTerjangkau(p.Nip, p.Nama, aad, KeadaanJangkauan.TidakTerjangkau, Alasan(k.Alasan), k.KodeGalat, sejak);
        }

        if (TableKeys.Waktu(k.DihapusPada) is { } dihapus)
        {
            return new PegawaiTidakTerjangkau(p.Nip, p.Nama, aad, KeadaanJangkauan.AplikasiDihapus, null, null, dihapus);
        }

        return k.AdaReferensi ? null : new PegawaiTidakTerjangkau(p.Nip, p.Nama, aad, KeadaanJangkauan.BelumAdaPercakapan, null, null, null);
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

            // Every write counts: the reach index keeps the count of the state it shows (newest state wins there too).
            var tulis = JumlahTulis(lama) + 1;
            baru["Tulis"] = tulis;
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
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                TableLog.PercakapanConflict(logger, aad, percobaan, e.Status);
                if (percobaan >= MaksimalPercobaan)
                {
                    throw new InvalidOperationException($"Percakapan {aad} terus diubah penulis lain; gagal menyimpan setelah {percobaan} percobaan.", e);
                }

                continue;
            }

            // A turn's refresh of a live reference leaves the state as it was: no index write, no extra request.
            var keadaan = KeadaanDari(baru);
            if (keadaan != KeadaanDari(lama))
            {
                await IndeksAsync(table, aadObjectId, tulis, keadaan, cancellationToken).ConfigureAwait(false);
            }

            return true;
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

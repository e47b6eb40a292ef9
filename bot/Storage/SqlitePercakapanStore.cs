using System.Globalization;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>
/// <see cref="IPercakapanStore"/> on SQLite: one row per person in <c>percakapan</c> (schema version 2). Each write
/// is a single upsert whose <c>WHERE</c> compares the stored event time with the new one, so two writers racing
/// (a message arriving while a job installs the app) cannot interleave a read and a write: the later event wins,
/// whichever statement runs last. No version column is needed because nothing is read before it is written.
/// </summary>
public sealed partial class SqlitePercakapanStore(SqliteDatabase database, ILogger<SqlitePercakapanStore> logger) : IPercakapanStore, Salin.ISalinanPercakapan
{
    /// <inheritdoc />
    public async IAsyncEnumerable<string> SemuaAadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT aad_object_id FROM percakapan ORDER BY aad_object_id;";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return r.GetString(0);
        }
    }

    public async Task<Percakapan?> CariAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT aad_object_id, service_url, conversation_id, tenant_id, user_id, bot_id, channel_id, diperbarui_pada, dihapus_pada,
                   locale, zona_waktu, lokal_diperbarui_pada, alasan, kode_galat, tidak_terjangkau_pada
            FROM percakapan WHERE aad_object_id = $aad;
            """;
        cmd.Parameters.AddWithValue("$aad", SqliteKeys.Aad(aadObjectId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var aad = r.GetString(0);
        ReferensiPercakapan? referensi = null;
        if (Teks(r, 1) is { } serviceUrl && Teks(r, 2) is { } conversationId && Teks(r, 6) is { } channelId && Waktu(r, 7) is { } diperbarui)
        {
            referensi = new ReferensiPercakapan(aad, serviceUrl, conversationId, Teks(r, 3), Teks(r, 4), Teks(r, 5), channelId, diperbarui, Waktu(r, 8));
        }

        var lokal = Waktu(r, 11) is { } lokalPada ? new LokalPengguna(Teks(r, 9), Teks(r, 10), lokalPada) : null;
        var tidakTerjangkau = Waktu(r, 14) is { } sejak ? new TidakTerjangkau(Alasan(Teks(r, 12)), Teks(r, 13), sejak) : null;
        return new Percakapan(aad, referensi, lokal, tidakTerjangkau);
    }

    public async Task<bool> SimpanReferensiAsync(ReferensiPercakapan referensi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referensi);
        ArgumentException.ThrowIfNullOrWhiteSpace(referensi.AadObjectId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        // A live reference proves the person can be reached again: a refusal seen before it is cleared. A removal
        // (dihapus_pada set) leaves a recorded refusal as it is. The person's channel id and the tenant do not change
        // with the chat, so a reference that does not know them (found through Graph) keeps the ones we had.
        cmd.CommandText = """
            INSERT INTO percakapan (aad_object_id, service_url, conversation_id, tenant_id, user_id, bot_id, channel_id, diperbarui_pada, dihapus_pada)
            VALUES ($aad, $url, $conv, $tenant, $user, $bot, $channel, $pada, $dihapus)
            ON CONFLICT (aad_object_id) DO UPDATE SET
                service_url = excluded.service_url,
                conversation_id = excluded.conversation_id,
                tenant_id = coalesce(excluded.tenant_id, percakapan.tenant_id),
                user_id = coalesce(excluded.user_id, percakapan.user_id),
                bot_id = coalesce(excluded.bot_id, percakapan.bot_id),
                channel_id = excluded.channel_id,
                diperbarui_pada = excluded.diperbarui_pada,
                dihapus_pada = excluded.dihapus_pada,
                alasan = CASE WHEN excluded.dihapus_pada IS NULL AND percakapan.tidak_terjangkau_pada <= excluded.diperbarui_pada
                              THEN NULL ELSE percakapan.alasan END,
                kode_galat = CASE WHEN excluded.dihapus_pada IS NULL AND percakapan.tidak_terjangkau_pada <= excluded.diperbarui_pada
                                  THEN NULL ELSE percakapan.kode_galat END,
                tidak_terjangkau_pada = CASE WHEN excluded.dihapus_pada IS NULL AND percakapan.tidak_terjangkau_pada <= excluded.diperbarui_pada
                                             THEN NULL ELSE percakapan.tidak_terjangkau_pada END
            WHERE percakapan.diperbarui_pada IS NULL OR percakapan.diperbarui_pada <= excluded.diperbarui_pada;
            """;
        var aad = SqliteKeys.Aad(referensi.AadObjectId);
        cmd.Parameters.AddWithValue("$aad", aad);
        cmd.Parameters.AddWithValue("$url", referensi.ServiceUrl);
        cmd.Parameters.AddWithValue("$conv", referensi.ConversationId);
        cmd.Parameters.AddWithValue("$tenant", (object?)referensi.TenantId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$user", (object?)referensi.UserId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$bot", (object?)referensi.BotId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$channel", referensi.ChannelId);
        cmd.Parameters.AddWithValue("$pada", SqliteKeys.Waktu(referensi.DiperbaruiPada));
        cmd.Parameters.AddWithValue("$dihapus", referensi.DihapusPada is { } d ? SqliteKeys.Waktu(d) : DBNull.Value);
        var disimpan = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        if (disimpan)
        {
            Log.ReferenceSaved(logger, aad, referensi.Dihapus);
        }
        else
        {
            Log.ReferenceOlder(logger, aad, referensi.DiperbaruiPada);
        }

        return disimpan;
    }

    public async Task<bool> SimpanLokalAsync(string aadObjectId, LokalPengguna lokal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        ArgumentNullException.ThrowIfNull(lokal);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        // A client that reports only one of the two keeps the other one we know.
        cmd.CommandText = """
            INSERT INTO percakapan (aad_object_id, locale, zona_waktu, lokal_diperbarui_pada) VALUES ($aad, $locale, $zona, $pada)
            ON CONFLICT (aad_object_id) DO UPDATE SET
                locale = coalesce(excluded.locale, percakapan.locale),
                zona_waktu = coalesce(excluded.zona_waktu, percakapan.zona_waktu),
                lokal_diperbarui_pada = excluded.lokal_diperbarui_pada
            WHERE percakapan.lokal_diperbarui_pada IS NULL OR percakapan.lokal_diperbarui_pada <= excluded.lokal_diperbarui_pada;
            """;
        cmd.Parameters.AddWithValue("$aad", SqliteKeys.Aad(aadObjectId));
        cmd.Parameters.AddWithValue("$locale", (object?)lokal.Locale ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$zona", (object?)lokal.ZonaWaktu ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$pada", SqliteKeys.Waktu(lokal.DiperbaruiPada));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<bool> TandaiTidakTerjangkauAsync(string aadObjectId, TidakTerjangkau tidakTerjangkau, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        ArgumentNullException.ThrowIfNull(tidakTerjangkau);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        // A refusal seen before the current reference was written is about a chat that has since been replaced.
        cmd.CommandText = """
            INSERT INTO percakapan (aad_object_id, alasan, kode_galat, tidak_terjangkau_pada) VALUES ($aad, $alasan, $kode, $pada)
            ON CONFLICT (aad_object_id) DO UPDATE SET
                alasan = excluded.alasan,
                kode_galat = excluded.kode_galat,
                tidak_terjangkau_pada = excluded.tidak_terjangkau_pada
            WHERE (percakapan.tidak_terjangkau_pada IS NULL OR percakapan.tidak_terjangkau_pada <= excluded.tidak_terjangkau_pada)
              AND (percakapan.diperbarui_pada IS NULL OR percakapan.diperbarui_pada <= excluded.tidak_terjangkau_pada);
            """;
        var aad = SqliteKeys.Aad(aadObjectId);
        cmd.Parameters.AddWithValue("$aad", aad);
        cmd.Parameters.AddWithValue("$alasan", tidakTerjangkau.Alasan.ToString());
        cmd.Parameters.AddWithValue("$kode", (object?)tidakTerjangkau.KodeGalat ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$pada", SqliteKeys.Waktu(tidakTerjangkau.Pada));
        var disimpan = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        if (disimpan)
        {
            Log.UnreachableSaved(logger, aad, tidakTerjangkau.Alasan, tidakTerjangkau.KodeGalat);
        }

        return disimpan;
    }

    public async Task<IReadOnlyList<PegawaiTidakTerjangkau>> DaftarTidakTerjangkauAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        // The employee's Teams account is the one linked last (SQLite takes the bare column from the max() row).
        cmd.CommandText = """
            SELECT p.nip, p.nama, g.aad_object_id, c.service_url, c.dihapus_pada, c.alasan, c.kode_galat, c.tidak_terjangkau_pada
            FROM pegawai p
            LEFT JOIN (SELECT kantor, nip, aad_object_id, max(dikaitkan_pada) FROM pengguna GROUP BY kantor, nip) g
                ON g.kantor = p.kantor AND g.nip = p.nip
            LEFT JOIN percakapan c ON c.aad_object_id = lower(g.aad_object_id)
            WHERE p.kantor = $kantor
            ORDER BY p.urutan;
            """;
        cmd.Parameters.AddWithValue("$kantor", SqliteKeys.Kantor(kodeKantor));
        var hasil = new List<PegawaiTidakTerjangkau>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var nip = Nip.Parse(r.GetString(0));
            var nama = r.GetString(1);
            var aad = Teks(r, 2);
            PegawaiTidakTerjangkau? baris = null;
            if (aad is null)
            {
                baris = new PegawaiTidakTerjangkau(nip, nama, null, KeadaanJangkauan.BelumTerkait, null, null, null);
            }
            else if (Waktu(r, 7) is { } sejak)
            {
                baris = new PegawaiTidakTerjangkau(nip, nama, aad, KeadaanJangkauan.TidakTerjangkau, Alasan(Teks(r, 5)), Teks(r, 6), sejak);
            }
            else if (Waktu(r, 4) is { } dihapus)
            {
                baris = new PegawaiTidakTerjangkau(nip, nama, aad, KeadaanJangkauan.AplikasiDihapus, null, null, dihapus);
            }
            else if (Teks(r, 3) is null)
            {
                baris = new PegawaiTidakTerjangkau(nip, nama, aad, KeadaanJangkauan.BelumAdaPercakapan, null, null, null);
            }

            if (baris is not null)
            {
                hasil.Add(baris);
            }
        }

        return hasil;
    }

    private static string? Teks(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Waktu(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A reason written by a newer build that this one does not know reads as <see cref="AlasanTidakTerjangkau.Lainnya"/>.</summary>
    private static AlasanTidakTerjangkau Alasan(string? teks) =>
        Enum.TryParse<AlasanTidakTerjangkau>(teks, ignoreCase: false, out var alasan) && Enum.IsDefined(alasan) ? alasan : AlasanTidakTerjangkau.Lainnya;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Conversation reference of {AadObjectId} saved (removed: {Removed})")]
        public static partial void ReferenceSaved(ILogger logger, string aadObjectId, bool removed);

        [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Conversation reference of {AadObjectId} from {At} not saved: a newer one is stored")]
        public static partial void ReferenceOlder(ILogger logger, string aadObjectId, DateTimeOffset at);

        [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "{AadObjectId} recorded as unreachable: {Reason} ({Code})")]
        public static partial void UnreachableSaved(ILogger logger, string aadObjectId, AlasanTidakTerjangkau reason, string? code);
    }
}

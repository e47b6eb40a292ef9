using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>
/// <see cref="IKartuSkpStore"/> on SQLite: one row per card in <c>skp_kartu</c> (schema version 4). Remembering is one
/// upsert by the card's key plus the pruning of that person's older cards of the contract, in one transaction.
/// </summary>
public sealed class SqliteKartuSkpStore(SqliteDatabase database) : IKartuSkpStore
{
    public async Task IngatAsync(KartuSkp kartu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kartu);
        ArgumentException.ThrowIfNullOrWhiteSpace(kartu.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kartu.ActivityId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kartu.AadObjectId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO skp_kartu (conversation_id, activity_id, kantor, tahun, nip, aad_object_id, user_id, service_url, diingat_pada)
            VALUES ($conv, $act, $k, $t, $n, $aad, $user, $url, $pada)
            ON CONFLICT (conversation_id, activity_id) DO UPDATE SET
                kantor = excluded.kantor, tahun = excluded.tahun, nip = excluded.nip, aad_object_id = excluded.aad_object_id,
                user_id = coalesce(excluded.user_id, skp_kartu.user_id), service_url = excluded.service_url, diingat_pada = excluded.diingat_pada;
            DELETE FROM skp_kartu
            WHERE kantor = $k AND tahun = $t AND nip = $n AND aad_object_id = $aad
              AND rowid NOT IN (SELECT rowid FROM skp_kartu WHERE kantor = $k AND tahun = $t AND nip = $n AND aad_object_id = $aad
                                ORDER BY diingat_pada DESC, rowid DESC LIMIT $batas);
            """;
        var (conv, act) = SqliteKeys.KartuSkp(kartu.ConversationId, kartu.ActivityId);
        cmd.Parameters.AddWithValue("$conv", conv);
        cmd.Parameters.AddWithValue("$act", act);
        Kunci(cmd, kartu.Kunci);
        cmd.Parameters.AddWithValue("$aad", SqliteKeys.Aad(kartu.AadObjectId));
        cmd.Parameters.AddWithValue("$user", (object?)kartu.UserId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$url", kartu.ServiceUrl);
        cmd.Parameters.AddWithValue("$pada", SqliteKeys.Waktu(kartu.DiingatPada));
        cmd.Parameters.AddWithValue("$batas", IKartuSkpStore.BatasPerOrang);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<KartuSkp>> DaftarAsync(KunciSkp kunci, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT conversation_id, activity_id, aad_object_id, user_id, service_url, diingat_pada
            FROM skp_kartu WHERE kantor = $k AND tahun = $t AND nip = $n ORDER BY diingat_pada, rowid;
            """;
        Kunci(cmd, kunci);
        var hasil = new List<KartuSkp>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(new KartuSkp(kunci, r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(0), r.GetString(1),
                DateTimeOffset.Parse(r.GetString(5), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal)));
        }

        return hasil;
    }

    public async Task<bool> LupakanAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM skp_kartu WHERE conversation_id = $conv AND activity_id = $act;";
        var (conv, act) = SqliteKeys.KartuSkp(conversationId, activityId);
        cmd.Parameters.AddWithValue("$conv", conv);
        cmd.Parameters.AddWithValue("$act", act);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static void Kunci(SqliteCommand cmd, KunciSkp kunci)
    {
        var (kantor, tahun, nip) = SqliteKeys.Skp(kunci);
        cmd.Parameters.AddWithValue("$k", kantor);
        cmd.Parameters.AddWithValue("$t", tahun);
        cmd.Parameters.AddWithValue("$n", nip);
    }
}

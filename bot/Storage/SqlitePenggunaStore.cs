using System.Globalization;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage;

/// <summary><see cref="IPenggunaStore"/> on SQLite: one row per Teams user (Entra object id), upserted.</summary>
public sealed class SqlitePenggunaStore(SqliteDatabase database, ILogger<SqlitePenggunaStore> logger) : IPenggunaStore, Salin.ISalinanPengguna
{
    /// <inheritdoc />
    public async IAsyncEnumerable<PenggunaTerkait> SemuaAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT p.aad_object_id, coalesce(k.kode, p.kantor), p.nip, p.email, p.dikaitkan_pada
            FROM pengguna p LEFT JOIN kantor k ON k.kunci = p.kantor ORDER BY p.aad_object_id;
            """;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PenggunaTerkait(r.GetString(0), r.GetString(1), Nip.Parse(r.GetString(2)), r.GetString(3),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }
    }

    public async Task<PenggunaTerkait?> CariAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aadObjectId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT p.aad_object_id, coalesce(k.kode, p.kantor), p.nip, p.email, p.dikaitkan_pada
            FROM pengguna p LEFT JOIN kantor k ON k.kunci = p.kantor WHERE p.aad_object_id = $id;
            """;
        cmd.Parameters.AddWithValue("$id", aadObjectId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new PenggunaTerkait(r.GetString(0), r.GetString(1), Nip.Parse(r.GetString(2)), r.GetString(3),
            DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    public async Task<PenggunaTerkait?> CariByNipAsync(string kodeKantor, Nip nip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kodeKantor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT p.aad_object_id, coalesce(k.kode, p.kantor), p.nip, p.email, p.dikaitkan_pada
            FROM pengguna p LEFT JOIN kantor k ON k.kunci = p.kantor WHERE p.kantor = $kantor AND p.nip = $nip
            ORDER BY p.dikaitkan_pada DESC LIMIT 1;
            """;
        cmd.Parameters.AddWithValue("$kantor", SqliteKeys.Kantor(kodeKantor));
        cmd.Parameters.AddWithValue("$nip", nip.Value);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new PenggunaTerkait(r.GetString(0), r.GetString(1), Nip.Parse(r.GetString(2)), r.GetString(3),
            DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    public async Task SimpanAsync(PenggunaTerkait pengguna, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pengguna);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO pengguna (aad_object_id, kantor, nip, email, dikaitkan_pada) VALUES ($id, $kantor, $nip, $email, $pada)
            ON CONFLICT (aad_object_id) DO UPDATE SET kantor = $kantor, nip = $nip, email = $email, dikaitkan_pada = $pada;
            """;
        cmd.Parameters.AddWithValue("$id", pengguna.AadObjectId);
        cmd.Parameters.AddWithValue("$kantor", SqliteKeys.Kantor(pengguna.KodeKantor));
        cmd.Parameters.AddWithValue("$nip", pengguna.Nip.Value);
        cmd.Parameters.AddWithValue("$email", pengguna.Email);
        cmd.Parameters.AddWithValue("$pada", pengguna.DikaitkanPada.ToString("O", CultureInfo.InvariantCulture));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        StorageLog.PenggunaSaved(logger, pengguna.AadObjectId, pengguna.KodeKantor);
    }
}

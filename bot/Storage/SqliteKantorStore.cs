using System.Diagnostics;
using System.Globalization;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>
/// <see cref="IKantorStore"/> on SQLite. A save is one write transaction (BEGIN IMMEDIATE) that bumps the office's
/// <c>versi</c> with a compare-and-set: two imports of the same office run one after the other and the store ends in
/// exactly one of the two states, never a mix. Decimals are stored as invariant text so nothing is lost to binary
/// floating point; the data order of the file is kept in <c>urutan</c> columns.
/// </summary>
public sealed class SqliteKantorStore(SqliteDatabase database, TimeProvider time, ILogger<SqliteKantorStore> logger) : IKantorStore
{
    private const int MaksimalPercobaan = 5;

    public async Task<HasilSimpanKantor> SimpanAsync(DataKantor data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kodeKantor = data.KodeKantor;
        var kunci = SqliteKeys.Kantor(kodeKantor);
        var tahunData = data.Kontrak.Select(k => k.Tahun).Concat(data.Perilaku.Select(p => p.Tahun)).Distinct().Order().ToList();

        for (var percobaan = 1; ; percobaan++)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var hasil = await CobaSimpanAsync(connection, data, kodeKantor, kunci, tahunData, cancellationToken).ConfigureAwait(false);
            if (hasil is not null)
            {
                return hasil;
            }

            StorageLog.KantorVersionConflict(logger, kodeKantor, percobaan);
            if (percobaan >= MaksimalPercobaan)
            {
                throw new InvalidOperationException($"Data {kodeKantor} terus diubah penulis lain; simpan dibatalkan setelah {percobaan} percobaan.");
            }
        }
    }

    /// <summary>One attempt; null when another writer changed the office's version in between (then nothing was written).</summary>
    private async Task<HasilSimpanKantor?> CobaSimpanAsync(SqliteConnection connection, DataKantor data, string kodeKantor, string kunci,
        IReadOnlyList<int> tahunData, CancellationToken cancellationToken)
    {
        await using var tx = connection.BeginTransaction(deferred: false);
        var sekarang = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

        long? versiLama = null;
        await using (var cmd = Perintah(connection, tx, "SELECT versi FROM kantor WHERE kunci = $k;"))
        {
            cmd.Parameters.AddWithValue("$k", kunci);
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long v)
            {
                versiLama = v;
            }
        }

        var tahunTersimpan = new HashSet<int>();
        await using (var cmd = Perintah(connection, tx, "SELECT tahun FROM kantor_tahun WHERE kantor = $k;"))
        {
            cmd.Parameters.AddWithValue("$k", kunci);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tahunTersimpan.Add(reader.GetInt32(0));
            }
        }

        // Compare-and-set on the version: the write below happens only on the version read above.
        var versiBaru = (versiLama ?? 0) + 1;
        await using (var cmd = Perintah(connection, tx, versiLama is null
                         ? "INSERT INTO kantor (kunci, kode, versi, disimpan_pada) VALUES ($k, $kode, 1, $t) ON CONFLICT (kunci) DO NOTHING;"
                         : "UPDATE kantor SET versi = versi + 1, kode = $kode, disimpan_pada = $t WHERE kunci = $k AND versi = $v;"))
        {
            cmd.Parameters.AddWithValue("$k", kunci);
            cmd.Parameters.AddWithValue("$kode", kodeKantor);
            cmd.Parameters.AddWithValue("$t", sekarang);
            cmd.Parameters.AddWithValue("$v", versiLama ?? 0);
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }
        }

        // The office's units and people are replaced as a whole.
        await HapusAsync(connection, tx, "DELETE FROM unit WHERE kantor = $k;", kunci, null, cancellationToken).ConfigureAwait(false);
        await HapusAsync(connection, tx, "DELETE FROM pegawai WHERE kantor = $k;", kunci, null, cancellationToken).ConfigureAwait(false);
        await SisipUnitAsync(connection, tx, kunci, data, cancellationToken).ConfigureAwait(false);
        await SisipPegawaiAsync(connection, tx, kunci, data, cancellationToken).ConfigureAwait(false);

        // Each year present in the data is replaced; other years stay as they are.
        foreach (var tahun in tahunData)
        {
            foreach (var tabel in (string[])["kontrak", "iku", "target", "realisasi", "perilaku", "inisiatif"])
            {
                await HapusAsync(connection, tx, $"DELETE FROM {tabel} WHERE kantor = $k AND tahun = $tahun;", kunci, tahun, cancellationToken)
                    .ConfigureAwait(false);
            }

            await using var cmd = Perintah(connection, tx,
                "INSERT INTO kantor_tahun (kantor, tahun, disimpan_pada) VALUES ($k, $tahun, $t) ON CONFLICT (kantor, tahun) DO UPDATE SET disimpan_pada = $t;");
            cmd.Parameters.AddWithValue("$k", kunci);
            cmd.Parameters.AddWithValue("$tahun", tahun);
            cmd.Parameters.AddWithValue("$t", sekarang);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var (jumlahKontrak, jumlahIku) = await SisipKontrakAsync(connection, tx, kunci, data, cancellationToken).ConfigureAwait(false);
        await SisipPerilakuAsync(connection, tx, kunci, data, cancellationToken).ConfigureAwait(false);
        await SisipInisiatifAsync(connection, tx, kunci, data, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);

        var diganti = tahunData.Where(tahunTersimpan.Contains).ToList();
        var baru = tahunData.Where(t => !tahunTersimpan.Contains(t)).ToList();
        StorageLog.KantorSaved(logger, kodeKantor, versiBaru, string.Join(",", diganti), string.Join(",", baru));
        return new HasilSimpanKantor(kodeKantor, versiLama is null, diganti, baru, data.Unit.Count, data.Pegawai.Count, jumlahKontrak, jumlahIku);
    }

    public async Task<DataKantor?> MuatAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kodeKantor);
        var stopwatch = Stopwatch.StartNew();
        var kunci = SqliteKeys.Kantor(kodeKantor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction: a concurrent import is either wholly visible or not at all (WAL snapshot).
        await using var tx = connection.BeginTransaction(deferred: true);

        await using var cmd = Perintah(connection, tx, """
            SELECT kode FROM kantor WHERE kunci = $k;
            SELECT kode, nama, kode_induk, level, zona_waktu FROM unit WHERE kantor = $k ORDER BY urutan;
            SELECT nip, nama, email, jabatan, kode_unit, nip_atasan, kepala_unit, tanggal_mulai FROM pegawai WHERE kantor = $k ORDER BY urutan;
            SELECT tahun, nip, status FROM kontrak WHERE kantor = $k ORDER BY tahun, urutan;
            SELECT tahun, nip, kode, nama, perspektif, sasaran_strategis, bobot, polaritas, konsolidasi, satuan
                FROM iku WHERE kantor = $k ORDER BY tahun, nip, urutan;
            SELECT tahun, nip, kode_iku, triwulan, nilai, atas FROM target WHERE kantor = $k;
            SELECT tahun, nip, kode_iku, triwulan, nilai FROM realisasi WHERE kantor = $k;
            SELECT tahun, nip, nilai, pengurang FROM perilaku WHERE kantor = $k ORDER BY tahun, urutan;
            SELECT tahun, nip, nama, sasaran_strategis, progres, tenggat, keterangan FROM inisiatif WHERE kantor = $k ORDER BY tahun, urutan;
            """);
        cmd.Parameters.AddWithValue("$k", kunci);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var data = new DataKantor();
        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!ZonaWaktu.TryParse(r.GetString(4), out var zona))
            {
                throw new InvalidOperationException($"Zona waktu '{r.GetString(4)}' di basis data tidak dikenal");
            }

            data.TambahUnit(new Unit(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                Enum.Parse<LevelUnit>(r.GetString(3)), zona));
        }

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            data.TambahPegawai(new Pegawai(Nip.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : Nip.Parse(r.GetString(5)), r.GetInt64(6) != 0,
                r.IsDBNull(7) ? null : DateOnly.ParseExact(r.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var kontrak = new Dictionary<(int, string), KontrakKinerja>();
        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var k = new KontrakKinerja(r.GetInt32(0), Nip.Parse(r.GetString(1)), Enum.Parse<StatusSkp>(r.GetString(2)));
            kontrak.Add((k.Tahun, r.GetString(1)), k);
            data.TambahKontrak(k);
        }

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            kontrak[(r.GetInt32(0), r.GetString(1))].TambahIku(new Iku(r.GetString(2), r.GetString(3), Enum.Parse<Perspektif>(r.GetString(4)),
                r.GetString(5), new Bobot(Desimal(r.GetString(6))), Enum.Parse<Polaritas>(r.GetString(7)),
                Enum.Parse<JenisKonsolidasi>(r.GetString(8)), r.GetString(9)));
        }

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var iku = CariIku(kontrak, r.GetInt32(0), r.GetString(1), r.GetString(2));
            iku.TetapkanTarget(r.GetInt32(3), new Target(Desimal(r.GetString(4)), r.IsDBNull(5) ? null : Desimal(r.GetString(5))));
        }

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            CariIku(kontrak, r.GetInt32(0), r.GetString(1), r.GetString(2)).CatatRealisasi(r.GetInt32(3), Desimal(r.GetString(4)));
        }

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            data.TambahPerilaku(new NilaiPerilaku(r.GetInt32(0), Nip.Parse(r.GetString(1)), Desimal(r.GetString(2)), Desimal(r.GetString(3))));
        }

        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            data.TambahInisiatif(r.GetInt32(0), Nip.Parse(r.GetString(1)), new InisiatifStrategis(r.GetString(2), r.GetString(3), Desimal(r.GetString(4)),
                r.IsDBNull(5) ? null : DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.IsDBNull(6) ? null : r.GetString(6)));
        }

        StorageLog.KantorLoaded(logger, kodeKantor, stopwatch.ElapsedMilliseconds);
        return data;
    }

    public async Task<IReadOnlyList<string>> DaftarKantorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Perintah(connection, null, "SELECT kode FROM kantor ORDER BY kunci;");
        var hasil = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(r.GetString(0));
        }

        return hasil;
    }

    public async Task<IReadOnlyDictionary<string, long>> DaftarVersiKantorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Perintah(connection, null, "SELECT kode, versi FROM kantor;");
        var hasil = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hasil[r.GetString(0)] = r.GetInt64(1);
        }

        return hasil;
    }

    public async Task<(string KodeKantor, Nip Nip)?> CariByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Perintah(connection, null, """
            SELECT k.kode, p.nip FROM pegawai p JOIN kantor k ON k.kunci = p.kantor
            WHERE p.email_kunci = $e ORDER BY p.kantor, p.urutan LIMIT 1;
            """);
        cmd.Parameters.AddWithValue("$e", SqliteKeys.Email(email));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? (r.GetString(0), Nip.Parse(r.GetString(1))) : null;
    }

    private static Iku CariIku(Dictionary<(int, string), KontrakKinerja> kontrak, int tahun, string nip, string kode) =>
        kontrak.TryGetValue((tahun, nip), out var k) && k.CariIku(kode) is { } iku
            ? iku
            : throw new InvalidOperationException($"Basis data tidak konsisten: IKU {kode} milik {nip} tahun {tahun} tidak ada");

    private static decimal Desimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Teks(decimal nilai) => nilai.ToString(CultureInfo.InvariantCulture);

    private static SqliteCommand Perintah(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static async Task HapusAsync(SqliteConnection connection, SqliteTransaction tx, string sql, string kunci, int? tahun,
        CancellationToken cancellationToken)
    {
        await using var cmd = Perintah(connection, tx, sql);
        cmd.Parameters.AddWithValue("$k", kunci);
        if (tahun is { } t)
        {
            cmd.Parameters.AddWithValue("$tahun", t);
        }

        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A prepared insert whose parameters are named after the columns.</summary>
    private static SqliteCommand Sisipan(SqliteConnection connection, SqliteTransaction tx, string tabel, params string[] kolom)
    {
        var cmd = Perintah(connection, tx,
            $"INSERT INTO {tabel} ({string.Join(", ", kolom)}) VALUES ({string.Join(", ", kolom.Select(k => "$" + k))});");
        foreach (var k in kolom)
        {
            cmd.Parameters.Add(new SqliteParameter("$" + k, null));
        }

        return cmd;
    }

    private static async Task JalankanAsync(SqliteCommand cmd, CancellationToken cancellationToken, params object?[] nilai)
    {
        for (var i = 0; i < nilai.Length; i++)
        {
            cmd.Parameters[i].Value = nilai[i] ?? DBNull.Value;
        }

        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SisipUnitAsync(SqliteConnection connection, SqliteTransaction tx, string kunci, DataKantor data,
        CancellationToken cancellationToken)
    {
        await using var cmd = Sisipan(connection, tx, "unit", "kantor", "kode", "urutan", "nama", "kode_induk", "level", "zona_waktu");
        var urutan = 0;
        foreach (var u in data.Unit)
        {
            await JalankanAsync(cmd, cancellationToken, kunci, u.Kode, urutan++, u.Nama, u.KodeInduk, u.Level.ToString(), u.ZonaWaktu.IanaId)
                .ConfigureAwait(false);
        }
    }

    private static async Task SisipPegawaiAsync(SqliteConnection connection, SqliteTransaction tx, string kunci, DataKantor data,
        CancellationToken cancellationToken)
    {
        await using var cmd = Sisipan(connection, tx, "pegawai",
            "kantor", "nip", "urutan", "nama", "email", "email_kunci", "jabatan", "kode_unit", "nip_atasan", "kepala_unit", "tanggal_mulai");
        var urutan = 0;
        foreach (var p in data.Pegawai)
        {
            await JalankanAsync(cmd, cancellationToken, kunci, p.Nip.Value, urutan++, p.Nama, p.Email, SqliteKeys.Email(p.Email), p.Jabatan,
                p.KodeUnit, p.NipAtasan?.Value, p.KepalaUnit ? 1 : 0,
                p.TanggalMulai?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
    }

    private static async Task<(int Kontrak, int Iku)> SisipKontrakAsync(SqliteConnection connection, SqliteTransaction tx, string kunci,
        DataKantor data, CancellationToken cancellationToken)
    {
        await using var kontrakCmd = Sisipan(connection, tx, "kontrak", "kantor", "tahun", "nip", "urutan", "status");
        await using var ikuCmd = Sisipan(connection, tx, "iku", "kantor", "tahun", "nip", "kode", "urutan", "nama", "perspektif",
            "sasaran_strategis", "bobot", "polaritas", "konsolidasi", "satuan");
        await using var targetCmd = Sisipan(connection, tx, "target", "kantor", "tahun", "nip", "kode_iku", "triwulan", "nilai", "atas");
        await using var realisasiCmd = Sisipan(connection, tx, "realisasi", "kantor", "tahun", "nip", "kode_iku", "triwulan", "nilai");
        int urutanKontrak = 0, jumlahIku = 0;
        foreach (var k in data.Kontrak)
        {
            var nip = k.Pemilik.Value;
            await JalankanAsync(kontrakCmd, cancellationToken, kunci, k.Tahun, nip, urutanKontrak++, k.Status.ToString()).ConfigureAwait(false);
            var urutanIku = 0;
            foreach (var iku in k.Iku)
            {
                jumlahIku++;
                await JalankanAsync(ikuCmd, cancellationToken, kunci, k.Tahun, nip, iku.Kode, urutanIku++, iku.Nama, iku.Perspektif.ToString(),
                    iku.SasaranStrategis, Teks(iku.Bobot.Nilai), iku.Polaritas.ToString(), iku.Konsolidasi.ToString(), iku.Satuan)
                    .ConfigureAwait(false);
                for (var tw = 1; tw <= 4; tw++)
                {
                    if (iku.TargetTriwulan(tw) is { } target)
                    {
                        await JalankanAsync(targetCmd, cancellationToken, kunci, k.Tahun, nip, iku.Kode, tw, Teks(target.Nilai),
                            target.Atas is { } atas ? Teks(atas) : null).ConfigureAwait(false);
                    }

                    if (iku.RealisasiTriwulan(tw) is { } realisasi)
                    {
                        await JalankanAsync(realisasiCmd, cancellationToken, kunci, k.Tahun, nip, iku.Kode, tw, Teks(realisasi)).ConfigureAwait(false);
                    }
                }
            }
        }

        return (urutanKontrak, jumlahIku);
    }

    private static async Task SisipPerilakuAsync(SqliteConnection connection, SqliteTransaction tx, string kunci, DataKantor data,
        CancellationToken cancellationToken)
    {
        await using var cmd = Sisipan(connection, tx, "perilaku", "kantor", "tahun", "nip", "urutan", "nilai", "pengurang");
        var urutan = 0;
        foreach (var p in data.Perilaku)
        {
            await JalankanAsync(cmd, cancellationToken, kunci, p.Tahun, p.Nip.Value, urutan++, Teks(p.Nilai), Teks(p.Pengurang)).ConfigureAwait(false);
        }
    }

    private static async Task SisipInisiatifAsync(SqliteConnection connection, SqliteTransaction tx, string kunci, DataKantor data,
        CancellationToken cancellationToken)
    {
        await using var cmd = Sisipan(connection, tx, "inisiatif", "kantor", "tahun", "nip", "urutan", "nama", "sasaran_strategis", "progres", "tenggat", "keterangan");
        var urutan = 0;
        foreach (var (tahun, pemilik, i) in data.SemuaInisiatif)
        {
            await JalankanAsync(cmd, cancellationToken, kunci, tahun, pemilik.Value, urutan++, i.Nama, i.SasaranStrategis, Teks(i.ProgresPersen),
                i.Tenggat?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Keterangan).ConfigureAwait(false);
        }
    }
}

using System.Globalization;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>
/// <see cref="IKontrakStore"/> on SQLite (schema version 3): <c>skp_alur</c> (state and the revision, the version
/// column), <c>skp_versi</c> and <c>skp_perubahan</c> (every version and its changed targets), <c>skp_audit</c>
/// (append-only: triggers refuse UPDATE and DELETE) and <c>delegasi</c>. A save is one BEGIN IMMEDIATE transaction whose
/// first statement is a compare-and-set on <c>revisi</c>; when it matches no row, nothing is written and the current
/// state is returned as a conflict. These tables are not touched by <see cref="SqliteKantorStore"/>, so re-importing an
/// office keeps the workflow; an import only seeds contracts that have no row in <c>skp_alur</c> yet.
/// </summary>
public sealed partial class SqliteKontrakStore(SqliteDatabase database, ILogger<SqliteKontrakStore> logger) : IKontrakStore, Salin.ISalinanKontrak
{
    /// <inheritdoc />
    public async IAsyncEnumerable<PersetujuanSkp> SemuaAlurAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: true);
        var kunci = new List<KunciSkp>();
        await using (var cmd = Perintah(connection, tx, "SELECT coalesce(k.kode, a.kantor), a.tahun, a.nip FROM skp_alur a LEFT JOIN kantor k ON k.kunci = a.kantor ORDER BY a.kantor, a.tahun, a.nip;"))
        {
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                kunci.Add(new KunciSkp(SqliteKeys.Kantor(r.GetString(0)), r.GetInt32(1), Nip.Parse(r.GetString(2))));
            }
        }

        foreach (var k in kunci)
        {
            if (await MuatAsync(connection, tx, k, cancellationToken).ConfigureAwait(false) is { } alur)
            {
                yield return alur;
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Delegasi> SemuaDelegasiAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kantor = new List<string>();
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var cmd = Perintah(connection, null, "SELECT DISTINCT kantor FROM delegasi ORDER BY kantor;"))
        {
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                kantor.Add(r.GetString(0));
            }
        }

        foreach (var k in kantor)
        {
            foreach (var d in await DaftarDelegasiAsync(k, cancellationToken).ConfigureAwait(false))
            {
                yield return d;
            }
        }
    }

    /// <inheritdoc />
    public async Task TulisUtuhAsync(PersetujuanSkp skp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skp);
        var k = skp.Kunci;
        var kantor = SqliteKeys.Kantor(k.KodeKantor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var cmd = Perintah(connection, tx, """
                         INSERT INTO skp_alur (kantor, tahun, nip, status, revisi, diajukan_pada) VALUES ($k, $t, $n, $s, $r, $d)
                         ON CONFLICT (kantor, tahun, nip) DO UPDATE SET status = excluded.status, revisi = excluded.revisi, diajukan_pada = excluded.diajukan_pada;
                         DELETE FROM skp_perubahan WHERE kantor = $k AND tahun = $t AND nip = $n;
                         """))
        {
            Kunci(cmd, kantor, k);
            cmd.Parameters.AddWithValue("$s", skp.Status.ToString());
            cmd.Parameters.AddWithValue("$r", skp.Revisi);
            cmd.Parameters.AddWithValue("$d", skp.DiajukanPadaUtc is { } d ? SqliteKeys.Waktu(d) : DBNull.Value);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The versions and their changes as the source has them; audit lines already here are kept (append-only).
        await TulisVersiDanAuditAsync(connection, tx, skp, skp.JejakAudit, "ON CONFLICT DO NOTHING", cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<PersetujuanSkp?> MuatAsync(KunciSkp kunci, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: true);
        return await MuatAsync(connection, tx, kunci, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HasilSimpanSkp> SimpanAsync(PersetujuanSkp skp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skp);
        var baru = skp.CatatanBaru;
        if (baru.Count == 0)
        {
            return new HasilSimpanSkp(true, skp);
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var tx = connection.BeginTransaction(deferred: false))
        {
            if (await TulisAsync(connection, tx, skp, cancellationToken).ConfigureAwait(false))
            {
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                skp.TandaiTersimpan();
                Log.Saved(logger, skp.Kunci.ToString(), baru[0].Dari?.ToString() ?? "-", skp.Status.ToString(), skp.Revisi);
                return new HasilSimpanSkp(true, skp);
            }

            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var baca = connection.BeginTransaction(deferred: true);
        var sekarang = await MuatAsync(connection, baca, skp.Kunci, cancellationToken).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"SKP {skp.Kunci} hilang saat disimpan");
        Log.Conflict(logger, skp.Kunci.ToString(), skp.RevisiTersimpan, sekarang.Revisi);
        return new HasilSimpanSkp(false, sekarang);
    }

    public async Task<int> SemaiAsync(DataKantor data, MomenKantor pada, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kodeKantor = data.KodeKantor;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        var jumlah = 0;
        foreach (var kontrak in data.Kontrak)
        {
            var skp = PersetujuanSkp.Mulai(new KunciSkp(kodeKantor, kontrak.Tahun, kontrak.Pemilik), kontrak.Status, pada, null, Saluran.Impor,
                "status awal dari impor");
            // An existing workflow wins: the compare-and-set of a new row (revision 0) matches nothing.
            if (await TulisAsync(connection, tx, skp, cancellationToken).ConfigureAwait(false))
            {
                jumlah++;
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        Log.Seeded(logger, kodeKantor, jumlah);
        return jumlah;
    }

    public async Task<IReadOnlyList<SkpMenunggu>> DaftarMenungguAsync(string kodeKantor, Nip penyetuju, DateOnly hariIni, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Perintah(connection, null, """
            SELECT a.tahun, a.nip, a.diajukan_pada, p.nip_atasan,
                   (SELECT max(v.nomor) FROM skp_versi v WHERE v.kantor = a.kantor AND v.tahun = a.tahun AND v.nip = a.nip)
            FROM skp_alur a JOIN pegawai p ON p.kantor = a.kantor AND p.nip = a.nip
            WHERE a.kantor = $k AND a.status = 'Diajukan'
              AND (p.nip_atasan = $n OR p.nip_atasan IN
                   (SELECT d.digantikan FROM delegasi d WHERE d.kantor = $k AND d.pelaksana = $n AND d.mulai <= $hari AND d.selesai >= $hari))
            ORDER BY a.diajukan_pada, a.tahun, p.urutan;
            """);
        var kunci = SqliteKeys.Kantor(kodeKantor);
        cmd.Parameters.AddWithValue("$k", kunci);
        cmd.Parameters.AddWithValue("$n", penyetuju.Value);
        cmd.Parameters.AddWithValue("$hari", Tanggal(hariIni));
        var hasil = new List<SkpMenunggu>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var atasan = Nip.Parse(r.GetString(3));
            hasil.Add(new SkpMenunggu(new KunciSkp(kunci, r.GetInt32(0), Nip.Parse(r.GetString(1))), r.GetInt32(4), Waktu(r.GetString(2)),
                atasan == penyetuju ? null : atasan));
        }

        return hasil;
    }

    public async Task<IReadOnlyList<PersetujuanSkp>> DaftarDenganPerubahanTargetAsync(string kodeKantor, int tahun, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: true);
        var kantor = SqliteKeys.Kantor(kodeKantor);
        var nips = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT DISTINCT nip FROM skp_perubahan WHERE kantor = $k AND tahun = $t ORDER BY nip;";
            cmd.Parameters.AddWithValue("$k", kantor);
            cmd.Parameters.AddWithValue("$t", tahun);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                nips.Add(r.GetString(0));
            }
        }

        var hasil = new List<PersetujuanSkp>(nips.Count);
        foreach (var nip in nips)
        {
            if (await MuatAsync(connection, tx, new KunciSkp(kantor, tahun, Nip.Parse(nip)), cancellationToken).ConfigureAwait(false) is { } alur)
            {
                hasil.Add(alur);
            }
        }

        return hasil;
    }

    public async Task SimpanDelegasiAsync(Delegasi delegasi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delegasi);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Perintah(connection, null, """
            INSERT INTO delegasi (kantor, id, pelaksana, digantikan, jenis, mulai, selesai, ditetapkan_oleh)
            VALUES ($k, $id, $p, $g, $j, $m, $s, $o)
            ON CONFLICT (kantor, id) DO UPDATE SET pelaksana = excluded.pelaksana, digantikan = excluded.digantikan, jenis = excluded.jenis,
                mulai = excluded.mulai, selesai = excluded.selesai, ditetapkan_oleh = excluded.ditetapkan_oleh;
            """);
        cmd.Parameters.AddWithValue("$k", SqliteKeys.Kantor(delegasi.KodeKantor));
        cmd.Parameters.AddWithValue("$id", delegasi.Id);
        cmd.Parameters.AddWithValue("$p", delegasi.Pelaksana.Value);
        cmd.Parameters.AddWithValue("$g", delegasi.Digantikan.Value);
        cmd.Parameters.AddWithValue("$j", delegasi.Jenis.ToString());
        cmd.Parameters.AddWithValue("$m", Tanggal(delegasi.Mulai));
        cmd.Parameters.AddWithValue("$s", Tanggal(delegasi.Selesai));
        cmd.Parameters.AddWithValue("$o", delegasi.DitetapkanOleh.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Log.DelegationSaved(logger, delegasi.KodeKantor, delegasi.Id, delegasi.Mulai, delegasi.Selesai);
    }

    public async Task<bool> HapusDelegasiAsync(string kodeKantor, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Perintah(connection, null, "DELETE FROM delegasi WHERE kantor = $k AND id = $id;");
        cmd.Parameters.AddWithValue("$k", SqliteKeys.Kantor(kodeKantor));
        cmd.Parameters.AddWithValue("$id", id.Trim());
        var dihapus = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        if (dihapus)
        {
            Log.DelegationRemoved(logger, kodeKantor, id);
        }

        return dihapus;
    }

    public async Task<IReadOnlyList<Delegasi>> DaftarDelegasiAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Perintah(connection, null, """
            SELECT id, pelaksana, digantikan, jenis, mulai, selesai, ditetapkan_oleh FROM delegasi WHERE kantor = $k ORDER BY mulai, id;
            """);
        var kunci = SqliteKeys.Kantor(kodeKantor);
        cmd.Parameters.AddWithValue("$k", kunci);
        var hasil = new List<Delegasi>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(new Delegasi(r.GetString(0), kunci, Nip.Parse(r.GetString(1)), Nip.Parse(r.GetString(2)), Enum.Parse<JenisDelegasi>(r.GetString(3)),
                TanggalDari(r.GetString(4)), TanggalDari(r.GetString(5)), Nip.Parse(r.GetString(6))));
        }

        return hasil;
    }

    /// <summary>Writes what is new in <paramref name="skp"/> on its stored revision; false (nothing written) when the revision moved.</summary>
    private static async Task<bool> TulisAsync(SqliteConnection connection, SqliteTransaction tx, PersetujuanSkp skp, CancellationToken cancellationToken)
    {
        var k = skp.Kunci;
        var kantor = SqliteKeys.Kantor(k.KodeKantor);
        await using (var cas = Perintah(connection, tx, skp.RevisiTersimpan == 0
                         ? """
                           INSERT INTO skp_alur (kantor, tahun, nip, status, revisi, diajukan_pada) VALUES ($k, $t, $n, $s, $r, $d)
                           ON CONFLICT (kantor, tahun, nip) DO NOTHING;
                           """
                         : """
                           UPDATE skp_alur SET status = $s, revisi = $r, diajukan_pada = $d
                           WHERE kantor = $k AND tahun = $t AND nip = $n AND revisi = $lama;
                           """))
        {
            Kunci(cas, kantor, k);
            cas.Parameters.AddWithValue("$s", skp.Status.ToString());
            cas.Parameters.AddWithValue("$r", skp.Revisi);
            cas.Parameters.AddWithValue("$d", skp.DiajukanPadaUtc is { } d ? SqliteKeys.Waktu(d) : DBNull.Value);
            cas.Parameters.AddWithValue("$lama", skp.RevisiTersimpan);
            if (await cas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        await TulisVersiDanAuditAsync(connection, tx, skp, skp.CatatanBaru, "", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task TulisVersiDanAuditAsync(SqliteConnection connection, SqliteTransaction tx, PersetujuanSkp skp, IReadOnlyList<CatatanAudit> catatan,
        string auditKonflik, CancellationToken cancellationToken)
    {
        var k = skp.Kunci;
        var kantor = SqliteKeys.Kantor(k.KodeKantor);
        foreach (var v in skp.Versi)
        {
            await using var cmd = Perintah(connection, tx, """
                INSERT INTO skp_versi (kantor, tahun, nip, nomor, jenis, alasan, dibuat_pada, disetujui_pada) VALUES ($k, $t, $n, $nomor, $j, $a, $b, $ok)
                ON CONFLICT (kantor, tahun, nip, nomor) DO UPDATE SET disetujui_pada = excluded.disetujui_pada, alasan = excluded.alasan;
                """);
            Kunci(cmd, kantor, k);
            cmd.Parameters.AddWithValue("$nomor", v.Nomor);
            cmd.Parameters.AddWithValue("$j", v.Jenis.ToString());
            cmd.Parameters.AddWithValue("$a", (object?)v.Alasan ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$b", SqliteKeys.Waktu(v.DibuatPadaUtc));
            cmd.Parameters.AddWithValue("$ok", v.DisetujuiPadaUtc is { } ok ? SqliteKeys.Waktu(ok) : DBNull.Value);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            for (var i = 0; i < v.Perubahan.Count; i++)
            {
                var p = v.Perubahan[i];
                await using var pc = Perintah(connection, tx, """
                    INSERT INTO skp_perubahan (kantor, tahun, nip, versi, urutan, kode_iku, triwulan, nilai, atas) VALUES ($k, $t, $n, $v, $u, $kode, $tw, $nilai, $atas)
                    ON CONFLICT DO NOTHING;
                    """);
                Kunci(pc, kantor, k);
                pc.Parameters.AddWithValue("$v", v.Nomor);
                pc.Parameters.AddWithValue("$u", i);
                pc.Parameters.AddWithValue("$kode", p.KodeIku);
                pc.Parameters.AddWithValue("$tw", p.Triwulan);
                pc.Parameters.AddWithValue("$nilai", p.Target.Nilai.ToString(CultureInfo.InvariantCulture));
                pc.Parameters.AddWithValue("$atas", p.Target.Atas is { } atas ? atas.ToString(CultureInfo.InvariantCulture) : DBNull.Value);
                await pc.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var c in catatan)
        {
            await using var cmd = Perintah(connection, tx, $"""
                INSERT INTO skp_audit (kantor, tahun, nip, urutan, oleh, nama_oleh, atas_nama, nama_atas_nama, peran, pada, zona_waktu, tanggal_lokal,
                                       dari, ke, versi, catatan, saluran)
                VALUES ($k, $t, $n, $u, $oleh, $namaOleh, $an, $namaAn, $peran, $pada, $zona, $tgl, $dari, $ke, $versi, $catatan, $saluran) {auditKonflik};
                """);
            Kunci(cmd, kantor, k);
            cmd.Parameters.AddWithValue("$u", c.Urutan);
            cmd.Parameters.AddWithValue("$oleh", (object?)c.Oleh?.Nip.Value ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$namaOleh", (object?)c.Oleh?.Nama ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$an", (object?)c.AtasNama?.Nip.Value ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$namaAn", (object?)c.AtasNama?.Nama ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$peran", (object?)c.Peran?.ToString() ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$pada", SqliteKeys.Waktu(c.PadaUtc));
            cmd.Parameters.AddWithValue("$zona", c.ZonaWaktu);
            cmd.Parameters.AddWithValue("$tgl", Tanggal(c.TanggalLokal));
            cmd.Parameters.AddWithValue("$dari", (object?)c.Dari?.ToString() ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$ke", c.Ke.ToString());
            cmd.Parameters.AddWithValue("$versi", c.Versi);
            cmd.Parameters.AddWithValue("$catatan", (object?)c.Catatan ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$saluran", c.Saluran.Nilai);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

    }

    private static async Task<PersetujuanSkp?> MuatAsync(SqliteConnection connection, SqliteTransaction tx, KunciSkp kunci, CancellationToken cancellationToken)
    {
        var kantor = SqliteKeys.Kantor(kunci.KodeKantor);
        await using var cmd = Perintah(connection, tx, """
            SELECT status FROM skp_alur WHERE kantor = $k AND tahun = $t AND nip = $n;
            SELECT nomor, jenis, alasan, dibuat_pada, disetujui_pada FROM skp_versi WHERE kantor = $k AND tahun = $t AND nip = $n ORDER BY nomor;
            SELECT versi, kode_iku, triwulan, nilai, atas FROM skp_perubahan WHERE kantor = $k AND tahun = $t AND nip = $n ORDER BY versi, urutan;
            SELECT urutan, oleh, nama_oleh, atas_nama, nama_atas_nama, peran, pada, zona_waktu, tanggal_lokal, dari, ke, versi, catatan, saluran
                FROM skp_audit WHERE kantor = $k AND tahun = $t AND nip = $n ORDER BY urutan;
            """);
        Kunci(cmd, kantor, kunci);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var status = Enum.Parse<StatusSkp>(r.GetString(0));
        var versi = new List<(int Nomor, JenisVersi Jenis, string? Alasan, DateTimeOffset Dibuat, DateTimeOffset? Disetujui)>();
        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versi.Add((r.GetInt32(0), Enum.Parse<JenisVersi>(r.GetString(1)), Teks(r, 2), Waktu(r.GetString(3)), r.IsDBNull(4) ? null : Waktu(r.GetString(4))));
        }

        var perubahan = new Dictionary<int, List<PerubahanTarget>>();
        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var target = new Target(Desimal(r.GetString(3)), r.IsDBNull(4) ? null : Desimal(r.GetString(4)));
            (perubahan.TryGetValue(r.GetInt32(0), out var l) ? l : perubahan[r.GetInt32(0)] = []).Add(new PerubahanTarget(r.GetString(1), r.GetInt32(2), target));
        }

        var audit = new List<CatatanAudit>();
        await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var oleh = Teks(r, 1) is { } o ? new Pelaku(Nip.Parse(o), Teks(r, 2) ?? o) : null;
            var atasNama = Teks(r, 3) is { } a ? new Pelaku(Nip.Parse(a), Teks(r, 4) ?? a) : null;
            audit.Add(new CatatanAudit(r.GetInt32(0), oleh, atasNama, Teks(r, 5) is { } p ? Enum.Parse<PeranPemutus>(p) : null, Waktu(r.GetString(6)),
                r.GetString(7), TanggalDari(r.GetString(8)), Teks(r, 9) is { } dari ? Enum.Parse<StatusSkp>(dari) : null, Enum.Parse<StatusSkp>(r.GetString(10)),
                r.GetInt32(11), Teks(r, 12), new Saluran(r.GetString(13))));
        }

        return PersetujuanSkp.Pulihkan(kunci, status,
            versi.Select(v => new VersiSkp(v.Nomor, v.Jenis, perubahan.GetValueOrDefault(v.Nomor) ?? [], v.Alasan, v.Dibuat) { DisetujuiPadaUtc = v.Disetujui }),
            audit);
    }

    private static void Kunci(SqliteCommand cmd, string kantor, KunciSkp k)
    {
        cmd.Parameters.AddWithValue("$k", kantor);
        cmd.Parameters.AddWithValue("$t", k.Tahun);
        cmd.Parameters.AddWithValue("$n", k.Pemilik.Value);
    }

    private static SqliteCommand Perintah(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static string? Teks(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset Waktu(string teks) =>
        DateTimeOffset.Parse(teks, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Tanggal(DateOnly tanggal) => tanggal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly TanggalDari(string teks) => DateOnly.ParseExact(teks, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Desimal(string teks) => decimal.Parse(teks, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Source-generated logs of the SKP workflow store. Event ids 6000–6099 are stable.</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "SKP {Kunci} saved: {From} -> {To}, revision {Revision}")]
        public static partial void Saved(ILogger logger, string kunci, string from, string to, int revision);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
            Message = "SKP {Kunci} was changed by another writer: expected revision {Expected}, stored {Stored}; nothing written")]
        public static partial void Conflict(ILogger logger, string kunci, int expected, int stored);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "SKP workflow of {KodeKantor} seeded from the import: {Count} new contracts")]
        public static partial void Seeded(ILogger logger, string kodeKantor, int count);

        [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Delegation {Id} of {KodeKantor} saved ({Start} to {End})")]
        public static partial void DelegationSaved(ILogger logger, string kodeKantor, string id, DateOnly start, DateOnly end);

        [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Delegation {Id} of {KodeKantor} removed")]
        public static partial void DelegationRemoved(ILogger logger, string kodeKantor, string id);
    }
}

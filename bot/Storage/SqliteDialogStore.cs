using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;
using Microsoft.Data.Sqlite;
using static KinerjaBot.Storage.DialogRows;

namespace KinerjaBot.Storage;

/// <summary>
/// <see cref="IDialogStore"/> on SQLite (schema version 5): a dialog and its participants, agenda and follow-ups are
/// written in one transaction that starts with an insert of the dialog's key (a second save of the same id inserts
/// nothing and writes nothing); a follow-up is closed by an <c>UPDATE … WHERE versi = $seen</c>, so of two people
/// closing it exactly one changes a row.
/// </summary>
public sealed class SqliteDialogStore(SqliteDatabase database) : IDialogStore
{
    public async Task<HasilSimpanDialog> SimpanAsync(DialogKinerja dialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var kantor = SqliteKeys.Kantor(dialog.KodeKantor);
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var tx = connection.BeginTransaction(deferred: false);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO dialog (kantor, id, seri, tahun, triwulan, pada_utc, zona_waktu, tanggal_lokal, jam_lokal, dicatat_oleh, dicatat_oleh_nama, dicatat_pada)
                VALUES ($k, $id, $seri, $th, $tw, $pada, $zona, $tgl, $jam, $oleh, $olehNama, $dicatat)
                ON CONFLICT (kantor, id) DO NOTHING;
                """;
            cmd.Parameters.AddWithValue("$k", kantor);
            cmd.Parameters.AddWithValue("$id", dialog.Id);
            cmd.Parameters.AddWithValue("$seri", dialog.Seri.Kunci);
            cmd.Parameters.AddWithValue("$th", dialog.Periode.Tahun);
            cmd.Parameters.AddWithValue("$tw", dialog.Periode.Triwulan);
            cmd.Parameters.AddWithValue("$pada", SqliteKeys.Waktu(dialog.Pada.Utc));
            cmd.Parameters.AddWithValue("$zona", dialog.Pada.ZonaWaktu);
            cmd.Parameters.AddWithValue("$tgl", Tanggal(dialog.Pada.TanggalLokal));
            cmd.Parameters.AddWithValue("$jam", Jam(dialog.JamLokal));
            cmd.Parameters.AddWithValue("$oleh", dialog.DicatatOleh.Nip.Value);
            cmd.Parameters.AddWithValue("$olehNama", dialog.DicatatOleh.Nama);
            cmd.Parameters.AddWithValue("$dicatat", SqliteKeys.Waktu(dialog.DicatatPadaUtc));
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return new HasilSimpanDialog(false, (await MuatAsync(dialog.KodeKantor, dialog.Id, cancellationToken).ConfigureAwait(false))!);
            }

            for (var i = 0; i < dialog.Peserta.Count; i++)
            {
                cmd.Parameters.Clear();
                cmd.CommandText = "INSERT INTO dialog_peserta (kantor, dialog_id, urutan, nip, nama) VALUES ($k, $id, $u, $nip, $nama);";
                cmd.Parameters.AddWithValue("$k", kantor);
                cmd.Parameters.AddWithValue("$id", dialog.Id);
                cmd.Parameters.AddWithValue("$u", i);
                cmd.Parameters.AddWithValue("$nip", dialog.Peserta[i].Nip.Value);
                cmd.Parameters.AddWithValue("$nama", dialog.Peserta[i].Nama);
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < dialog.Agenda.Count; i++)
            {
                var (item, notula) = (dialog.Agenda[i].Item, dialog.Agenda[i].Notula);
                cmd.Parameters.Clear();
                cmd.CommandText = """
                    INSERT INTO dialog_agenda (kantor, dialog_id, urutan, jenis, judul, alasan, rincian, kode_iku, target, realisasi, selisih, indeks_capaian, satuan, id_tindak_lanjut, notula)
                    VALUES ($k, $id, $u, $jenis, $judul, $alasan, $rincian, $iku, $target, $realisasi, $selisih, $ic, $satuan, $tl, $notula);
                    """;
                cmd.Parameters.AddWithValue("$k", kantor);
                cmd.Parameters.AddWithValue("$id", dialog.Id);
                cmd.Parameters.AddWithValue("$u", i);
                cmd.Parameters.AddWithValue("$jenis", item.Jenis.ToString());
                cmd.Parameters.AddWithValue("$judul", item.Judul);
                cmd.Parameters.AddWithValue("$alasan", item.Alasan);
                cmd.Parameters.AddWithValue("$rincian", (object?)item.Rincian ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$iku", (object?)item.KodeIku ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$target", (object?)Angka(item.Target) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$realisasi", (object?)Angka(item.Realisasi) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$selisih", (object?)Angka(item.Selisih) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$ic", (object?)Angka(item.IndeksCapaian) ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$satuan", (object?)item.Satuan ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$tl", (object?)item.IdTindakLanjut ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$notula", notula);
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < dialog.TindakLanjut.Count; i++)
            {
                var b = BarisTindakLanjut.Dari(dialog.TindakLanjut[i], 1);
                cmd.Parameters.Clear();
                cmd.CommandText = """
                    INSERT INTO tindak_lanjut (kantor, id, dialog_id, seri, urutan, uraian, pic, pic_nama, tenggat, dibuat_pada, status, catatan, ditutup_oleh, ditutup_oleh_nama, ditutup_pada, versi)
                    VALUES ($k, $id, $dialog, $seri, $u, $uraian, $pic, $picNama, $tenggat, $dibuat, $status, $catatan, $oleh, $olehNama, $pada, 1);
                    """;
                cmd.Parameters.AddWithValue("$k", kantor);
                cmd.Parameters.AddWithValue("$id", b.Id);
                cmd.Parameters.AddWithValue("$dialog", dialog.Id);
                cmd.Parameters.AddWithValue("$seri", b.Seri);
                cmd.Parameters.AddWithValue("$u", i);
                cmd.Parameters.AddWithValue("$uraian", b.Uraian);
                cmd.Parameters.AddWithValue("$pic", b.Pic);
                cmd.Parameters.AddWithValue("$picNama", b.PicNama);
                cmd.Parameters.AddWithValue("$tenggat", b.Tenggat);
                cmd.Parameters.AddWithValue("$dibuat", b.DibuatPada);
                cmd.Parameters.AddWithValue("$status", b.Status);
                cmd.Parameters.AddWithValue("$catatan", (object?)b.Catatan ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$oleh", (object?)b.DitutupOleh ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$olehNama", (object?)b.DitutupOlehNama ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$pada", (object?)b.DitutupPada ?? DBNull.Value);
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new HasilSimpanDialog(true, (await MuatAsync(dialog.KodeKantor, dialog.Id, cancellationToken).ConfigureAwait(false))!);
    }

    public async Task<DialogKinerja?> MuatAsync(string kodeKantor, string id, CancellationToken cancellationToken) =>
        (await BacaAsync(kodeKantor, "d.id = $id", c => c.Parameters.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<DialogKinerja>> DaftarAsync(string kodeKantor, DateOnly sejak, CancellationToken cancellationToken) =>
        BacaAsync(kodeKantor, "d.tanggal_lokal >= $sejak", c => c.Parameters.AddWithValue("$sejak", Tanggal(sejak)), cancellationToken);

    public async Task<IReadOnlyList<TindakLanjut>> DaftarTindakLanjutAsync(string kodeKantor, bool hanyaTerbuka, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var semua = await TindakLanjutAsync(connection, kodeKantor, hanyaTerbuka ? "t.status = 'Terbuka'" : "1 = 1", _ => { }, cancellationToken).ConfigureAwait(false);
        return [.. semua.OrderBy(t => t.Tenggat).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    public async Task<TindakLanjut?> MuatTindakLanjutAsync(string kodeKantor, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await TindakLanjutAsync(connection, kodeKantor, "t.id = $id", c => c.Parameters.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();
    }

    public async Task<HasilSimpanTindakLanjut> SimpanTindakLanjutAsync(TindakLanjut tindakLanjut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tindakLanjut);
        var b = BarisTindakLanjut.Dari(tindakLanjut, tindakLanjut.Versi);
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                UPDATE tindak_lanjut SET status = $status, catatan = $catatan, ditutup_oleh = $oleh, ditutup_oleh_nama = $olehNama, ditutup_pada = $pada, versi = versi + 1
                WHERE kantor = $k AND id = $id AND versi = $versi;
                """;
            cmd.Parameters.AddWithValue("$k", SqliteKeys.Kantor(tindakLanjut.KodeKantor));
            cmd.Parameters.AddWithValue("$id", b.Id);
            cmd.Parameters.AddWithValue("$versi", b.Versi);
            cmd.Parameters.AddWithValue("$status", b.Status);
            cmd.Parameters.AddWithValue("$catatan", (object?)b.Catatan ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$oleh", (object?)b.DitutupOleh ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$olehNama", (object?)b.DitutupOlehNama ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$pada", (object?)b.DitutupPada ?? DBNull.Value);
            var berubah = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            var sekarang = await MuatTindakLanjutAsync(tindakLanjut.KodeKantor, tindakLanjut.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Tindak lanjut {tindakLanjut.Id} tidak ada");
            return new HasilSimpanTindakLanjut(berubah, sekarang);
        }
    }

    public async Task SimpanRencanaAsync(RencanaDialog rencana, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rencana);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO dialog_rencana (kantor, seri, tanggal, oleh, oleh_nama, pada) VALUES ($k, $seri, $tgl, $oleh, $nama, $pada)
            ON CONFLICT (kantor, seri) DO UPDATE SET tanggal = excluded.tanggal, oleh = excluded.oleh, oleh_nama = excluded.oleh_nama, pada = excluded.pada;
            """;
        cmd.Parameters.AddWithValue("$k", SqliteKeys.Kantor(rencana.KodeKantor));
        cmd.Parameters.AddWithValue("$seri", rencana.Seri.Kunci);
        cmd.Parameters.AddWithValue("$tgl", Tanggal(rencana.Tanggal));
        cmd.Parameters.AddWithValue("$oleh", rencana.Oleh.Nip.Value);
        cmd.Parameters.AddWithValue("$nama", rencana.Oleh.Nama);
        cmd.Parameters.AddWithValue("$pada", SqliteKeys.Waktu(rencana.PadaUtc));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RencanaDialog>> DaftarRencanaAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT seri, tanggal, oleh, oleh_nama, pada FROM dialog_rencana WHERE kantor = $k ORDER BY seri;";
        cmd.Parameters.AddWithValue("$k", SqliteKeys.Kantor(kodeKantor));
        var hasil = new List<RencanaDialog>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(new RencanaDialog(SqliteKeys.Kantor(kodeKantor), SeriDialog.Parse(r.GetString(0)), Tanggal(r.GetString(1)), Pelaku(r.GetString(2), r.GetString(3)),
                Waktu(r.GetString(4))));
        }

        return hasil;
    }

    private async Task<IReadOnlyList<DialogKinerja>> BacaAsync(string kodeKantor, string filter, Action<SqliteCommand> parameter, CancellationToken cancellationToken)
    {
        var kantor = SqliteKeys.Kantor(kodeKantor);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var kepala = new List<(string Id, string Seri, int Th, int Tw, string Pada, string Zona, string Tgl, string Jam, string Oleh, string OlehNama, string Dicatat)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT d.id, d.seri, d.tahun, d.triwulan, d.pada_utc, d.zona_waktu, d.tanggal_lokal, d.jam_lokal, d.dicatat_oleh, d.dicatat_oleh_nama, d.dicatat_pada
                FROM dialog d WHERE d.kantor = $k AND {filter} ORDER BY d.pada_utc, d.id;
                """;
            cmd.Parameters.AddWithValue("$k", kantor);
            parameter(cmd);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                kepala.Add((r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
                    r.GetString(8), r.GetString(9), r.GetString(10)));
            }
        }

        if (kepala.Count == 0)
        {
            return [];
        }

        var peserta = new Dictionary<string, List<Pelaku>>(StringComparer.Ordinal);
        var agenda = new Dictionary<string, List<ButirNotula>>(StringComparer.Ordinal);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT p.dialog_id, p.nip, p.nama FROM dialog_peserta p JOIN dialog d ON d.kantor = p.kantor AND d.id = p.dialog_id
                WHERE p.kantor = $k AND {filter} ORDER BY p.dialog_id, p.urutan;
                """;
            cmd.Parameters.AddWithValue("$k", kantor);
            parameter(cmd);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (peserta.TryGetValue(r.GetString(0), out var l) ? l : peserta[r.GetString(0)] = []).Add(Pelaku(r.GetString(1), r.GetString(2)));
            }
        }

        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT a.dialog_id, a.jenis, a.judul, a.alasan, a.rincian, a.kode_iku, a.target, a.realisasi, a.selisih, a.indeks_capaian, a.satuan, a.id_tindak_lanjut, a.notula
                FROM dialog_agenda a JOIN dialog d ON d.kantor = a.kantor AND d.id = a.dialog_id
                WHERE a.kantor = $k AND {filter} ORDER BY a.dialog_id, a.urutan;
                """;
            cmd.Parameters.AddWithValue("$k", kantor);
            parameter(cmd);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var item = new ItemAgenda(Jenis(r.GetString(1)), r.GetString(2), r.GetString(3), S(4))
                {
                    KodeIku = S(5), Target = Angka(S(6)), Realisasi = Angka(S(7)), Selisih = Angka(S(8)), IndeksCapaian = Angka(S(9)), Satuan = S(10), IdTindakLanjut = S(11),
                };
                (agenda.TryGetValue(r.GetString(0), out var l) ? l : agenda[r.GetString(0)] = []).Add(new ButirNotula(item, r.GetString(12)));
            }
        }

        var tl = (await TindakLanjutAsync(connection, kodeKantor, $"t.dialog_id IN (SELECT d.id FROM dialog d WHERE d.kantor = $k AND {filter})", parameter, cancellationToken)
            .ConfigureAwait(false)).ToLookup(t => t.IdDialog, StringComparer.Ordinal);
        return [.. kepala.Select(k => DialogKinerja.Pulihkan(k.Id, SqliteKeys.Kantor(kodeKantor), SeriDialog.Parse(k.Seri), new Periode(k.Th, k.Tw),
            new MomenKantor(Waktu(k.Pada), k.Zona, Tanggal(k.Tgl)), Jam(k.Jam), peserta.GetValueOrDefault(k.Id) ?? [], agenda.GetValueOrDefault(k.Id) ?? [],
            [.. tl[k.Id]], Pelaku(k.Oleh, k.OlehNama), Waktu(k.Dicatat)))];
    }

    private static async Task<List<TindakLanjut>> TindakLanjutAsync(SqliteConnection connection, string kodeKantor, string filter, Action<SqliteCommand> parameter,
        CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT t.id, t.dialog_id, t.seri, t.uraian, t.pic, t.pic_nama, t.tenggat, t.dibuat_pada, t.status, t.catatan, t.ditutup_oleh, t.ditutup_oleh_nama, t.ditutup_pada, t.versi
            FROM tindak_lanjut t WHERE t.kantor = $k AND {filter} ORDER BY t.dialog_id, t.urutan;
            """;
        cmd.Parameters.AddWithValue("$k", SqliteKeys.Kantor(kodeKantor));
        parameter(cmd);
        var hasil = new List<TindakLanjut>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            hasil.Add(new BarisTindakLanjut(r.GetString(0), SqliteKeys.Kantor(kodeKantor), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), S(9), S(10), S(11), S(12), r.GetInt32(13)).KeDomain());
        }

        return hasil;
    }
}

using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;
using static KinerjaBot.Storage.DialogRows;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IDialogStore"/> on Azure Tables: one partition per office (<see cref="TableKeys.DialogPartition"/>) holding
/// each dialog's head row, its agenda rows (with the minutes) and its follow-ups, and the postponements. A dialog is
/// saved in <b>one entity group transaction</b> whose first operation adds the head: all rows or none, and a second
/// save of the same id fails on that add (409) and writes nothing. A follow-up is closed by a read, a check of its
/// <c>Versi</c>, and a replace with <c>If-Match</c> on the ETag read: of two writers exactly one succeeds, the other
/// gets 412 and the current state. Postponements are upserts (the leader's last word wins).
/// </summary>
public sealed class TableDialogStore(TableStorage storage, ILogger<TableDialogStore> logger) : IDialogStore
{
    public async Task<HasilSimpanDialog> SimpanAsync(DialogKinerja dialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (2 + dialog.Agenda.Count + dialog.TindakLanjut.Count > 100)
        {
            throw new InvalidOperationException("Dialog terlalu besar untuk satu transaksi (lebih dari 100 baris)");
        }

        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.DialogPartition(dialog.KodeKantor);
        var tanggal = dialog.Pada.TanggalLokal;
        var kepala = new TableEntity(pk, TableKeys.DialogRow(dialog.Id, tanggal))
        {
            ["Id"] = dialog.Id, ["Seri"] = dialog.Seri.Kunci, ["Tahun"] = dialog.Periode.Tahun, ["Triwulan"] = dialog.Periode.Triwulan,
            ["PadaUtc"] = TableKeys.Waktu(dialog.Pada.Utc), ["ZonaWaktu"] = dialog.Pada.ZonaWaktu, ["TanggalLokal"] = Tanggal(dialog.Pada.TanggalLokal),
            ["JamLokal"] = Jam(dialog.JamLokal), ["DicatatOleh"] = dialog.DicatatOleh.Nip.Value, ["DicatatOlehNama"] = dialog.DicatatOleh.Nama,
            ["DicatatPada"] = TableKeys.Waktu(dialog.DicatatPadaUtc),
            ["Peserta"] = JsonSerializer.Serialize(dialog.Peserta.Select(p => new[] { p.Nip.Value, p.Nama })),
        };
        // The pointer first: a second save of the id fails on it (409 at operation 0), whatever date it carries.
        var batch = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(pk, TableKeys.DialogPointerRow(dialog.Id)) { ["Id"] = dialog.Id, ["Tanggal"] = Tanggal(tanggal) }),
            new(TableTransactionActionType.Add, kepala),
        };
        for (var i = 0; i < dialog.Agenda.Count; i++)
        {
            var (item, notula) = (dialog.Agenda[i].Item, dialog.Agenda[i].Notula);
            var e = new TableEntity(pk, TableKeys.AgendaRow(dialog.Id, tanggal, i))
            {
                ["Jenis"] = item.Jenis.ToString(), ["Judul"] = item.Judul, ["Alasan"] = item.Alasan, ["Notula"] = notula,
            };
            Opsional(e, "Rincian", item.Rincian);
            Opsional(e, "KodeIku", item.KodeIku);
            Opsional(e, "Target", Angka(item.Target));
            Opsional(e, "Realisasi", Angka(item.Realisasi));
            Opsional(e, "Selisih", Angka(item.Selisih));
            Opsional(e, "IndeksCapaian", Angka(item.IndeksCapaian));
            Opsional(e, "Satuan", item.Satuan);
            Opsional(e, "IdTindakLanjut", item.IdTindakLanjut);
            batch.Add(new TableTransactionAction(TableTransactionActionType.Add, e));
        }

        for (var i = 0; i < dialog.TindakLanjut.Count; i++)
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Add, Entitas(pk, BarisTindakLanjut.Dari(dialog.TindakLanjut[i], 1), i, Tanggal(tanggal))));
        }

        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is null or 0)
        {
            TableLog.DialogSudahAda(logger, dialog.Id, dialog.KodeKantor);
            return new HasilSimpanDialog(false, (await MuatAsync(dialog.KodeKantor, dialog.Id, cancellationToken).ConfigureAwait(false))!);
        }

        TableLog.DialogSaved(logger, dialog.Id, dialog.KodeKantor, batch.Count);
        return new HasilSimpanDialog(true, (await MuatAsync(dialog.KodeKantor, dialog.Id, cancellationToken).ConfigureAwait(false))!);
    }

    public async Task<DialogKinerja?> MuatAsync(string kodeKantor, string id, CancellationToken cancellationToken)
    {
        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.DialogPartition(kodeKantor);
        // The dialog's follow-ups (filtered on the server to this dialog) are read while the pointer is.
        var tindakLanjut = TindakLanjutAsync(table, kodeKantor, TableClient.CreateQueryFilter($"Dialog eq {id}"), cancellationToken);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(pk, TableKeys.DialogPointerRow(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        var tl = await tindakLanjut.ConfigureAwait(false);
        if (!pointer.HasValue)
        {
            return null;
        }

        // The head and its agenda rows are one range of row keys: "d|{date}|{id}" … "d|{date}|{id}|~".
        var head = TableKeys.DialogRow(id, Tanggal(pointer.Value!.GetString("Tanggal")));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {head} and RowKey le {head + "|~"}");
        var baris = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            baris.Add(e);
        }

        var kepala = baris.Find(e => e.RowKey == head);
        return kepala is null ? null : Dialog(kodeKantor, kepala, baris.Where(e => e.RowKey != head), tl);
    }

    public async Task<IReadOnlyList<DialogKinerja>> DaftarAsync(string kodeKantor, DateOnly sejak, CancellationToken cancellationToken)
    {
        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.DialogPartition(kodeKantor);
        // Two queries whose size follows the dialogs since the date, not every dialog the office ever kept: the row-key
        // range of the heads and agenda rows from that date on, and the follow-ups of those dialogs (filtered on the
        // server by the dialog's date, which each follow-up row carries).
        var tindakLanjut = TindakLanjutAsync(table, kodeKantor, TableClient.CreateQueryFilter($"TanggalDialog ge {Tanggal(sejak)}"), cancellationToken);
        var baris = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {TableKeys.DialogSejak(sejak)} and RowKey lt {"d}"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            baris.Add(e);
        }

        var tl = (await tindakLanjut.ConfigureAwait(false)).ToLookup(t => t.IdDialog, StringComparer.Ordinal);
        // Heads are "d|{date}|{id}" (agenda rows add "|a|{n}"); rows come in key order, a head before its agenda.
        var kepala = baris.Where(e => e.RowKey.Count(c => c == '|') == 2).ToList();
        return [.. kepala
            .Select(k => Dialog(kodeKantor, k, baris.Where(e => e.RowKey.StartsWith(k.RowKey + "|", StringComparison.Ordinal)), tl[k.GetString("Id")]))
            .OrderBy(d => d.Pada.Utc).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<TindakLanjut>> DaftarTindakLanjutAsync(string kodeKantor, bool hanyaTerbuka, CancellationToken cancellationToken)
    {
        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await TindakLanjutAsync(table, kodeKantor, null, cancellationToken).ConfigureAwait(false))
            .Where(t => !hanyaTerbuka || t.Status == StatusTindakLanjut.Terbuka)
            .OrderBy(t => t.Tenggat).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    public async Task<TindakLanjut?> MuatTindakLanjutAsync(string kodeKantor, string id, CancellationToken cancellationToken)
    {
        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.DialogPartition(kodeKantor), TableKeys.TindakLanjutRow(id), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return e.HasValue ? TindakLanjut(kodeKantor, e.Value!) : null;
    }

    public async Task<HasilSimpanTindakLanjut> SimpanTindakLanjutAsync(TindakLanjut tindakLanjut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tindakLanjut);
        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.DialogPartition(tindakLanjut.KodeKantor);
        var rk = TableKeys.TindakLanjutRow(tindakLanjut.Id);
        var ada = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!ada.HasValue)
        {
            throw new InvalidOperationException($"Tindak lanjut {tindakLanjut.Id} tidak ada");
        }

        var tersimpan = ada.Value!;
        if (tersimpan.GetInt32("Versi") != tindakLanjut.Versi)
        {
            return new HasilSimpanTindakLanjut(false, TindakLanjut(tindakLanjut.KodeKantor, tersimpan));
        }

        var baru = Entitas(pk, BarisTindakLanjut.Dari(tindakLanjut, tindakLanjut.Versi + 1), tersimpan.GetInt32("Urutan") ?? 0, tersimpan.GetString("TanggalDialog"));
        try
        {
            await table.UpdateEntityAsync(baru, tersimpan.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Another writer replaced it between our read and our write: theirs stands.
            TableLog.TindakLanjutConflict(logger, tindakLanjut.Id, tindakLanjut.KodeKantor);
            return new HasilSimpanTindakLanjut(false, (await MuatTindakLanjutAsync(tindakLanjut.KodeKantor, tindakLanjut.Id, cancellationToken).ConfigureAwait(false))!);
        }

        return new HasilSimpanTindakLanjut(true, (await MuatTindakLanjutAsync(tindakLanjut.KodeKantor, tindakLanjut.Id, cancellationToken).ConfigureAwait(false))!);
    }

    public async Task SimpanRencanaAsync(RencanaDialog rencana, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rencana);
        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.DialogPartition(rencana.KodeKantor), TableKeys.RencanaRow(rencana.Seri.Kunci))
        {
            ["Seri"] = rencana.Seri.Kunci, ["Tanggal"] = Tanggal(rencana.Tanggal), ["Oleh"] = rencana.Oleh.Nip.Value, ["OlehNama"] = rencana.Oleh.Nama,
            ["Pada"] = TableKeys.Waktu(rencana.PadaUtc),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RencanaDialog>> DaftarRencanaAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        var table = await storage.DialogAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.DialogPartition(kodeKantor);
        var hasil = new List<RencanaDialog>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {"r|"} and RowKey lt {"r}"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(new RencanaDialog(SqliteKeys.Kantor(kodeKantor), SeriDialog.Parse(e.GetString("Seri")), Tanggal(e.GetString("Tanggal")),
                Pelaku(e.GetString("Oleh"), e.GetString("OlehNama")), Waktu(e.GetString("Pada"))));
        }

        return [.. hasil.OrderBy(r => r.Seri.Kunci, StringComparer.Ordinal)];
    }

    /// <summary>The office's follow-ups (the <c>t|</c> range), narrowed on the server by <paramref name="saring"/> when given.</summary>
    private static async Task<List<TindakLanjut>> TindakLanjutAsync(TableClient table, string kodeKantor, string? saring, CancellationToken cancellationToken)
    {
        var hasil = new List<TindakLanjut>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.DialogPartition(kodeKantor)} and RowKey ge {"t|"} and RowKey lt {"t}"}");
        if (saring is not null)
        {
            filter += " and " + saring;
        }

        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(TindakLanjut(kodeKantor, e));
        }

        return hasil;
    }

    private static DialogKinerja Dialog(string kodeKantor, TableEntity k, IEnumerable<TableEntity> agenda, IEnumerable<TindakLanjut> tindakLanjut)
    {
        var peserta = JsonSerializer.Deserialize<string[][]>(k.GetString("Peserta"))!.Select(p => Pelaku(p[0], p[1])).ToList();
        var butir = agenda.OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(e => new ButirNotula(
            new ItemAgenda(Jenis(e.GetString("Jenis")), e.GetString("Judul"), e.GetString("Alasan"), e.GetString("Rincian"))
            {
                KodeIku = e.GetString("KodeIku"), Target = Angka(e.GetString("Target")), Realisasi = Angka(e.GetString("Realisasi")),
                Selisih = Angka(e.GetString("Selisih")), IndeksCapaian = Angka(e.GetString("IndeksCapaian")), Satuan = e.GetString("Satuan"),
                IdTindakLanjut = e.GetString("IdTindakLanjut"),
            },
            e.GetString("Notula"))).ToList();
        var tl = tindakLanjut.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        return DialogKinerja.Pulihkan(k.GetString("Id"), SqliteKeys.Kantor(kodeKantor), SeriDialog.Parse(k.GetString("Seri")),
            new Periode(k.GetInt32("Tahun")!.Value, k.GetInt32("Triwulan")!.Value),
            new MomenKantor(Waktu(k.GetString("PadaUtc")), k.GetString("ZonaWaktu"), Tanggal(k.GetString("TanggalLokal"))), Jam(k.GetString("JamLokal")),
            peserta, butir, tl, Pelaku(k.GetString("DicatatOleh"), k.GetString("DicatatOlehNama")), Waktu(k.GetString("DicatatPada")));
    }

    private static TindakLanjut TindakLanjut(string kodeKantor, TableEntity e) => new BarisTindakLanjut(e.GetString("Id"), SqliteKeys.Kantor(kodeKantor),
        e.GetString("Dialog"), e.GetString("Seri"), e.GetString("Uraian"), e.GetString("Pic"), e.GetString("PicNama"), e.GetString("Tenggat"),
        e.GetString("DibuatPada"), e.GetString("Status"), e.GetString("Catatan"), e.GetString("DitutupOleh"), e.GetString("DitutupOlehNama"),
        e.GetString("DitutupPada"), e.GetInt32("Versi")!.Value).KeDomain();

    /// <summary>A follow-up row; <paramref name="tanggalDialog"/> is its dialog's date (<c>yyyy-MM-dd</c>), for "the dialogs since".</summary>
    private static TableEntity Entitas(string pk, BarisTindakLanjut b, int urutan, string? tanggalDialog)
    {
        var e = new TableEntity(pk, TableKeys.TindakLanjutRow(b.Id))
        {
            ["Id"] = b.Id, ["Dialog"] = b.DialogId, ["Seri"] = b.Seri, ["Urutan"] = urutan, ["Uraian"] = b.Uraian, ["Pic"] = b.Pic, ["PicNama"] = b.PicNama,
            ["Tenggat"] = b.Tenggat, ["DibuatPada"] = b.DibuatPada, ["Status"] = b.Status, ["Versi"] = b.Versi,
        };
        Opsional(e, "TanggalDialog", tanggalDialog);
        Opsional(e, "Catatan", b.Catatan);
        Opsional(e, "DitutupOleh", b.DitutupOleh);
        Opsional(e, "DitutupOlehNama", b.DitutupOlehNama);
        Opsional(e, "DitutupPada", b.DitutupPada);
        return e;
    }

    private static void Opsional(TableEntity e, string nama, string? nilai)
    {
        if (nilai is not null)
        {
            e[nama] = nilai;
        }
    }
}

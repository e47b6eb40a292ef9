using System.Globalization;
using Kinerja.Cards;
using Kinerja.Domain;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using KinerjaBot.Dialog;
using KinerjaBot.Protocol;

namespace KinerjaBot.Handlers;

/// <summary>
/// Performance dialogs from Teams: <c>dialog</c>, <c>tindak lanjut</c> and the verbs <c>bukaDialog</c>,
/// <c>simpanDialog</c>, <c>tundaDialog</c>, <c>lihatDialog</c>, <c>selesaiTindakLanjut</c>. Translation only: the actor
/// is the person of the authenticated activity (<see cref="IdentitasPengguna"/>); agendas come from
/// <see cref="PenyusunAgenda"/>, schedules and compliance from <see cref="JadwalDialog"/> and
/// <see cref="KepatuhanDialog"/>, validation from <see cref="DialogKinerja.Catat"/>, who may close a follow-up from
/// <see cref="TindakLanjut"/>, who may read a dialog from <see cref="AksesDialog"/>. The office date and time come
/// from the injected clock in the person's unit's zone.
/// </summary>
public sealed partial class DialogHandler(
    DataPenilaian dataPenilaian,
    IKontrakStore kontrakStore,
    IKalenderKerja kalender,
    IDialogStore dialogStore,
    IPenggunaStore penggunaStore,
    IPercakapanStore percakapanStore,
    PenyusunAgenda penyusun,
    Penilai penilai,
    KebijakanDialog kebijakan,
    TautanNotula tautan,
    IKoordinatorKantor koordinatorKantor,
    TimeProvider time,
    ILogger<DialogHandler> logger)
{
    /// <summary>How far back "dialog" and the schedule look.</summary>
    private const int BulanRiwayat = 12;

    public async Task<Jawaban> DialogAsync(IdentitasPengguna identitas, string? pesan, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(identitas, cancellationToken) is not { } k)
        {
            return Jawaban.Pesan(SkpHandler.PesanDataTidakAda);
        }

        var dialog = await dialogStore.DaftarAsync(identitas.KodeKantor, k.HariIni.AddMonths(-BulanRiwayat), cancellationToken);
        var tindakLanjut = await dialogStore.DaftarTindakLanjutAsync(identitas.KodeKantor, hanyaTerbuka: true, cancellationToken);
        var rencana = await dialogStore.DaftarRencanaAsync(identitas.KodeKantor, cancellationToken);
        var mendatang = new List<DialogMendatangItem>();
        foreach (var j in JadwalDialog.Untuk(k.Data, k.Saya, penilai, dialog, rencana, k.HariIni, kebijakan))
        {
            var agenda = await AgendaAsync(k, j.Seri, j.Periode, tindakLanjut, cancellationToken);
            mendatang.Add(new DialogMendatangItem(j, Judul(k.Data, j.Seri), agenda));
        }

        // The leader's compliance: the due dialogs are listed most overdue first.
        mendatang.Sort((a, b) => a.Jadwal.JatuhTempo.CompareTo(b.Jadwal.JatuhTempo));
        KepatuhanPemimpin? kepatuhan = k.Data.Bawahan(k.Saya.Nip).Count > 0
            ? KepatuhanDialog.PerPemimpin(k.Data, dialog, tindakLanjut, k.HariIni, kebijakan).FirstOrDefault(p => p.Pemimpin.Nip == k.Saya.Nip)
            : null;
        var terakhir = dialog.Where(d => d.Melibatkan(k.Saya.Nip)).OrderByDescending(d => d.Pada.Utc)
            .Select(d => new DialogRingkas(d.Id, d.Seri.Kunci, Judul(k.Data, d.Seri), d.Pada.TanggalLokal, d.JamDenganZona,
                d.TindakLanjut.Count(t => t.Status == StatusTindakLanjut.Terbuka)))
            .ToList();

        // The person's own open follow-ups (as PIC), with the dialog each comes from; the card lists the first few, overdue first.
        var asal = dialog.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var milikSaya = tindakLanjut.Where(t => t.Pic.Nip == k.Saya.Nip)
            .Select(t => new TindakLanjutItem(t, Asal(k, asal, t), t.BolehDiselesaikanOleh(k.Saya.Nip), t.Seri.Pemimpin == k.Saya.Nip))
            .ToList();
        Log.Listed(logger, identitas.KodeKantor, mendatang.Count, terakhir.Count);
        return Jawaban.Dari(DialogCard.Render(new DialogModel(k.Saya.Nama, mendatang, terakhir, milikSaya, kepatuhan, k.HariIni, pesan)
        {
            BulanKepatuhan = kebijakan.DkiBatasKepatuhanBulan,
        }));
    }

    /// <summary><c>bukaDialog</c>: the record card of a due dialog, for its leader only.</summary>
    public async Task<Jawaban> BukaAsync(IdentitasPengguna identitas, DialogData d, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(identitas, cancellationToken) is not { } k)
        {
            return Jawaban.Pesan(SkpHandler.PesanDataTidakAda);
        }

        if (SeriDari(k, d.Seri) is not { } seri)
        {
            return Jawaban.Pesan("Dialog ini tidak dikenal lagi di data kantor.");
        }

        if (seri.Pemimpin != k.Saya.Nip)
        {
            return Jawaban.Pesan("Hanya pemimpin dialog yang dapat mencatat atau menunda dialog ini.");
        }

        return Jawaban.Dari(await KartuCatatAsync(k, seri, "dlg-" + Guid.NewGuid().ToString("N")[..20], [], new Dictionary<string, string>(), cancellationToken));
    }

    /// <summary><c>simpanDialog</c>: validates and saves the record; on bad input the card comes back with the problems and nothing is saved.</summary>
    public async Task<Jawaban> SimpanAsync(IConnectorClient connector, IdentitasPengguna identitas, DialogData d, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(identitas, cancellationToken) is not { } k)
        {
            return Jawaban.Pesan(SkpHandler.PesanDataTidakAda);
        }

        if (SeriDari(k, d.Seri) is not { } seri || d.Id is not { } id)
        {
            return Jawaban.Pesan("Dialog ini tidak dikenal lagi di data kantor.");
        }

        if (seri.Pemimpin != k.Saya.Nip)
        {
            Log.Refused(logger, d.Verb, seri.Kunci);
            return Jawaban.Pesan("Hanya pemimpin dialog yang dapat mencatat hasil dialog ini.");
        }

        if (await dialogStore.MuatAsync(identitas.KodeKantor, id, cancellationToken) is { } sudah)
        {
            // A double click or a re-sent invoke: the dialog is recorded once. The id comes from card data, so the
            // stored dialog is shown only when it is this series' and the caller may read it (an id learnt elsewhere,
            // e.g. from a DOCX file name, must not open someone else's minutes).
            if (sudah.Seri != seri || !AksesDialog.BolehMelihat(sudah, k.Saya.Nip, k.Data, Koordinator(k.Data)))
            {
                Log.Refused(logger, d.Verb, sudah.Seri.Kunci);
                return Jawaban.Pesan(AksesDialog.PesanDitolak);
            }

            return Jawaban.Dari(Notula(k, sudah, "Hasil dialog ini sudah tersimpan sebelumnya."));
        }

        var tindakLanjut = await dialogStore.DaftarTindakLanjutAsync(identitas.KodeKantor, hanyaTerbuka: true, cancellationToken);
        var agenda = await AgendaAsync(k, seri, PeriodeAgenda(k), tindakLanjut, cancellationToken);
        if (d.Sidik != agenda.Sidik)
        {
            // The data changed between opening and saving (a realisation came in, a follow-up was closed): the leader
            // sees the agenda as it is now before anything is saved. Minutes stay with their items (keyed inputs);
            // minutes of items no longer on the agenda move to "Lain-lain" rather than being lost.
            Log.AgendaChanged(logger, seri.Kunci);
            var (masukan, dipindah) = PindahkanNotulaLepas(agenda, d.Masukan);
            List<string> pesan = ["Agenda dialog ini berubah sejak kartu dibuka (misalnya realisasi baru masuk atau tindak lanjut sudah ditutup). Hasil dialog belum disimpan: periksa agenda dan notula di bawah, lalu simpan lagi."];
            if (dipindah > 0)
            {
                pesan.Add(string.Create(CultureInfo.InvariantCulture, $"Notula {dipindah} butir yang tidak lagi ada di agenda dipindahkan ke Lain-lain."));
            }

            return Jawaban.Dari(await KartuCatatAsync(k, seri, id, pesan, masukan, cancellationToken));
        }

        var notula = agenda.Item.Select(i => d.Baca(DialogData.InputNotula(i.Kunci))).ToList();

        var tanggalAda = MasukanTanggal.TryParse(d.Baca(DialogData.InputTanggal), out var tanggal);
        var jamAda = MasukanTanggal.TryParseJam(d.Baca(DialogData.InputJam), out var jam);
        DateTimeOffset? padaUtc = tanggalAda && jamAda
            ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(tanggal.ToDateTime(jam, DateTimeKind.Unspecified), k.Tz), TimeSpan.Zero)
            : null;
        var peserta = Peserta(k, seri, d.Baca(DialogData.InputPeserta));
        var masukanTl = Enumerable.Range(0, CatatDialogCard.BarisTindakLanjut)
            .Select(b => new MasukanTindakLanjut(d.Baca(DialogData.InputTindakLanjut(b, 'u')), d.Baca(DialogData.InputTindakLanjut(b, 'p')), d.Baca(DialogData.InputTindakLanjut(b, 't'))))
            .ToList();
        var catatan = new CatatanDialog(id, identitas.KodeKantor, agenda, Pelaku.Dari(k.Saya), peserta, tanggalAda ? tanggal : null, jamAda ? jam : null, padaUtc,
            k.Zona.IanaId, notula, d.Baca(DialogData.InputNotulaUmum), masukanTl, k.HariIni, k.Sekarang);
        var hasil = DialogKinerja.Catat(catatan, kebijakan);
        if (!hasil.Berhasil)
        {
            Log.Invalid(logger, seri.Kunci, hasil.Kesalahan.Count);
            return Jawaban.Dari(await KartuCatatAsync(k, seri, id, hasil.Kesalahan, d.Masukan, cancellationToken));
        }

        var simpan = await dialogStore.SimpanAsync(hasil.Dialog!, cancellationToken);
        Log.Recorded(logger, id, seri.Kunci, simpan.Dialog.TindakLanjut.Count, simpan.Tersimpan);
        if (simpan.Tersimpan)
        {
            await BeritahuPesertaAsync(connector, k, simpan.Dialog, cancellationToken);
        }

        return Jawaban.Dari(Notula(k, simpan.Dialog, simpan.Tersimpan ? "Hasil dialog tersimpan." : "Hasil dialog ini sudah tersimpan sebelumnya."));
    }

    /// <summary><c>tundaDialog</c>: the leader postpones a due dialog to a new date.</summary>
    public async Task<Jawaban> TundaAsync(IdentitasPengguna identitas, DialogData d, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(identitas, cancellationToken) is not { } k)
        {
            return Jawaban.Pesan(SkpHandler.PesanDataTidakAda);
        }

        if (SeriDari(k, d.Seri) is not { } seri)
        {
            return Jawaban.Pesan("Dialog ini tidak dikenal lagi di data kantor.");
        }

        DateOnly? baru = MasukanTanggal.TryParse(d.Baca(DialogData.InputTanggalTunda), out var t) ? t : null;
        if (RencanaDialog.Periksa(seri, k.Saya.Nip, baru, k.HariIni, kebijakan) is { } alasan)
        {
            if (seri.Pemimpin != k.Saya.Nip)
            {
                return Jawaban.Pesan(alasan);
            }

            return Jawaban.Dari(await KartuCatatAsync(k, seri, d.Id ?? "dlg-" + Guid.NewGuid().ToString("N")[..20], [alasan], d.Masukan, cancellationToken));
        }

        await dialogStore.SimpanRencanaAsync(new RencanaDialog(identitas.KodeKantor, seri, baru!.Value, Pelaku.Dari(k.Saya), k.Sekarang), cancellationToken);
        Log.Postponed(logger, seri.Kunci, baru.Value);
        return await DialogAsync(identitas, $"{Judul(k.Data, seri)} ditunda ke {Format.Tanggal(baru.Value)}.", cancellationToken);
    }

    /// <summary><c>lihatDialog</c>: a recorded dialog, for its participants, their supervisors and the coordinators.</summary>
    public async Task<Jawaban> LihatAsync(IdentitasPengguna identitas, DialogData d, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(identitas, cancellationToken) is not { } k)
        {
            return Jawaban.Pesan(SkpHandler.PesanDataTidakAda);
        }

        if (d.Id is not { } id || await dialogStore.MuatAsync(identitas.KodeKantor, id, cancellationToken) is not { } dialog)
        {
            return Jawaban.Pesan("Dialog ini tidak ditemukan.");
        }

        if (!AksesDialog.BolehMelihat(dialog, k.Saya.Nip, k.Data, Koordinator(k.Data)))
        {
            Log.Refused(logger, d.Verb, dialog.Seri.Kunci);
            return Jawaban.Pesan(AksesDialog.PesanDitolak);
        }

        return Jawaban.Dari(Notula(k, dialog, null));
    }

    /// <summary><c>tindak lanjut</c>: the open follow-ups where the person is PIC or the dialog's leader.</summary>
    public async Task<Jawaban> TindakLanjutAsync(IdentitasPengguna identitas, string? pesan, bool gagal, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(identitas, cancellationToken) is not { } k)
        {
            return Jawaban.Pesan(SkpHandler.PesanDataTidakAda);
        }

        var semua = await dialogStore.DaftarTindakLanjutAsync(identitas.KodeKantor, hanyaTerbuka: true, cancellationToken);
        var dialog = (await dialogStore.DaftarAsync(identitas.KodeKantor, k.HariIni.AddYears(-2), cancellationToken)).ToDictionary(x => x.Id, StringComparer.Ordinal);
        var item = semua.Where(t => t.Pic.Nip == k.Saya.Nip || t.Seri.Pemimpin == k.Saya.Nip)
            .Select(t => new TindakLanjutItem(t, Asal(k, dialog, t), t.BolehDiselesaikanOleh(k.Saya.Nip), t.Seri.Pemimpin == k.Saya.Nip))
            .ToList();
        return Jawaban.Dari(TindakLanjutCard.Render(new TindakLanjutModel(k.Saya.Nama, item, k.HariIni, pesan, gagal)));
    }

    /// <summary>
    /// <c>selesaiTindakLanjut</c> (the PIC or the leader marks a follow-up done) and <c>batalkanTindakLanjut</c> (the
    /// leader cancels it with a reason); of two at once exactly one wins.
    /// </summary>
    public async Task<Jawaban> SelesaiAsync(IdentitasPengguna identitas, TindakLanjutData d, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(identitas, cancellationToken) is not { } k)
        {
            return Jawaban.Pesan(SkpHandler.PesanDataTidakAda);
        }

        if (await dialogStore.MuatTindakLanjutAsync(identitas.KodeKantor, d.Id, cancellationToken) is not { } tl)
        {
            return Jawaban.Pesan("Tindak lanjut ini tidak ditemukan.");
        }

        var batal = d.Verb == CardVerbs.BatalkanTindakLanjut;
        var hasil = batal ? tl.Batalkan(Pelaku.Dari(k.Saya), d.Catatan, k.Sekarang, d.Versi) : tl.Selesaikan(Pelaku.Dari(k.Saya), d.Catatan, k.Sekarang, d.Versi);
        if (hasil.Jenis == JenisHasilTindakLanjut.Ditolak && (batal ? tl.Seri.Pemimpin != k.Saya.Nip : !tl.BolehDiselesaikanOleh(k.Saya.Nip)))
        {
            Log.Refused(logger, d.Verb, tl.Seri.Kunci);
            return Jawaban.Pesan(hasil.Pesan);
        }

        if (!hasil.Berhasil)
        {
            return await TindakLanjutAsync(identitas, hasil.Pesan, gagal: true, cancellationToken);
        }

        var simpan = await dialogStore.SimpanTindakLanjutAsync(tl, cancellationToken);
        if (!simpan.Tersimpan)
        {
            Log.CloseConflict(logger, tl.Id);
            return await TindakLanjutAsync(identitas, simpan.Sekarang.KeteranganTutup(), gagal: true, cancellationToken);
        }

        Log.Closed(logger, tl.Id);
        return await TindakLanjutAsync(identitas, batal ? $"“{tl.Uraian}” dibatalkan." : $"“{tl.Uraian}” ditandai selesai.", gagal: false, cancellationToken);
    }

    /// <summary>The DOCX of a dialog for <paramref name="untuk"/>, or null when they may not read it (or it does not exist).</summary>
    public async Task<(byte[] Isi, string NamaBerkas)?> DocxAsync(string kodeKantor, string idDialog, Nip untuk, CancellationToken cancellationToken)
    {
        if (await KonteksAsync(new IdentitasPengguna(kodeKantor, untuk), cancellationToken) is not { } k
            || await dialogStore.MuatAsync(kodeKantor, idDialog, cancellationToken) is not { } dialog
            || !AksesDialog.BolehMelihat(dialog, untuk, k.Data, Koordinator(k.Data)))
        {
            return null;
        }

        var isi = NotulaDocx.Tulis(dialog, Judul(k.Data, dialog.Seri), k.Data.UnitInduk?.Nama ?? kodeKantor, k.HariIni);
        return (isi, $"notula-{dialog.Jenis.ToString().ToLowerInvariant()}-{dialog.Pada.TanggalLokal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{dialog.Id}.docx");
    }

    /// <summary>
    /// Tells every participant but the leader, in their personal chat, that the dialog was recorded and which follow-ups
    /// are theirs. Best effort: someone the bot cannot reach yet is skipped (logged); the record is saved either way.
    /// </summary>
    private async Task BeritahuPesertaAsync(IConnectorClient connector, Konteks k, DialogKinerja dialog, CancellationToken cancellationToken)
    {
        foreach (var p in dialog.Peserta.Where(p => p.Nip != dialog.Seri.Pemimpin))
        {
            var milik = dialog.TindakLanjut.Where(t => t.Pic.Nip == p.Nip).ToList();
            var teks = new System.Text.StringBuilder($"{k.Saya.Nama} mencatat hasil {Judul(k.Data, dialog.Seri)} pada {Format.Tanggal(dialog.Pada.TanggalLokal)}.");
            if (milik.Count > 0)
            {
                teks.Append("\n\nTindak lanjut untuk Anda:");
                foreach (var t in milik)
                {
                    teks.Append(CultureInfo.InvariantCulture, $"\n- {t.Uraian} (tenggat {Format.Tanggal(t.Tenggat)})");
                }

                teks.Append("\n\nKetik **tindak lanjut** untuk melihat dan menandainya selesai, atau **dialog** untuk notulanya.");
            }
            else
            {
                teks.Append(" Ketik **dialog** untuk melihat notulanya.");
            }

            if (await penggunaStore.CariByNipAsync(k.Data.KodeKantor, p.Nip, cancellationToken) is not { } terkait
                || await percakapanStore.CariAsync(terkait.AadObjectId, cancellationToken) is not { Referensi: { Dihapus: false } r })
            {
                Log.NotNotified(logger, dialog.Id, "no conversation");
                continue;
            }

            var pesan = Turn.Text(teks.ToString());
            pesan.ChannelId = r.ChannelId;
            pesan.ServiceUrl = r.ServiceUrl;
            pesan.From = r.BotId is { } bot ? new ChannelAccount { Id = bot } : null;
            pesan.Recipient = new ChannelAccount { Id = r.UserId, AadObjectId = r.AadObjectId };
            pesan.Conversation = new ConversationAccount { Id = r.ConversationId, ConversationType = "personal", TenantId = r.TenantId };
            pesan.Locale = "id-ID";
            try
            {
                await connector.SendToConversationAsync(r.ServiceUrl, r.ConversationId, pesan, cancellationToken);
            }
            catch (ConnectorException e)
            {
                Log.NotNotified(logger, dialog.Id, e.Kind.ToString());
                if (e.Kind == ConnectorErrorKind.Forbidden)
                {
                    await percakapanStore.TandaiTidakTerjangkauAsync(terkait.AadObjectId,
                        new TidakTerjangkau(e.Alasan ?? AlasanTidakTerjangkau.Lainnya, e.Code, time.GetUtcNow()), cancellationToken);
                }
            }
        }
    }

    private AdaptiveCard Notula(Konteks k, DialogKinerja dialog, string? pesan) =>
        NotulaDialogCard.Render(new NotulaDialogModel(dialog, Judul(k.Data, dialog.Seri), k.HariIni, tautan.Buat(k.Data.KodeKantor, dialog.Id, k.Saya.Nip), pesan));

    /// <summary>"DKI … dengan …, 27 November 2026": the dialog a follow-up was agreed in (its series when the dialog is older than the list read).</summary>
    private static string Asal(Konteks k, IReadOnlyDictionary<string, DialogKinerja> dialog, TindakLanjut t) =>
        dialog.TryGetValue(t.IdDialog, out var asal) ? $"{Judul(k.Data, asal.Seri)}, {Format.Tanggal(asal.Pada.TanggalLokal)}" : Judul(k.Data, t.Seri);

    /// <summary>
    /// The inputs of a save whose agenda changed, with the minutes typed for items no longer on it appended to
    /// "Lain-lain" (and removed from their own inputs), and how many were moved.
    /// </summary>
    private static (Dictionary<string, string> Masukan, int Dipindah) PindahkanNotulaLepas(AgendaDialog agenda, IReadOnlyDictionary<string, string> masukan)
    {
        var ada = agenda.Item.Select(i => DialogData.InputNotula(i.Kunci)).ToHashSet(StringComparer.Ordinal);
        var hasil = new Dictionary<string, string>(masukan, StringComparer.Ordinal);
        var lepas = masukan.Where(m => m.Key.StartsWith(DialogData.AwalanNotula, StringComparison.Ordinal) && !ada.Contains(m.Key))
            .OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        var teks = lepas.Select(m => m.Value.Trim()).Where(v => v.Length > 0).ToList();
        foreach (var m in lepas)
        {
            hasil.Remove(m.Key);
        }

        if (teks.Count > 0)
        {
            var umum = hasil.TryGetValue(DialogData.InputNotulaUmum, out var u) && !string.IsNullOrWhiteSpace(u) ? u.Trim() + "\n\n" : "";
            hasil[DialogData.InputNotulaUmum] = umum + string.Join("\n\n", teks);
        }

        return (hasil, teks.Count);
    }

    private async Task<AdaptiveCard> KartuCatatAsync(Konteks k, SeriDialog seri, string id, IReadOnlyList<string> kesalahan, IReadOnlyDictionary<string, string> masukan,
        CancellationToken cancellationToken)
    {
        var tindakLanjut = await dialogStore.DaftarTindakLanjutAsync(k.Data.KodeKantor, hanyaTerbuka: true, cancellationToken);
        var agenda = await AgendaAsync(k, seri, PeriodeAgenda(k), tindakLanjut, cancellationToken);
        var kandidat = new List<(Pegawai, bool)> { (k.Saya, true) };
        if (seri.Bawahan is { } b && k.Data.CariPegawai(b) is { } bawahan)
        {
            kandidat.Add((bawahan, true));
        }
        else
        {
            kandidat.AddRange(k.Data.Bawahan(seri.Pemimpin).Select(p => (p, false)));
        }

        var jamSekarang = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(k.Sekarang, k.Tz).DateTime);
        return CatatDialogCard.Render(new CatatDialogModel(Judul(k.Data, seri), id, agenda, kandidat, k.Zona, k.HariIni, jamSekarang, kesalahan, masukan));
    }

    private async Task<AgendaDialog> AgendaAsync(Konteks k, SeriDialog seri, Periode periode, IReadOnlyList<TindakLanjut> tindakLanjut, CancellationToken cancellationToken)
    {
        if (seri.Jenis == JenisDialog.Dko)
        {
            // The unit head's strategic initiatives of the period's year (inisiatif.csv): monitored at each DKO (domain.md §8).
            return penyusun.Dko(k.Data, k.Data.CariUnit(seri.KodeUnit!)!, periode, k.Data.InisiatifUnit(seri.KodeUnit!, periode.Tahun), tindakLanjut, k.HariIni);
        }

        var bawahan = k.Data.CariPegawai(seri.Bawahan!.Value)!;
        var skp = await KeadaanSkpPegawai.MuatAsync(kontrakStore, kalender, k.Data, bawahan, k.HariIni, cancellationToken);
        return penyusun.Dki(k.Data, k.Data.CariPegawai(seri.Pemimpin)!, bawahan, periode, skp, tindakLanjut, k.HariIni);
    }

    /// <summary>The series of the card, checked against today's organisation: the leader still leads that report or heads that unit.</summary>
    private SeriDialog? SeriDari(Konteks k, string kunci)
    {
        SeriDialog seri;
        try
        {
            seri = SeriDialog.Parse(kunci);
        }
        catch (DomainException)
        {
            return null;
        }

        return seri.Jenis switch
        {
            JenisDialog.Dki when k.Data.CariPegawai(seri.Bawahan!.Value)?.NipAtasan == seri.Pemimpin => seri,
            JenisDialog.Dko when k.Data.CariUnit(seri.KodeUnit!) is { } u && k.Data.KepalaUnit(u.Kode)?.Nip == seri.Pemimpin && penilai.Nko(k.Data, u, PeriodeAgenda(k)) is not null => seri,
            _ => null,
        };
    }

    private static List<Pelaku> Peserta(Konteks k, SeriDialog seri, string? pilihan)
    {
        var peserta = new List<Pelaku> { Pelaku.Dari(k.Saya) };
        if (seri.Bawahan is { } b)
        {
            peserta.Add(Pelaku.Dari(k.Data.CariPegawai(b)!));
            return peserta;
        }

        // DKO: only the unit head's direct reports can be chosen; anything else in the data is ignored.
        var boleh = k.Data.Bawahan(seri.Pemimpin).ToDictionary(p => p.Nip.Value, StringComparer.Ordinal);
        foreach (var nip in (pilihan ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (boleh.TryGetValue(nip, out var p))
            {
                peserta.Add(Pelaku.Dari(p));
            }
        }

        return peserta;
    }

    internal static string Judul(DataKantor data, SeriDialog seri) => seri.Jenis == JenisDialog.Dki
        ? $"DKI {data.CariPegawai(seri.Pemimpin)?.Nama ?? seri.Pemimpin.Tampilan} dengan {data.CariPegawai(seri.Bawahan!.Value)?.Nama ?? seri.Bawahan.Value.Tampilan}"
        : $"DKO {data.CariUnit(seri.KodeUnit!)?.Nama ?? seri.KodeUnit}";

    private static Periode PeriodeAgenda(Konteks k) =>
        k.Data.PeriodeTerakhirDenganRealisasi(k.HariIni.Year) ?? k.Data.PeriodeTerakhirDenganRealisasi() ?? new Periode(k.HariIni.Year, 1);

    private HashSet<Nip> Koordinator(DataKantor data) => [.. koordinatorKantor.Untuk(data).Select(p => p.Nip)];

    private async Task<Konteks?> KonteksAsync(IdentitasPengguna identitas, CancellationToken cancellationToken)
    {
        var data = await dataPenilaian.MuatAsync(identitas.KodeKantor, cancellationToken);
        if (data?.CariPegawai(identitas.Nip) is not { } saya)
        {
            return null;
        }

        var zona = data.CariUnit(saya.KodeUnit)?.ZonaWaktu ?? data.UnitInduk?.ZonaWaktu ?? ZonaWaktu.Wib;
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId);
        var sekarang = time.GetUtcNow();
        return new Konteks(data, saya, zona, tz, sekarang, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sekarang, tz).DateTime));
    }

    private sealed record Konteks(DataKantor Data, Pegawai Saya, ZonaWaktu Zona, TimeZoneInfo Tz, DateTimeOffset Sekarang, DateOnly HariIni);

    private static partial class Log
    {
        [LoggerMessage(EventId = 9001, Level = LogLevel.Debug, Message = "Dialogs of {KodeKantor} listed: {Due} due, {Recent} recent")]
        public static partial void Listed(ILogger logger, string kodeKantor, int due, int recent);

        [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Dialog {Id} of series {Seri} recorded with {FollowUps} follow-up(s) (new: {Baru})")]
        public static partial void Recorded(ILogger logger, string id, string seri, int followUps, bool baru);

        [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Dialog record of series {Seri} refused: {Count} problem(s) in the input")]
        public static partial void Invalid(ILogger logger, string seri, int count);

        [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Dialog of series {Seri} postponed to {Tanggal}")]
        public static partial void Postponed(ILogger logger, string seri, DateOnly tanggal);

        [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Dialog verb {Verb} on series {Seri} refused: not allowed for this person")]
        public static partial void Refused(ILogger logger, string verb, string seri);

        [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "Follow-up {Id} closed")]
        public static partial void Closed(ILogger logger, string id);

        [LoggerMessage(EventId = 9007, Level = LogLevel.Information, Message = "Follow-up {Id} was closed by someone else first")]
        public static partial void CloseConflict(ILogger logger, string id);

        [LoggerMessage(EventId = 9008, Level = LogLevel.Information, Message = "A participant of dialog {Id} was not told of the record: {Reason}")]
        public static partial void NotNotified(ILogger logger, string id, string reason);

        [LoggerMessage(EventId = 9009, Level = LogLevel.Information, Message = "Dialog record of series {Seri} refused: the agenda changed since the card was opened")]
        public static partial void AgendaChanged(ILogger logger, string seri);
    }
}

using System.Globalization;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Dialog;

/// <summary>
/// A dialog as held and recorded by its leader: when (UTC, the office's zone and local date and time), who took part,
/// the agenda with the minutes per item, and the follow-ups agreed. A recorded dialog does not change afterwards;
/// its follow-ups live on (<see cref="TindakLanjut"/>). Built only through <see cref="Catat"/> (validation) or
/// <see cref="Pulihkan"/> (the store).
/// </summary>
public sealed class DialogKinerja
{
    public const int NotulaMaksimal = 2000;
    public const int TindakLanjutMaksimal = 10;
    public const int UraianTindakLanjutMaksimal = 500;

    private DialogKinerja(string id, string kodeKantor, SeriDialog seri, Periode periode, MomenKantor pada, TimeOnly jamLokal,
        IReadOnlyList<Pelaku> peserta, IReadOnlyList<ButirNotula> agenda, IReadOnlyList<TindakLanjut> tindakLanjut, Pelaku dicatatOleh, DateTimeOffset dicatatPadaUtc)
    {
        Id = id;
        KodeKantor = kodeKantor;
        Seri = seri;
        Periode = periode;
        Pada = pada;
        JamLokal = jamLokal;
        Peserta = peserta;
        Agenda = agenda;
        TindakLanjut = tindakLanjut;
        DicatatOleh = dicatatOleh;
        DicatatPadaUtc = dicatatPadaUtc;
    }

    public string Id { get; }

    public string KodeKantor { get; }

    public SeriDialog Seri { get; }

    public JenisDialog Jenis => Seri.Jenis;

    /// <summary>The data period the agenda read (year to date up to this quarter).</summary>
    public Periode Periode { get; }

    /// <summary>When it was held: UTC, the office's zone and local date.</summary>
    public MomenKantor Pada { get; }

    /// <summary>The local time it was held, in <see cref="MomenKantor.ZonaWaktu"/>.</summary>
    public TimeOnly JamLokal { get; }

    /// <summary>The participants, the leader first.</summary>
    public IReadOnlyList<Pelaku> Peserta { get; }

    public IReadOnlyList<ButirNotula> Agenda { get; }

    /// <summary>The follow-ups as agreed (their state when recorded; the store keeps their later state).</summary>
    public IReadOnlyList<TindakLanjut> TindakLanjut { get; }

    public Pelaku DicatatOleh { get; }

    public DateTimeOffset DicatatPadaUtc { get; }

    public bool Melibatkan(Nip nip) => Peserta.Any(p => p.Nip == nip);

    /// <summary>
    /// The local time it was held with its own zone, <c>14.00 WITA</c>: the zone the dialog was recorded in, not the
    /// reader's (a coordinator in a WIB unit reads a WITA dialog's time as WITA).
    /// </summary>
    public string JamDenganZona =>
        $"{JamLokal.ToString("HH'.'mm", CultureInfo.InvariantCulture)} {(ZonaWaktu.TryParse(Pada.ZonaWaktu, out var z) ? z.Singkatan : Pada.ZonaWaktu)}";

    /// <summary>Rebuilds a stored dialog (no validation of the past: it was validated when recorded).</summary>
    public static DialogKinerja Pulihkan(string id, string kodeKantor, SeriDialog seri, Periode periode, MomenKantor pada, TimeOnly jamLokal,
        IReadOnlyList<Pelaku> peserta, IReadOnlyList<ButirNotula> agenda, IReadOnlyList<TindakLanjut> tindakLanjut, Pelaku dicatatOleh, DateTimeOffset dicatatPadaUtc) =>
        new(id, kodeKantor, seri, periode, pada, jamLokal, peserta, agenda, tindakLanjut, dicatatOleh, dicatatPadaUtc);

    /// <summary>
    /// Validates what the leader typed and builds the dialog, or lists every problem (Bahasa Indonesia, safe to show)
    /// and builds nothing. Rules: only the leader of the series records it; the leader and (DKI) the direct report take
    /// part, (DKO) at least one official; the dialog is not in the future; every agenda item has minutes; every
    /// follow-up has a description, a PIC who took part, and a due date from the dialog's date up to the policy's limit
    /// and not before today. A follow-up row left completely empty is ignored.
    /// </summary>
    public static HasilCatatDialog Catat(CatatanDialog c, KebijakanDialog kebijakan)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(kebijakan);
        var salah = new List<string>();
        var seri = c.Agenda.Seri;
        if (c.Pencatat.Nip != seri.Pemimpin)
        {
            return HasilCatatDialog.Gagal("Hanya pemimpin dialog yang dapat mencatat hasil dialog ini.");
        }

        var peserta = new List<Pelaku>();
        foreach (var p in c.Peserta)
        {
            if (!peserta.Any(x => x.Nip == p.Nip))
            {
                peserta.Add(p);
            }
        }

        peserta.RemoveAll(p => p.Nip == seri.Pemimpin);
        peserta.Insert(0, c.Pencatat);
        if (seri.Bawahan is { } bawahan && !peserta.Any(p => p.Nip == bawahan))
        {
            salah.Add("DKI harus dihadiri bawahan yang berdialog.");
        }

        if (seri.Jenis == JenisDialog.Dko && peserta.Count < 2)
        {
            salah.Add("Pilih paling sedikit satu pejabat yang hadir dalam DKO.");
        }

        if (c.Tanggal is not { } tanggal || c.Jam is not { } jam || c.PadaUtc is not { } padaUtc)
        {
            salah.Add("Tanggal dan jam dialog wajib diisi, misalnya 27/11/2026 pukul 09.00.");
            tanggal = c.HariIni;
            jam = default;
            padaUtc = c.SekarangUtc;
        }
        else if (padaUtc > c.SekarangUtc)
        {
            salah.Add($"Dialog pada {TanggalIndonesia.Format(tanggal)} pukul {jam.ToString("HH'.'mm", CultureInfo.InvariantCulture)} belum terjadi: catat hasil dialog sesudah dialog dilaksanakan, atau pakai Tunda untuk menjadwalkannya.");
        }

        if (c.Notula.Count != c.Agenda.Item.Count)
        {
            throw new DomainException("Jumlah notula tidak sama dengan jumlah butir agenda");
        }

        var butir = new List<ButirNotula>(c.Agenda.Item.Count);
        for (var i = 0; i < c.Agenda.Item.Count; i++)
        {
            var n = c.Notula[i]?.Trim();
            if (string.IsNullOrEmpty(n))
            {
                salah.Add(string.Create(CultureInfo.InvariantCulture, $"Notula butir {i + 1} ({c.Agenda.Item[i].Judul}) masih kosong."));
            }
            else if (n.Length > NotulaMaksimal)
            {
                salah.Add(string.Create(CultureInfo.InvariantCulture, $"Notula butir {i + 1} terlalu panjang (paling banyak {NotulaMaksimal} karakter)."));
            }

            butir.Add(new ButirNotula(c.Agenda.Item[i], n ?? ""));
        }

        if (c.Agenda.Item.Count == 0 && string.IsNullOrWhiteSpace(c.NotulaUmum))
        {
            salah.Add("Notula dialog masih kosong: tuliskan apa yang dibahas.");
        }
        else if (!string.IsNullOrWhiteSpace(c.NotulaUmum))
        {
            butir.Add(new ButirNotula(new ItemAgenda(JenisItemAgenda.LainLain, "Lain-lain", "Dibahas di luar agenda yang disusun"), c.NotulaUmum.Trim()));
        }

        var tindakLanjut = new List<TindakLanjut>();
        var nomor = 0;
        foreach (var t in c.TindakLanjut)
        {
            nomor++;
            if (string.IsNullOrWhiteSpace(t.Uraian) && string.IsNullOrWhiteSpace(t.Pic) && string.IsNullOrWhiteSpace(t.Tenggat))
            {
                continue;
            }

            var label = string.Create(CultureInfo.InvariantCulture, $"Tindak lanjut {nomor}");
            if (string.IsNullOrWhiteSpace(t.Uraian))
            {
                salah.Add($"{label}: uraian wajib diisi.");
            }
            else if (t.Uraian.Trim().Length > UraianTindakLanjutMaksimal)
            {
                salah.Add($"{label}: uraian paling panjang {UraianTindakLanjutMaksimal} karakter.");
            }

            Pelaku? pic = null;
            if (string.IsNullOrWhiteSpace(t.Pic))
            {
                salah.Add($"{label}: pilih PIC dari peserta dialog.");
            }
            else if (!Nip.TryParse(t.Pic, out var nipPic, out _) || (pic = peserta.Find(p => p.Nip == nipPic)) is null)
            {
                salah.Add($"{label}: PIC harus salah satu peserta dialog.");
            }

            DateOnly? tenggat = null;
            if (!MasukanTanggal.TryParse(t.Tenggat, out var tg))
            {
                salah.Add($"{label}: tenggat '{t.Tenggat?.Trim()}' tidak dikenali. Tulis seperti 31/12/2026 atau pilih dari kalender.");
            }
            else if (tg < c.HariIni || tg < tanggal)
            {
                salah.Add($"{label}: tenggat {TanggalIndonesia.Format(tg)} sudah lewat. Pilih tanggal mulai hari ini ({TanggalIndonesia.Format(c.HariIni)}).");
            }
            else if (tg > c.HariIni.AddDays(kebijakan.TenggatTindakLanjutMaksimalHari))
            {
                salah.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: tenggat {TanggalIndonesia.Format(tg)} terlalu jauh (paling lama {kebijakan.TenggatTindakLanjutMaksimalHari} hari dari hari ini)."));
            }
            else
            {
                tenggat = tg;
            }

            if (pic is not null && tenggat is { } tgl && !string.IsNullOrWhiteSpace(t.Uraian) && t.Uraian.Trim().Length <= UraianTindakLanjutMaksimal)
            {
                tindakLanjut.Add(new TindakLanjut(string.Create(CultureInfo.InvariantCulture, $"{c.Id}-{tindakLanjut.Count + 1}"), c.KodeKantor, c.Id, seri,
                    t.Uraian, pic, tgl, tanggal));
            }
        }

        if (tindakLanjut.Count > TindakLanjutMaksimal)
        {
            salah.Add(string.Create(CultureInfo.InvariantCulture, $"Paling banyak {TindakLanjutMaksimal} tindak lanjut per dialog."));
        }

        if (salah.Count > 0)
        {
            return new HasilCatatDialog(null, salah);
        }

        var momen = new MomenKantor(padaUtc, c.ZonaWaktu, tanggal);
        return new HasilCatatDialog(
            new DialogKinerja(c.Id, c.KodeKantor, seri, c.Agenda.Periode, momen, jam, peserta, butir, tindakLanjut, c.Pencatat, c.SekarangUtc), []);
    }
}

/// <summary>One follow-up row as typed on the record card: raw text, checked by <see cref="DialogKinerja.Catat"/>.</summary>
public sealed record MasukanTindakLanjut(string? Uraian, string? Pic, string? Tenggat);

/// <summary>
/// What the leader submits to record a dialog. <see cref="Tanggal"/>, <see cref="Jam"/> and <see cref="PadaUtc"/> are
/// null when what was typed could not be read; the caller converts the office's local date and time into
/// <see cref="PadaUtc"/> (the domain knows no time-zone database). <see cref="Notula"/> has one entry per agenda item.
/// </summary>
public sealed record CatatanDialog(
    string Id,
    string KodeKantor,
    AgendaDialog Agenda,
    Pelaku Pencatat,
    IReadOnlyList<Pelaku> Peserta,
    DateOnly? Tanggal,
    TimeOnly? Jam,
    DateTimeOffset? PadaUtc,
    string ZonaWaktu,
    IReadOnlyList<string?> Notula,
    string? NotulaUmum,
    IReadOnlyList<MasukanTindakLanjut> TindakLanjut,
    DateOnly HariIni,
    DateTimeOffset SekarangUtc);

/// <summary>The recorded dialog, or every problem found (nothing is built then).</summary>
public sealed record HasilCatatDialog(DialogKinerja? Dialog, IReadOnlyList<string> Kesalahan)
{
    public bool Berhasil => Dialog is not null;

    public static HasilCatatDialog Gagal(string pesan) => new(null, [pesan]);
}

/// <summary>A postponed (or planned) dialog: the series and its new date, set by the leader with <i>Tunda</i>.</summary>
public sealed record RencanaDialog(string KodeKantor, SeriDialog Seri, DateOnly Tanggal, Pelaku Oleh, DateTimeOffset PadaUtc)
{
    /// <summary>Checks a postponement: only the leader, to a date from tomorrow up to the policy's DKI compliance window.</summary>
    public static string? Periksa(SeriDialog seri, Nip oleh, DateOnly? tanggalBaru, DateOnly hariIni, KebijakanDialog kebijakan)
    {
        ArgumentNullException.ThrowIfNull(kebijakan);
        if (oleh != seri.Pemimpin)
        {
            return "Hanya pemimpin dialog yang dapat menunda dialog ini.";
        }

        if (tanggalBaru is not { } t)
        {
            return "Tanggal baru tidak dikenali. Tulis seperti 31/12/2026 atau pilih dari kalender.";
        }

        if (t <= hariIni)
        {
            return $"Tanggal baru harus sesudah hari ini ({TanggalIndonesia.Format(hariIni)}).";
        }

        var batas = hariIni.AddMonths(kebijakan.DkiBatasKepatuhanBulan);
        return t > batas ? $"Dialog paling lama ditunda sampai {TanggalIndonesia.Format(batas)}." : null;
    }
}

/// <summary>Dates and times as people type them: <c>31/12/2026</c>, <c>31-12-2026</c>, <c>2026-12-31</c> (the date picker); <c>09.00</c>, <c>9:00</c>.</summary>
public static class MasukanTanggal
{
    private static readonly string[] FormatTanggal = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "dd-MM-yyyy", "yyyy-MM-dd", "d.M.yyyy"];
    private static readonly string[] FormatJam = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HH:mm:ss"];

    public static bool TryParse(string? teks, out DateOnly tanggal) =>
        DateOnly.TryParseExact((teks ?? "").Trim(), FormatTanggal, CultureInfo.InvariantCulture, DateTimeStyles.None, out tanggal);

    public static bool TryParseJam(string? teks, out TimeOnly jam) =>
        TimeOnly.TryParseExact((teks ?? "").Trim(), FormatJam, CultureInfo.InvariantCulture, DateTimeStyles.None, out jam);
}

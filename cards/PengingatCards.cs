using System.Globalization;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Cards;

/// <summary>Pieces shared by the scheduled messages' cards (issue 6): a heading, a line, a button sending a command.</summary>
internal static class KartuPesan
{
    public static TextBlock Judul(string teks) =>
        new(teks) { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true };

    public static TextBlock Teks(string teks, bool halus = false) =>
        new(teks) { Wrap = true, IsSubtle = halus ? true : null, Size = halus ? TextSize.Small : null };

    /// <summary>A button that sends a command as if typed (imBack in Teams; <see cref="PerintahData"/> elsewhere).</summary>
    public static SubmitAction Perintah(string judul, string perintah) => new() { Title = judul, Data = new PerintahData(perintah).ToData() };

    public static string Angka(int n) => n.ToString("#,##0", Format.Budaya);

    public static string Tahun(int tahun) => tahun.ToString(CultureInfo.InvariantCulture);

    public static AdaptiveCard Kartu(List<CardElement> body, List<CardAction> actions, string ringkasan) =>
        new() { Body = body, Actions = actions, FallbackText = ringkasan, Speak = ringkasan, Lang = "id" };
}

/// <summary>H-n before the SKP deadline: the owner's contract is not submitted yet.</summary>
/// <param name="Nama">The owner's name.</param>
/// <param name="Tahun">The contract year.</param>
/// <param name="Tenggat">The (personal) deadline.</param>
/// <param name="SisaHari">Calendar days left (the n of H-n).</param>
/// <param name="Dikembalikan">True when the supervisor returned it: the owner must revise and submit again.</param>
public sealed record PengingatSkpModel(string Nama, int Tahun, DateOnly Tenggat, int SisaHari, bool Dikembalikan);

public static class PengingatSkpCard
{
    public static AdaptiveCard Render(PengingatSkpModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tahun = KartuPesan.Tahun(model.Tahun);
        var sisa = model.SisaHari == 1 ? "besok" : $"{KartuPesan.Angka(model.SisaHari)} hari lagi";
        var ringkasan = $"SKP {tahun} Anda belum diajukan. Tenggat {Format.Tanggal(model.Tenggat)} ({sisa}).";
        var body = new List<CardElement>
        {
            KartuPesan.Judul($"Pengingat SKP {tahun}"),
            KartuPesan.Teks($"Yth. {model.Nama},"),
            KartuPesan.Teks(model.Dikembalikan
                ? $"SKP {tahun} Anda dikembalikan atasan dan belum diajukan kembali. Tenggatnya **{Format.Tanggal(model.Tenggat)}** ({sisa})."
                : $"SKP {tahun} Anda belum diajukan. Tenggatnya **{Format.Tanggal(model.Tenggat)}** ({sisa})."),
            KartuPesan.Teks("SKP yang tidak dibuat dapat dikenai hukuman disiplin (PP 46/2011).", halus: true),
        };
        return KartuPesan.Kartu(body, [KartuPesan.Perintah("Buka SKP saya", $"skp {tahun}")], ringkasan);
    }
}

/// <summary>
/// An office has no contract (IKU, <i>kontrak kinerja</i>) of a year at all: its iku.csv rows of that year were never
/// imported, so nobody there can submit the year's SKP.
/// </summary>
/// <param name="NamaKantor">The office's name (its top unit).</param>
/// <param name="Tahun">The SKP year whose contracts are missing.</param>
/// <param name="Tenggat">31 January of that year.</param>
/// <param name="SisaHariKerja">Working days of the office from today (included) to the deadline (included).</param>
/// <param name="JumlahPegawai">Employees of the office: none of them can submit.</param>
public sealed record KontrakBelumDimuat(string NamaKantor, int Tahun, DateOnly Tenggat, int SisaHariKerja, int JumlahPegawai);

/// <summary>H-n before 31 January, to a coordinator of an office whose contracts of the year are not loaded.</summary>
public sealed record PengingatKontrakBelumDimuatModel(string NamaPenerima, KontrakBelumDimuat Keadaan);

public static class KontrakBelumDimuatCard
{
    /// <summary>The import verb as deployed (docs/deployment.md, README "Coordinators' verbs").</summary>
    public const string PerintahImpor = "KinerjaBot import";

    public static AdaptiveCard Render(PengingatKontrakBelumDimuatModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var k = model.Keadaan;
        var body = new List<CardElement>
        {
            KartuPesan.Judul($"Kontrak kinerja {KartuPesan.Tahun(k.Tahun)} belum dimuat"),
            KartuPesan.Teks($"Yth. {model.NamaPenerima},"),
        };
        body.AddRange(Isi(k));
        body.Add(KartuPesan.Teks("Setiap pegawai wajib memiliki SKP yang disetujui paling lambat 31 Januari; pegawai yang tidak membuat SKP dapat dikenai hukuman disiplin (PP 46/2011).", halus: true));
        return KartuPesan.Kartu(body, [], Ringkasan(k));
    }

    /// <summary>One line for a fallback text or a digest's summary.</summary>
    public static string Ringkasan(KontrakBelumDimuat keadaan)
    {
        ArgumentNullException.ThrowIfNull(keadaan);
        var tahun = KartuPesan.Tahun(keadaan.Tahun);
        return $"Kontrak kinerja (IKU) {tahun} {keadaan.NamaKantor} belum dimuat: {KartuPesan.Angka(keadaan.JumlahPegawai)} pegawai belum dapat mengajukan SKP {tahun}. " +
            $"Tenggat {Format.Tanggal(keadaan.Tenggat)} ({Sisa(keadaan.SisaHariKerja)}).";
    }

    /// <summary>The condition, the deadline and what to do: the alert's body, and the top of the weekly digest.</summary>
    internal static List<CardElement> Isi(KontrakBelumDimuat k)
    {
        var tahun = KartuPesan.Tahun(k.Tahun);
        return
        [
            new TextBlock($"IKU/kontrak kinerja tahun {tahun} untuk **{k.NamaKantor}** belum dimuat di KinerjaBot, sehingga **tidak ada pegawai yang dapat mengajukan SKP {tahun}**.")
            {
                Wrap = true,
                Color = TextColor.Attention,
            },
            new FactSet
            {
                Facts =
                [
                    new("Tenggat SKP", Format.Tanggal(k.Tenggat)),
                    new("Sisa waktu", Sisa(k.SisaHariKerja)),
                    new("Pegawai terdampak", $"{KartuPesan.Angka(k.JumlahPegawai)} orang"),
                ],
            },
            new TextBlock("Yang perlu dilakukan") { Weight = TextWeight.Bolder, Wrap = true },
            KartuPesan.Teks($"1. Siapkan **iku.csv** dan **target.csv** berisi baris tahun {tahun} untuk setiap pegawai (format data kantor), bersama **unit.csv** dan **pegawai.csv** terkini; **realisasi.csv** dan **perilaku.csv** boleh hanya berisi baris judul kolom.\n" +
                $"2. Impor folder itu (atau workbook .xlsx dengan sheet yang sama): **{PerintahImpor}** diikuti path folder/workbook. Impor hanya mengganti tahun yang ada di berkas; data tahun lain tetap.\n" +
                $"3. Setelah impor, pegawai dapat membuka dan mengajukan SKP {tahun} dengan perintah **skp {tahun}**."),
        ];
    }

    private static string Sisa(int hariKerja) => hariKerja switch
    {
        <= 0 => "tidak ada hari kerja tersisa",
        1 => "tinggal hari ini",
        _ => $"{KartuPesan.Angka(hariKerja)} hari kerja lagi, termasuk hari ini",
    };
}

/// <summary>An SKP waiting for a decision for some working days: to the approver, or (escalation) to their supervisor.</summary>
/// <param name="NamaPenerima">Who gets the message.</param>
/// <param name="Pemilik">Whose SKP.</param>
/// <param name="Tahun">The contract year.</param>
/// <param name="Versi">The version waiting.</param>
/// <param name="DiajukanPada">The local date of the submission.</param>
/// <param name="HariKerjaMenunggu">Working days it has waited.</param>
/// <param name="Penyetuju">The approver (atasan langsung), for an escalation; null for the nudge itself.</param>
public sealed record PengingatPersetujuanModel(string NamaPenerima, Pegawai Pemilik, int Tahun, int Versi, DateOnly DiajukanPada, int HariKerjaMenunggu, Pegawai? Penyetuju);

public static class PengingatPersetujuanCard
{
    public static AdaptiveCard Render(PengingatPersetujuanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tahun = KartuPesan.Tahun(model.Tahun);
        var hari = KartuPesan.Angka(model.HariKerjaMenunggu);
        var skp = $"SKP {tahun} {model.Pemilik.Nama}";
        var body = new List<CardElement> { KartuPesan.Judul(model.Penyetuju is null ? "SKP menunggu persetujuan Anda" : "Eskalasi persetujuan SKP") };
        string ringkasan;
        if (model.Penyetuju is { } atasan)
        {
            ringkasan = $"{skp} belum diputuskan {atasan.Nama} setelah {hari} hari kerja.";
            body.Add(KartuPesan.Teks($"Yth. {model.NamaPenerima}, **{skp}** ({model.Pemilik.Jabatan}) sudah {hari} hari kerja menunggu keputusan {atasan.Nama} ({atasan.Jabatan}). Sebagai atasan pejabat penilai, mohon tindak lanjuti bersama yang bersangkutan."));
        }
        else
        {
            ringkasan = $"{skp} menunggu persetujuan Anda sejak {hari} hari kerja.";
            body.Add(KartuPesan.Teks($"Yth. {model.NamaPenerima}, **{skp}** ({model.Pemilik.Jabatan}) menunggu persetujuan Anda sejak {Format.Tanggal(model.DiajukanPada)} ({hari} hari kerja)."));
        }

        body.Add(new FactSet
        {
            Facts = [new("Pegawai", model.Pemilik.Nama), new("NIP", model.Pemilik.Nip.Tampilan), new("Versi", KartuPesan.Angka(model.Versi)), new("Diajukan", Format.Tanggal(model.DiajukanPada))],
        });
        List<CardAction> aksi = model.Penyetuju is null ? [KartuPesan.Perintah("Buka persetujuan", "persetujuan")] : [];
        return KartuPesan.Kartu(body, aksi, ringkasan);
    }
}

/// <summary>One person in the coordinators' digest, with what is pending.</summary>
public sealed record BarisRekap(string Nama, string Keterangan);

/// <summary>A quarter's score summaries held until these people's data is complete, and when they go anyway (sementara).</summary>
public sealed record RingkasanNilaiDitahan(string LabelPeriode, DateOnly DikirimSementaraPada, IReadOnlyList<BarisRekap> Orang);

/// <summary>
/// The weekly digest to the office's coordinators (SKP not submitted, not approved, people the bot cannot reach). People
/// who merely have not chatted yet are reachable (the bot installs itself for them) and are listed apart
/// (<see cref="BelumPernahChat"/>); held score summaries with their reason in <see cref="RingkasanDitahan"/>.
/// </summary>
public sealed record RekapKoordinatorModel(
    string NamaKantor,
    int Tahun,
    DateOnly HariIni,
    DateOnly Tenggat,
    IReadOnlyList<BarisRekap> BelumDiajukan,
    IReadOnlyList<BarisRekap> BelumDisetujui,
    IReadOnlyList<BarisRekap> TidakTerjangkau)
{
    public IReadOnlyList<BarisRekap> BelumPernahChat { get; init; } = [];

    public RingkasanNilaiDitahan? RingkasanDitahan { get; init; }

    /// <summary>
    /// Set in January when the office has no contract of <see cref="Tahun"/>: the digest opens with it, and the two SKP
    /// lists (which would read "Tidak ada") are left out — nobody can submit yet.
    /// </summary>
    public KontrakBelumDimuat? KontrakBelumDimuat { get; init; }
}

public static class RekapKoordinatorCard
{
    /// <summary>At most this many names per list (the 28 KB limit); the rest are counted.</summary>
    public const int Maksimal = 30;

    public static AdaptiveCard Render(RekapKoordinatorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tahun = KartuPesan.Tahun(model.Tahun);
        var ringkasan = (model.KontrakBelumDimuat is { } kosong
                ? $"Rekap SKP {tahun} {model.NamaKantor}: {KontrakBelumDimuatCard.Ringkasan(kosong)} {KartuPesan.Angka(model.TidakTerjangkau.Count)} tidak terjangkau."
                : $"Rekap SKP {tahun} {model.NamaKantor}: {KartuPesan.Angka(model.BelumDiajukan.Count)} belum diajukan, " +
                  $"{KartuPesan.Angka(model.BelumDisetujui.Count)} belum disetujui, {KartuPesan.Angka(model.TidakTerjangkau.Count)} tidak terjangkau.") +
            (model.BelumPernahChat.Count > 0 ? $" {KartuPesan.Angka(model.BelumPernahChat.Count)} belum pernah chat (dihubungi otomatis)." : "") +
            (model.RingkasanDitahan is { } d ? $" Ringkasan nilai {d.LabelPeriode} ditahan untuk {KartuPesan.Angka(d.Orang.Count)} orang." : "");
        var body = new List<CardElement>
        {
            KartuPesan.Judul($"Rekap mingguan SKP {tahun} · {model.NamaKantor}"),
            KartuPesan.Teks($"Per {Format.Tanggal(model.HariIni)}; tenggat SKP {Format.Tanggal(model.Tenggat)}.", halus: true),
        };
        if (model.KontrakBelumDimuat is { } belumDimuat)
        {
            body.AddRange(KontrakBelumDimuatCard.Isi(belumDimuat));
        }
        else
        {
            Bagian(body, "Belum mengajukan SKP", model.BelumDiajukan);
            Bagian(body, "Menunggu persetujuan atasan", model.BelumDisetujui);
        }

        Bagian(body, "Tidak dapat dihubungi KinerjaBot", model.TidakTerjangkau);
        if (model.BelumPernahChat.Count > 0)
        {
            Bagian(body, "Belum pernah chat (KinerjaBot memasang dirinya untuk mereka)", model.BelumPernahChat);
        }

        if (model.RingkasanDitahan is { } ditahan)
        {
            Bagian(body, $"Ringkasan nilai {ditahan.LabelPeriode} ditahan", ditahan.Orang);
            body.Add(KartuPesan.Teks($"Ringkasan tiap orang dikirim begitu datanya lengkap; yang belum lengkap pada {Format.Tanggal(ditahan.DikirimSementaraPada)} dikirim sebagai nilai sementara.", halus: true));
        }
        return KartuPesan.Kartu(body, [], ringkasan);
    }

    private static void Bagian(List<CardElement> body, string judul, IReadOnlyList<BarisRekap> baris)
    {
        body.Add(new TextBlock($"{judul} ({KartuPesan.Angka(baris.Count)})") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
        if (baris.Count == 0)
        {
            body.Add(KartuPesan.Teks("Tidak ada.", halus: true));
            return;
        }

        body.Add(new FactSet { Facts = [.. baris.Take(Maksimal).Select(b => new Fact(b.Nama, b.Keterangan))] });
        if (baris.Count > Maksimal)
        {
            body.Add(KartuPesan.Teks($"… dan {KartuPesan.Angka(baris.Count - Maksimal)} lainnya.", halus: true));
        }
    }
}

/// <summary>One IKU whose realisation of the quarter is missing.</summary>
public sealed record IkuTanpaRealisasi(string Kode, string Nama);

/// <summary>After a quarter ends: the owner's IKU without a realisation for it.</summary>
public sealed record PengingatRealisasiModel(string Nama, string LabelPeriode, DateOnly BatasIsi, IReadOnlyList<IkuTanpaRealisasi> Iku);

public static class PengingatRealisasiCard
{
    public static AdaptiveCard Render(PengingatRealisasiModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ringkasan = $"Realisasi {model.LabelPeriode}: {KartuPesan.Angka(model.Iku.Count)} IKU Anda belum diisi.";
        var body = new List<CardElement>
        {
            KartuPesan.Judul($"Realisasi IKU {model.LabelPeriode}"),
            KartuPesan.Teks($"Yth. {model.Nama}, realisasi IKU berikut belum ada. Mohon diisi paling lambat **{Format.Tanggal(model.BatasIsi)}** bersama Subbagian Umum."),
            new FactSet { Facts = [.. model.Iku.Select(i => new Fact(i.Kode, i.Nama))] },
        };
        return KartuPesan.Kartu(body, [KartuPesan.Perintah("Lihat nilai saya", "nilai saya")], ringkasan);
    }
}

/// <summary>One IKU on a dialog agenda: its quarterly target and realisation, the gap and the achievement.</summary>
public sealed record AgendaIku(string Kode, string Nama, decimal? Target, decimal? Realisasi, decimal? IndeksCapaian);

/// <summary>Any other agenda item (SKP state, follow-ups, strategic objectives, NKO trend): what, and why it is there.</summary>
public sealed record AgendaLain(string Judul, string Alasan);

/// <summary>
/// The agenda about one person: IKU below 100 (red first), IKU whose realisation is missing, and the other items of
/// the dialog agenda (<see cref="Lainnya"/>).
/// </summary>
public sealed record AgendaPegawai(string Nama, string Jabatan, IReadOnlyList<AgendaIku> DiBawahTarget, IReadOnlyList<AgendaIku> BelumAdaRealisasi)
{
    public IReadOnlyList<AgendaLain> Lainnya { get; init; } = [];
}

/// <summary>The prompt of a DKI (monthly, one agenda per direct report) or a DKO (quarterly, the unit's officials).</summary>
public sealed record AjakanDialogModel(bool Organisasi, string NamaPimpinan, string LabelWaktu, string? LabelPeriodeData, IReadOnlyList<AgendaPegawai> Agenda);

public static class AjakanDialogCard
{
    /// <summary>At most this many IKU lines per person (the 28 KB limit).</summary>
    public const int MaksimalIku = 5;

    /// <summary>At most this many other items (SKP, follow-ups, …) per person; the rest is in the <c>dialog</c> card.</summary>
    public const int MaksimalLain = 4;

    public static AdaptiveCard Render(AjakanDialogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var jenis = model.Organisasi ? "Dialog Kinerja Organisasi (DKO)" : "Dialog Kinerja Individu (DKI)";
        var ringkasan = $"{jenis} {model.LabelWaktu}: agenda untuk {KartuPesan.Angka(model.Agenda.Count)} orang.";
        var body = new List<CardElement>
        {
            KartuPesan.Judul($"{jenis} · {model.LabelWaktu}"),
            KartuPesan.Teks(model.Organisasi
                ? $"Yth. {model.NamaPimpinan}, saatnya DKO triwulan ini bersama pejabat di bawah Anda: bahas IKU di bawah target, rencana aksi dan tindak lanjut dialog sebelumnya."
                : $"Yth. {model.NamaPimpinan}, saatnya DKI bulan ini dengan setiap bawahan langsung Anda: pantau SKP, beri umpan balik, dan sepakati rencana aksi."),
        };
        if (model.LabelPeriodeData is { } periode)
        {
            body.Add(KartuPesan.Teks($"Data IKU sampai {periode}.", halus: true));
        }

        foreach (var a in model.Agenda)
        {
            body.Add(new TextBlock($"**{a.Nama}** · {a.Jabatan}") { Wrap = true, Separator = true });
            if (a.DiBawahTarget.Count == 0 && a.BelumAdaRealisasi.Count == 0)
            {
                body.Add(KartuPesan.Teks("Semua IKU mencapai target.", halus: true));
            }

            foreach (var i in a.DiBawahTarget.Take(MaksimalIku))
            {
                var gap = i.Target is { } t && i.Realisasi is { } r ? Format.Angka(r - t) : "—";
                body.Add(new TextBlock($"{i.Kode} {i.Nama}: capaian {Angka(i.IndeksCapaian)} (target {Angka(i.Target)}, realisasi {Angka(i.Realisasi)}, selisih {gap})")
                {
                    Wrap = true,
                    Spacing = Spacing.None,
                    Color = i.IndeksCapaian < 80 ? TextColor.Attention : TextColor.Warning,
                });
            }

            foreach (var i in a.BelumAdaRealisasi.Take(MaksimalIku))
            {
                body.Add(new TextBlock($"{i.Kode} {i.Nama}: realisasi belum ada") { Wrap = true, Spacing = Spacing.None, IsSubtle = true });
            }

            foreach (var l in a.Lainnya.Take(MaksimalLain))
            {
                body.Add(new TextBlock($"{l.Judul} — {l.Alasan}") { Wrap = true, Spacing = Spacing.None });
            }

            if (a.Lainnya.Count > MaksimalLain)
            {
                body.Add(KartuPesan.Teks($"… dan {KartuPesan.Angka(a.Lainnya.Count - MaksimalLain)} butir lain: ketik **dialog**.", halus: true));
            }
        }

        return KartuPesan.Kartu(body, [], ringkasan);
    }

    private static string Angka(decimal? n) => n is { } v ? Format.Angka(v) : "—";
}

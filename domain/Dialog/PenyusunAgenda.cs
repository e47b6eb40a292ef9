using System.Globalization;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Domain.Dialog;

/// <summary>
/// Writes a dialog's agenda from the data of its period (domain.md §8): a pure function of the office data (with the
/// targets in force, <see cref="DataPenilaian"/>), the SKP workflow state and the follow-ups of earlier dialogs.
/// Items come in this order, each saying why it is there:
/// <list type="number">
/// <item>IKU whose capaian is below 100: red first, then yellow, each worst first, with consolidated target,
/// realisation and the gap;</item>
/// <item>IKU whose realisation is still missing (neither IKU item before the office has any realisation);</item>
/// <item>(DKI) the SKP's state and deadline;</item>
/// <item>follow-ups of the series still open: overdue first (oldest due date first), then the others;</item>
/// <item>(DKO) strategic objectives below 100, strategic initiatives, and the unit's NKO trend over the year.</item>
/// </list>
/// No clock: the office's date is a parameter.
/// </summary>
public sealed class PenyusunAgenda(Penilai penilai)
{
    /// <summary>
    /// The agenda of a DKI of <paramref name="pemimpin"/> with <paramref name="bawahan"/> on the data up to
    /// <paramref name="periode"/>. <paramref name="skp"/> are the SKP states to discuss (e.g. this year's and next
    /// year's), <paramref name="tindakLanjut"/> any follow-ups (only the open ones of this series are used).
    /// </summary>
    public AgendaDialog Dki(DataKantor data, Pegawai pemimpin, Pegawai bawahan, Periode periode, IEnumerable<KeadaanSkp> skp,
        IEnumerable<TindakLanjut> tindakLanjut, DateOnly hariIni)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pemimpin);
        ArgumentNullException.ThrowIfNull(bawahan);
        if (bawahan.NipAtasan != pemimpin.Nip)
        {
            throw new DomainException($"{bawahan.Nama} bukan bawahan langsung {pemimpin.Nama}");
        }

        var seri = SeriDialog.Dki(pemimpin.Nip, bawahan.Nip);
        var item = new List<ItemAgenda>();
        if (data.PeriodeTerakhirDenganRealisasi() is not null)
        {
            // Before the office's first realisation there is no score to discuss: the SKP and follow-ups remain.
            item.AddRange(Iku(penilai.NilaiPegawai(data, bawahan, periode).Iku, periode));
        }

        foreach (var s in skp.OrderBy(s => s.Tahun))
        {
            item.Add(Skp(s, hariIni));
        }

        item.AddRange(TindakLanjutTerbuka(seri, tindakLanjut, hariIni));
        return new AgendaDialog(seri, periode, Unik(item));
    }

    /// <summary>
    /// The agenda of the DKO of <paramref name="unit"/> (whose head owns a strategy map) on the data up to
    /// <paramref name="periode"/>, with its strategic initiatives as given.
    /// </summary>
    public AgendaDialog Dko(DataKantor data, Unit unit, Periode periode, IEnumerable<InisiatifStrategis> inisiatif,
        IEnumerable<TindakLanjut> tindakLanjut, DateOnly hariIni)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(unit);
        var nko = penilai.Nko(data, unit, periode)
            ?? throw new DomainException($"{unit.Nama} tidak punya kepala pemilik peta strategi: DKO tidak dapat disusun");
        var seri = SeriDialog.Dko(nko.Pemilik.Nip, unit.Kode);
        var item = new List<ItemAgenda>();
        item.AddRange(Iku(nko.Iku, periode));
        item.AddRange(TindakLanjutTerbuka(seri, tindakLanjut, hariIni));

        foreach (var ss in nko.SasaranStrategis.Where(s => s.Nilai < penilai.Kebijakan.HijauMinimal).OrderBy(s => s.Nilai))
        {
            var ikuDi = string.Join(", ", ss.Iku.Where(c => c.IndeksCapaian < penilai.Kebijakan.HijauMinimal).Select(c => c.Iku.Kode));
            item.Add(new ItemAgenda(JenisItemAgenda.SasaranStrategis, $"Sasaran strategis: {ss.Nama}",
                $"Nilai sasaran strategis {AngkaIndonesia.Format(ss.Nilai)} di bawah {AngkaIndonesia.Format(penilai.Kebijakan.HijauMinimal)}: uji kembali validitas sasaran dan IKU-nya",
                $"Perspektif {ss.Perspektif.Nama()}; IKU di bawah target: {(ikuDi.Length == 0 ? "-" : ikuDi)}"));
        }

        foreach (var i in inisiatif.OrderBy(i => i.ProgresPersen))
        {
            var tenggat = i.Tenggat is { } t ? $"; tenggat {TanggalIndonesia.Format(t)}" : "";
            var terlambat = i.Tenggat is { } tt && tt < hariIni && i.ProgresPersen < 100;
            item.Add(new ItemAgenda(JenisItemAgenda.InisiatifStrategis, $"Inisiatif strategis: {i.Nama}",
                terlambat ? "Inisiatif strategis melewati tenggat dan belum selesai" : "Kemajuan inisiatif strategis dipantau pada setiap DKO",
                $"Sasaran strategis {i.SasaranStrategis}; progres {AngkaIndonesia.Format(i.ProgresPersen)}%{tenggat}{(i.Keterangan is { } k ? "; " + k : "")}"));
        }

        var tren = new List<string>();
        decimal? sebelum = null, terakhir = null;
        for (var tw = 1; tw <= periode.Triwulan; tw++)
        {
            var p = new Periode(periode.Tahun, tw);
            var n = penilai.Nko(data, unit, p);
            var teks = n?.Nko is { } v ? AngkaIndonesia.Format(penilai.Kebijakan.Bulatkan(v)) : "belum ada";
            tren.Add($"{p.Label}: {teks}{(n is { Status: StatusNilai.Sementara, Nko: not null } ? " (sementara)" : "")}");
            if (n?.Nko is { } nilai)
            {
                sebelum = terakhir;
                terakhir = penilai.Kebijakan.Bulatkan(nilai);
            }
        }

        var arah = (sebelum, terakhir) switch
        {
            ({ } a, { } b) when b < a => $"NKO turun {AngkaIndonesia.Format(a - b)} poin dari triwulan sebelumnya",
            ({ } a, { } b) when b > a => $"NKO naik {AngkaIndonesia.Format(b - a)} poin dari triwulan sebelumnya",
            ({ }, { }) => "NKO sama dengan triwulan sebelumnya",
            _ => "Tren NKO unit sepanjang tahun",
        };
        item.Add(new ItemAgenda(JenisItemAgenda.TrenNko, $"Tren NKO {unit.Nama} {periode.Tahun.ToString(CultureInfo.InvariantCulture)}", arah,
            string.Join(" → ", tren)));
        return new AgendaDialog(seri, periode, Unik(item));
    }

    /// <summary>Keys are unique inside an agenda (two initiatives of the same name get <c>#2</c>): one minutes box per item.</summary>
    private static List<ItemAgenda> Unik(List<ItemAgenda> item)
    {
        var dipakai = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Count; i++)
        {
            var kunci = item[i].Kunci;
            for (var n = 2; !dipakai.Add(kunci); n++)
            {
                kunci = ItemAgenda.BuatKunci(item[i].Kunci + "#" + n.ToString(CultureInfo.InvariantCulture));
            }

            if (kunci != item[i].Kunci)
            {
                item[i] = item[i] with { Kunci = kunci };
            }
        }

        return item;
    }

    private IEnumerable<ItemAgenda> Iku(IReadOnlyList<CapaianIku> capaian, Periode periode)
    {
        var kebijakan = penilai.Kebijakan;
        var dibawah = capaian
            .Where(c => c is { Keadaan: KeadaanIku.Dinilai, IndeksCapaian: { } ic } && kebijakan.Bulatkan(ic) < kebijakan.HijauMinimal)
            .OrderBy(c => c.Warna == WarnaCapaian.Merah ? 0 : 1)
            .ThenBy(c => c.IndeksCapaian)
            .ToList();
        foreach (var c in dibawah)
        {
            var merah = c.Warna == WarnaCapaian.Merah;
            var ic = kebijakan.Bulatkan(c.IndeksCapaian!.Value);
            var target = c.Target!.Value;
            var r = c.Realisasi!.Value;
            decimal t = target.Atas is { } atas && r > atas ? atas : target.Nilai;
            var alasan = merah
                ? $"Capaian {AngkaIndonesia.Format(ic)} merah (di bawah {AngkaIndonesia.Format(kebijakan.KuningMinimal)})"
                : $"Capaian {AngkaIndonesia.Format(ic)} di bawah {AngkaIndonesia.Format(kebijakan.HijauMinimal)}";
            var targetTeks = target.Atas is { } a2 ? $"{AngkaIndonesia.Format(target.Nilai)}–{AngkaIndonesia.Format(a2)}" : AngkaIndonesia.Format(target.Nilai);
            yield return new ItemAgenda(merah ? JenisItemAgenda.IkuMerah : JenisItemAgenda.IkuKuning, $"IKU {c.Iku.Kode} {c.Iku.Nama}", alasan,
                $"s.d. {periode.Label}: target {targetTeks} {c.Iku.Satuan}, realisasi {AngkaIndonesia.Format(r)} {c.Iku.Satuan}, selisih {AngkaIndonesia.Format(r - t)}")
            {
                KodeIku = c.Iku.Kode,
                Target = target.Nilai,
                Realisasi = r,
                Selisih = r - t,
                IndeksCapaian = ic,
                Satuan = c.Iku.Satuan,
            };
        }

        foreach (var c in capaian.Where(c => c.Keadaan == KeadaanIku.BelumAdaRealisasi))
        {
            var tw = string.Join(", ", c.TriwulanTanpaRealisasi.Select(t => "TW " + Periode.Romawi(t)));
            yield return new ItemAgenda(JenisItemAgenda.RealisasiBelumAda, $"IKU {c.Iku.Kode} {c.Iku.Nama}",
                $"Realisasi {tw} belum diisi: nilai masih sementara", $"Satuan {c.Iku.Satuan}") { KodeIku = c.Iku.Kode, Satuan = c.Iku.Satuan };
        }
    }

    private static ItemAgenda Skp(KeadaanSkp s, DateOnly hariIni)
    {
        var th = s.Tahun.ToString(CultureInfo.InvariantCulture);
        var status = PersetujuanSkp.NamaStatus(s.Status);
        var alasan = s.Status switch
        {
            StatusSkp.Disetujui => "SKP sudah disetujui: sepakati rencana aksi dan umpan balik berkelanjutan",
            _ when s.Tenggat.Terlambat(hariIni, s.Status) => "SKP belum disetujui dan sudah melewati tenggat",
            StatusSkp.Diajukan => "SKP menunggu persetujuan atasan langsung",
            StatusSkp.Dikembalikan => "SKP dikembalikan dan perlu diperbaiki",
            _ => "SKP belum diajukan",
        };
        return new ItemAgenda(JenisItemAgenda.Skp, $"SKP {th}: {status}", alasan, s.Tenggat.Keterangan(hariIni, s.Status)) { Kunci = ItemAgenda.BuatKunci("skp|" + th) };
    }

    private static IEnumerable<ItemAgenda> TindakLanjutTerbuka(SeriDialog seri, IEnumerable<TindakLanjut> tindakLanjut, DateOnly hariIni)
    {
        var terbuka = tindakLanjut.Where(t => t.Status == StatusTindakLanjut.Terbuka && t.Seri == seri).ToList();
        foreach (var t in terbuka.Where(t => t.Terlambat(hariIni)).OrderBy(t => t.Tenggat).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var hari = (hariIni.DayNumber - t.Tenggat.DayNumber).ToString(CultureInfo.InvariantCulture);
            yield return new ItemAgenda(JenisItemAgenda.TindakLanjutTerlambat, $"Tindak lanjut: {t.Uraian}",
                $"Terlambat {hari} hari (tenggat {TanggalIndonesia.Format(t.Tenggat)})",
                $"PIC {t.Pic.Nama}; disepakati {TanggalIndonesia.Format(t.DibuatPada)}") { IdTindakLanjut = t.Id };
        }

        foreach (var t in terbuka.Where(t => !t.Terlambat(hariIni)).OrderBy(t => t.Tenggat).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            yield return new ItemAgenda(JenisItemAgenda.TindakLanjutTerbuka, $"Tindak lanjut: {t.Uraian}",
                $"Masih terbuka dari dialog sebelumnya (tenggat {TanggalIndonesia.Format(t.Tenggat)})",
                $"PIC {t.Pic.Nama}; disepakati {TanggalIndonesia.Format(t.DibuatPada)}") { IdTindakLanjut = t.Id };
        }
    }
}

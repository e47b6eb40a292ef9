using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Domain.Dialog;

/// <summary>
/// A dialog that is due: its series, with whom, when (the due date), whether it is past the compliance window, the
/// last one held, and a postponement if the leader set one. <see cref="Periode"/> is the data period its agenda reads.
/// </summary>
public sealed record DialogMendatang(
    SeriDialog Seri,
    Pegawai? Bawahan,
    Unit? Unit,
    Periode Periode,
    DateOnly JatuhTempo,
    DateOnly? TerakhirDilaksanakan,
    bool Ditunda,
    bool TidakPatuh);

/// <summary>
/// Which dialogs a leader has to hold, from the policy (<see cref="KebijakanDialog"/>) and what was held: a DKI with
/// every direct report every <see cref="KebijakanDialog.DkiSetiapBulan"/> month(s) after the last one (due today when
/// there was none; also when the office has no realisation yet), and — when the leader heads a unit that owns a
/// strategy map — the DKO of the quarter <see cref="KebijakanDialog.DkoSetiapTriwulan"/> quarters after the last one
/// held (the latest quarter with realisations when that is later, or when none was held), due
/// <see cref="KebijakanDialog.DkoHariSesudahTriwulan"/> days after that quarter ends.
/// A postponement later than the last dialog replaces the due date. Pure: the office's date is a parameter.
/// </summary>
public static class JadwalDialog
{
    public static IReadOnlyList<DialogMendatang> Untuk(DataKantor data, Pegawai pemimpin, Penilai penilai, IEnumerable<DialogKinerja> dialog,
        IEnumerable<RencanaDialog> rencana, DateOnly hariIni, KebijakanDialog kebijakan)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pemimpin);
        ArgumentNullException.ThrowIfNull(penilai);
        ArgumentNullException.ThrowIfNull(kebijakan);
        var semua = dialog.ToList();
        var rencanaPerSeri = rencana.GroupBy(r => r.Seri).ToDictionary(g => g.Key, g => g.OrderBy(r => r.PadaUtc).Last());
        var periode = data.PeriodeTerakhirDenganRealisasi(hariIni.Year) ?? data.PeriodeTerakhirDenganRealisasi();
        var hasil = new List<DialogMendatang>();

        // With no realisation in the office yet a DKI is still due (agreeing the SKP, follow-ups); its agenda reads
        // this year's first quarter. A DKO waits for realisations.
        var p = periode ?? new Periode(hariIni.Year, 1);
        foreach (var b in data.Bawahan(pemimpin.Nip))
        {
            var seri = SeriDialog.Dki(pemimpin.Nip, b.Nip);
            var terakhir = semua.Where(d => d.Seri == seri).Select(d => (DateOnly?)d.Pada.TanggalLokal).Max();
            var jatuhTempo = terakhir is { } t ? t.AddMonths(kebijakan.DkiSetiapBulan) : hariIni;
            var ditunda = false;
            if (rencanaPerSeri.TryGetValue(seri, out var r) && (terakhir is null || r.Tanggal > terakhir))
            {
                (jatuhTempo, ditunda) = (r.Tanggal, true);
            }

            var tidakPatuh = terakhir is not { } tk || tk <= hariIni.AddMonths(-kebijakan.DkiBatasKepatuhanBulan);
            hasil.Add(new DialogMendatang(seri, b, null, p, jatuhTempo, terakhir, ditunda, tidakPatuh));
        }

        if (periode is not null && data.CariUnit(pemimpin.KodeUnit) is { } unit && penilai.PemilikPetaStrategi(pemimpin, data))
        {
            var seri = SeriDialog.Dko(pemimpin.Nip, unit.Kode);
            var dilaksanakan = semua.Where(d => d.Seri == seri).ToList();

            // The next DKO is DkoSetiapTriwulan quarters after the last one held, but never for a quarter older than
            // the latest with realisations (a missed DKO is caught up on the latest data).
            var terakhirPeriode = dilaksanakan.Select(d => (Periode?)d.Periode).Max();
            var periodeDko = terakhirPeriode is { } tp && Maju(tp, kebijakan.DkoSetiapTriwulan) is var berikut && berikut.CompareTo(p) > 0 ? berikut : p;
            var jatuhTempo = periodeDko.AkhirTriwulan.AddDays(kebijakan.DkoHariSesudahTriwulan);
            var terakhir = dilaksanakan.Select(d => (DateOnly?)d.Pada.TanggalLokal).Max();
            var ditunda = false;
            if (rencanaPerSeri.TryGetValue(seri, out var r) && (terakhir is null || r.Tanggal > terakhir))
            {
                (jatuhTempo, ditunda) = (r.Tanggal, true);
            }

            var tidakPatuh = periodeDko.CompareTo(p) <= 0 && hariIni > p.AkhirTriwulan.AddDays(kebijakan.DkoHariSesudahTriwulan) && !ditunda;
            // The agenda of a DKO not due yet still reads the latest data there is.
            hasil.Add(new DialogMendatang(seri, null, unit, periodeDko.CompareTo(p) > 0 ? p : periodeDko, jatuhTempo, terakhir, ditunda, tidakPatuh));
        }

        return hasil;
    }

    private static Periode Maju(Periode p, int triwulan)
    {
        var urutan = (p.Tahun * 4) + p.Triwulan - 1 + triwulan;
        return new Periode(urutan / 4, (urutan % 4) + 1);
    }
}

/// <summary>A leader's compliance: direct reports without a DKI in the policy's window, and overdue follow-ups of the leader's dialogs.</summary>
public sealed record KepatuhanPemimpin(Pegawai Pemimpin, int JumlahBawahan, IReadOnlyList<Pegawai> TanpaDki, IReadOnlyList<TindakLanjut> TindakLanjutTerlambat);

/// <summary>A unit's compliance: its leaders' figures added up.</summary>
public sealed record KepatuhanUnit(Unit Unit, int JumlahBawahan, IReadOnlyList<Pegawai> TanpaDki, IReadOnlyList<TindakLanjut> TindakLanjutTerlambat);

/// <summary>
/// Compliance figures (domain.md §8: a DKI reported at least once every <see cref="KebijakanDialog.DkiBatasKepatuhanBulan"/>
/// months): per leader, which direct reports had no DKI held on a date after <c>hariIni − window</c>, and which
/// follow-ups of the leader's dialogs are overdue; per unit, the same for the leaders who work in it.
/// </summary>
public static class KepatuhanDialog
{
    public static IReadOnlyList<KepatuhanPemimpin> PerPemimpin(DataKantor data, IEnumerable<DialogKinerja> dialog, IEnumerable<TindakLanjut> tindakLanjut,
        DateOnly hariIni, KebijakanDialog kebijakan)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(kebijakan);
        var batas = hariIni.AddMonths(-kebijakan.DkiBatasKepatuhanBulan);
        var dki = dialog.Where(d => d.Jenis == JenisDialog.Dki && d.Pada.TanggalLokal > batas && d.Pada.TanggalLokal <= hariIni)
            .Select(d => d.Seri).ToHashSet();
        var terlambat = tindakLanjut.Where(t => t.Terlambat(hariIni)).ToList();
        var hasil = new List<KepatuhanPemimpin>();
        foreach (var pemimpin in data.Pegawai)
        {
            var bawahan = data.Bawahan(pemimpin.Nip);
            if (bawahan.Count == 0)
            {
                continue;
            }

            var tanpa = bawahan.Where(b => !dki.Contains(SeriDialog.Dki(pemimpin.Nip, b.Nip))).ToList();
            var tl = terlambat.Where(t => t.Seri.Pemimpin == pemimpin.Nip).OrderBy(t => t.Tenggat).ToList();
            hasil.Add(new KepatuhanPemimpin(pemimpin, bawahan.Count, tanpa, tl));
        }

        return hasil;
    }

    public static IReadOnlyList<KepatuhanUnit> PerUnit(DataKantor data, IReadOnlyList<KepatuhanPemimpin> perPemimpin)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(perPemimpin);
        var hasil = new List<KepatuhanUnit>();
        foreach (var unit in data.Unit)
        {
            var di = perPemimpin.Where(k => k.Pemimpin.KodeUnit == unit.Kode).ToList();
            if (di.Count > 0)
            {
                hasil.Add(new KepatuhanUnit(unit, di.Sum(k => k.JumlahBawahan), [.. di.SelectMany(k => k.TanpaDki)], [.. di.SelectMany(k => k.TindakLanjutTerlambat)]));
            }
        }

        return hasil;
    }
}

/// <summary>
/// Who may read a dialog (its agenda, minutes and follow-ups): the participants, the supervisors of the participants,
/// and the office's coordinators (Manajer Kinerja Organisasi/Pegawai, domain.md §7). Everybody else is told so.
/// </summary>
public static class AksesDialog
{
    public static bool BolehMelihat(DialogKinerja dialog, Nip nip, DataKantor data, IReadOnlySet<Nip> koordinator)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(koordinator);
        return dialog.Melibatkan(nip) || koordinator.Contains(nip)
            || dialog.Peserta.Any(p => data.CariPegawai(p.Nip)?.NipAtasan == nip);
    }

    public const string PesanDitolak = "Isi dialog kinerja ini hanya untuk peserta dialog, atasan mereka dan koordinator kinerja kantor.";
}

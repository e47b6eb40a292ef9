namespace Kinerja.Domain.Kalender;

/// <summary>
/// The working days of the offices: Monday–Friday, minus the decree's national holidays and <i>cuti bersama</i>
/// (<see cref="KalenderLibur"/>) and minus each office's own days off (regional holidays, from the configuration).
/// Weekends are never working days, whatever the data says. A year the data does not cover has only weekends off.
/// </summary>
public sealed class KalenderKerja : IKalenderKerja
{
    private readonly KalenderLibur _nasional;
    private readonly Dictionary<(string, DateOnly), HariLibur> _kantor = [];

    /// <param name="nasional">The decree's days.</param>
    /// <param name="liburKantor">Each office's own days off, by office code.</param>
    public KalenderKerja(KalenderLibur nasional, IEnumerable<(string KodeKantor, HariLibur Hari)>? liburKantor = null)
    {
        ArgumentNullException.ThrowIfNull(nasional);
        _nasional = nasional;
        foreach (var (kode, hari) in liburKantor ?? [])
        {
            if (string.IsNullOrWhiteSpace(kode))
            {
                throw new DomainException("Kode kantor pada libur kantor kosong");
            }

            _kantor[(kode.Trim(), hari.Tanggal)] = hari with { Jenis = JenisLibur.LiburKantor };
        }
    }

    public KalenderLibur Nasional => _nasional;

    public bool HariKerja(string kodeKantor, DateOnly tanggal) =>
        tanggal.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Libur(kodeKantor, tanggal) is null;

    /// <summary>The holiday on that date for the office (the office's own day first), or null.</summary>
    public HariLibur? Libur(string kodeKantor, DateOnly tanggal) =>
        _kantor.GetValueOrDefault((kodeKantor, tanggal)) ?? _nasional.Cari(tanggal);
}

/// <summary>Working-day arithmetic on any <see cref="IKalenderKerja"/> ("2 work days", "ingatkan besok").</summary>
public static class KalenderKerjaExtensions
{
    /// <summary>Guards the loops: no office has a year without a working day.</summary>
    private const int BatasHari = 366;

    /// <summary>The first working day strictly after <paramref name="tanggal"/>.</summary>
    public static DateOnly HariKerjaBerikut(this IKalenderKerja kalender, string kodeKantor, DateOnly tanggal) =>
        kalender.TambahHariKerja(kodeKantor, tanggal, 1);

    /// <summary><paramref name="tanggal"/> itself when it is a working day, else the last working day before it.</summary>
    public static DateOnly HariKerjaPadaAtauSebelum(this IKalenderKerja kalender, string kodeKantor, DateOnly tanggal)
    {
        ArgumentNullException.ThrowIfNull(kalender);
        for (var i = 0; i < BatasHari; i++, tanggal = tanggal.AddDays(-1))
        {
            if (kalender.HariKerja(kodeKantor, tanggal))
            {
                return tanggal;
            }
        }

        throw new DomainException($"Tidak ada hari kerja dalam setahun sebelum {tanggal:yyyy-MM-dd} di kantor {kodeKantor}");
    }

    /// <summary>The <paramref name="jumlah"/>-th working day after <paramref name="tanggal"/> (0: the date itself).</summary>
    public static DateOnly TambahHariKerja(this IKalenderKerja kalender, string kodeKantor, DateOnly tanggal, int jumlah)
    {
        ArgumentNullException.ThrowIfNull(kalender);
        ArgumentOutOfRangeException.ThrowIfNegative(jumlah);
        var sisa = jumlah;
        var kosong = 0;
        while (sisa > 0)
        {
            tanggal = tanggal.AddDays(1);
            if (kalender.HariKerja(kodeKantor, tanggal))
            {
                sisa--;
                kosong = 0;
            }
            else if (++kosong > BatasHari)
            {
                throw new DomainException($"Tidak ada hari kerja dalam setahun setelah {tanggal:yyyy-MM-dd} di kantor {kodeKantor}");
            }
        }

        return tanggal;
    }

    /// <summary>Working days after <paramref name="dari"/> up to and including <paramref name="sampai"/> (0 when sampai ≤ dari).</summary>
    public static int HitungHariKerja(this IKalenderKerja kalender, string kodeKantor, DateOnly dari, DateOnly sampai)
    {
        ArgumentNullException.ThrowIfNull(kalender);
        var jumlah = 0;
        for (var d = dari.AddDays(1); d <= sampai; d = d.AddDays(1))
        {
            if (kalender.HariKerja(kodeKantor, d))
            {
                jumlah++;
            }
        }

        return jumlah;
    }
}

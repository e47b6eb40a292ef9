using System.Globalization;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Kontrak;

/// <summary>
/// When a contract is due (domain.md §7): 31 January of the contract year; for an employee who starts during the year
/// (transfer, return from study or leave), 15 calendar days after the start date.
/// <para>Rules where the regulation is silent (chosen here):</para>
/// <list type="bullet">
/// <item>A start date inside the contract year gives <c>max(31 January, start + 15 days)</c>: starting on 20 January
/// never shortens the regular deadline. A start date before the year (or none) gives 31 January; a start date after the
/// year is a data error.</item>
/// <item>The 15 days are calendar days for a transfer or a return (<see cref="Untuk"/>); for a new CPNS they are 15
/// <i>working</i> days after the start, counted with the office's calendar (<see cref="UntukPegawai"/>). A new CPNS is
/// someone whose start date falls in the month of the TMT CPNS in their NIP (domain.md §10): the import has no other
/// sign of it.</item>
/// <item>"Terlambat" (overdue): the local date is after the deadline and the contract is not approved yet.</item>
/// </list>
/// </summary>
public readonly record struct TenggatSkp
{
    public const int HariSetelahMulai = 15;

    private TenggatSkp(int tahun, DateOnly tanggal, bool karenaMulaiTengahTahun)
    {
        Tahun = tahun;
        Tanggal = tanggal;
        KarenaMulaiTengahTahun = karenaMulaiTengahTahun;
    }

    public int Tahun { get; }

    /// <summary>The last day (inclusive) to have the contract in place.</summary>
    public DateOnly Tanggal { get; }

    /// <summary>True when the 15-day rule for a mid-year start set the date.</summary>
    public bool KarenaMulaiTengahTahun { get; }

    public static TenggatSkp Untuk(int tahun, DateOnly? tanggalMulai = null)
    {
        if (tahun is < 2000 or > 2100)
        {
            throw new DomainException($"Tahun {tahun.ToString(CultureInfo.InvariantCulture)} di luar rentang 2000–2100");
        }

        var akhirJanuari = new DateOnly(tahun, 1, 31);
        if (tanggalMulai is not { } mulai || mulai.Year < tahun)
        {
            return new TenggatSkp(tahun, akhirJanuari, false);
        }

        if (mulai.Year > tahun)
        {
            throw new DomainException(
                $"Tanggal mulai {TanggalIndonesia.Format(mulai)} sesudah tahun kontrak {tahun.ToString(CultureInfo.InvariantCulture)}");
        }

        var limaBelasHari = mulai.AddDays(HariSetelahMulai);
        return limaBelasHari > akhirJanuari ? new TenggatSkp(tahun, limaBelasHari, true) : new TenggatSkp(tahun, akhirJanuari, false);
    }

    /// <summary>
    /// The personal deadline of an employee in an office: <see cref="Untuk"/> for everyone, except a new CPNS starting
    /// in the contract year, whose deadline is 15 working days of the office's calendar after the start (never before
    /// 31 January).
    /// </summary>
    public static TenggatSkp UntukPegawai(int tahun, Pegawai pegawai, IKalenderKerja kalender, string kodeKantor)
    {
        ArgumentNullException.ThrowIfNull(pegawai);
        ArgumentNullException.ThrowIfNull(kalender);
        // A start recorded for a later year (data imported ahead) does not concern this year's contract.
        var biasa = Untuk(tahun, pegawai.TanggalMulai is { } m && m.Year <= tahun ? m : null);
        if (pegawai.TanggalMulai is not { } mulai || mulai.Year != tahun || !CpnsBaru(pegawai))
        {
            return biasa;
        }

        var limaBelasHariKerja = kalender.TambahHariKerja(kodeKantor, mulai, HariSetelahMulai);
        return limaBelasHariKerja > new DateOnly(tahun, 1, 31) ? new TenggatSkp(tahun, limaBelasHariKerja, true) : biasa;
    }

    /// <summary>A new CPNS: the start date is in the month of the TMT CPNS of the NIP.</summary>
    public static bool CpnsBaru(Pegawai pegawai) =>
        pegawai?.TanggalMulai is { } mulai && (mulai.Year, mulai.Month) == pegawai.Nip.TmtCpns;

    /// <summary>Days from <paramref name="hariIni"/> (the office's local date) to the deadline: 0 on the day itself, negative after it.</summary>
    public int SisaHari(DateOnly hariIni) => Tanggal.DayNumber - hariIni.DayNumber;

    public bool Terlambat(DateOnly hariIni, StatusSkp status) => status != StatusSkp.Disetujui && hariIni > Tanggal;

    /// <summary>What the status line shows: <c>Tenggat 31 Januari 2027 (5 hari lagi)</c>, <c>… (hari ini)</c>, <c>… (terlambat 3 hari)</c>.</summary>
    public string Keterangan(DateOnly hariIni, StatusSkp status)
    {
        var teks = $"Tenggat {TanggalIndonesia.Format(Tanggal)}";
        if (status == StatusSkp.Disetujui)
        {
            return teks;
        }

        var sisa = SisaHari(hariIni);
        var id = CultureInfo.InvariantCulture;
        return sisa switch
        {
            > 0 => $"{teks} ({sisa.ToString(id)} hari lagi)",
            0 => $"{teks} (hari ini)",
            _ => $"{teks} (terlambat {(-sisa).ToString(id)} hari)",
        };
    }
}

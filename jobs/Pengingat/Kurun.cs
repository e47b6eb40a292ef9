using System.Globalization;
using System.Text.RegularExpressions;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Jobs.Pengingat;

/// <summary>
/// The <see cref="Kinerja.Domain.Pengiriman.KunciPengiriman.Kurun"/> of each kind, written by the planner and read
/// back by the builder, declared once. Each makes "once" mean once: <c>2027-H7</c> (one H-7 reminder per person and
/// year, or alert per coordinator while the year's contracts are missing), <c>2027-198…-v2</c> (one nudge per contract version), <c>2026-W48</c> (one digest per ISO week),
/// <c>2026-TW3</c> (one per quarter), <c>2026-TW3-sementara</c> (one provisional score summary per quarter, before
/// the final one), <c>2026-11</c> (one DKI prompt per month).
/// </summary>
public static partial class Kurun
{
    private const string AkhiranSementara = "-sementara";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string HMinus(int tahun, int hari) => string.Create(Inv, $"{tahun}-H{hari}");

    public static string Versi(int tahun, Nip pemilik, int versi) => string.Create(Inv, $"{tahun}-{pemilik.Value}-v{versi}");

    public static string Minggu(DateOnly tanggal) =>
        string.Create(Inv, $"{ISOWeek.GetYear(tanggal.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(tanggal.ToDateTime(TimeOnly.MinValue)):00}");

    public static string Triwulan(Periode periode) => string.Create(Inv, $"{periode.Tahun}-{periode.Kode}");

    /// <summary>A score summary sent before the quarter's data is complete (after the cut-off): <c>2026-TW3-sementara</c>.</summary>
    public static string TriwulanSementara(Periode periode) => Triwulan(periode) + AkhiranSementara;

    public static string Bulan(DateOnly tanggal) => string.Create(Inv, $"{tanggal.Year}-{tanggal.Month:00}");

    public static bool TryHMinus(string kurun, out int tahun, out int hari) => Dua(HMinusRegex().Match(kurun), out tahun, out hari);

    public static bool TryVersi(string kurun, out int tahun, out Nip pemilik, out int versi)
    {
        var m = VersiRegex().Match(kurun);
        pemilik = default;
        versi = 0;
        tahun = 0;
        return m.Success && Nip.TryParse(m.Groups[2].Value, out pemilik, out _)
            && int.TryParse(m.Groups[1].Value, Inv, out tahun) && int.TryParse(m.Groups[3].Value, Inv, out versi);
    }

    public static bool TryTriwulan(string kurun, out Periode periode)
    {
        periode = default;
        if (!Dua(TriwulanRegex().Match(kurun), out var tahun, out var tw) || tahun is < 2000 or > 2100 || tw is < 1 or > 4)
        {
            return false;
        }

        periode = new Periode(tahun, tw);
        return true;
    }

    /// <summary>The quarter of a score summary, final (<c>2026-TW3</c>) or provisional (<c>2026-TW3-sementara</c>).</summary>
    public static bool TryTriwulanRingkasan(string kurun, out Periode periode, out bool sementara)
    {
        ArgumentNullException.ThrowIfNull(kurun);
        sementara = kurun.EndsWith(AkhiranSementara, StringComparison.Ordinal);
        return TryTriwulan(sementara ? kurun[..^AkhiranSementara.Length] : kurun, out periode);
    }

    public static bool TryBulan(string kurun, out int tahun, out int bulan) =>
        Dua(BulanRegex().Match(kurun), out tahun, out bulan) && bulan is >= 1 and <= 12;

    private static bool Dua(Match m, out int a, out int b)
    {
        a = b = 0;
        return m.Success && int.TryParse(m.Groups[1].Value, Inv, out a) && int.TryParse(m.Groups[2].Value, Inv, out b);
    }

    [GeneratedRegex(@"^(\d{4})-H(\d{1,2})$")]
    private static partial Regex HMinusRegex();

    [GeneratedRegex(@"^(\d{4})-(\d{18})-v(\d{1,4})$")]
    private static partial Regex VersiRegex();

    [GeneratedRegex(@"^(\d{4})-TW(\d)$")]
    private static partial Regex TriwulanRegex();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex BulanRegex();
}

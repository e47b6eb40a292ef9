using System.Globalization;

namespace Kinerja.Domain.Kontrak;

/// <summary>
/// Dates as Indonesian users read them (<c>31 Januari 2027</c>, <c>1–31 Maret 2027</c>), written without a culture so
/// the text is the same on every host. The cards have their own formatter; the domain needs one for its messages.
/// </summary>
public static class TanggalIndonesia
{
    private static readonly string[] Bulan =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Format(DateOnly tanggal) =>
        string.Create(CultureInfo.InvariantCulture, $"{tanggal.Day} {Bulan[tanggal.Month - 1]} {tanggal.Year}");

    /// <summary>A range: <c>1–31 Maret 2027</c>, <c>15 Februari–14 Maret 2027</c>, <c>15 Desember 2026–14 Januari 2027</c>.</summary>
    public static string Rentang(DateOnly mulai, DateOnly selesai)
    {
        if (mulai.Year != selesai.Year)
        {
            return $"{Format(mulai)}–{Format(selesai)}";
        }

        if (mulai.Month != selesai.Month)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{mulai.Day} {Bulan[mulai.Month - 1]}–{Format(selesai)}");
        }

        return mulai == selesai ? Format(mulai) : string.Create(CultureInfo.InvariantCulture, $"{mulai.Day}–{Format(selesai)}");
    }
}

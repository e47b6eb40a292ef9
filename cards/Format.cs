using System.Globalization;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Cards;

/// <summary>
/// Server-side id-ID formatting for everything a card shows: cards are rendered once on the server, so numbers and
/// dates must not depend on the client's locale (or on the server's: the culture is always passed).
/// </summary>
public static class Format
{
    public static CultureInfo Budaya { get; } = CultureInfo.GetCultureInfo("id-ID");

    /// <summary><c>89,40</c>, <c>1.234,50</c>: two decimals, rounded half away from zero (domain.md §3).</summary>
    public static string Angka(decimal nilai) =>
        Math.Round(nilai, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", Budaya);

    /// <summary>A policy number without needless decimals: <c>60</c>, <c>12,5</c>, <c>1.000</c>.</summary>
    public static string AngkaRingkas(decimal nilai) =>
        Math.Round(nilai, 2, MidpointRounding.AwayFromZero).ToString("#,##0.##", Budaya);

    /// <summary><c>31 Januari 2027</c>.</summary>
    public static string Tanggal(DateOnly tanggal) => tanggal.ToString("d MMMM yyyy", Budaya);

    /// <summary><c>28 November 2026 17.10 WIB</c>: the instant in the office's zone, with the zone's abbreviation.</summary>
    public static string WaktuLokal(DateTimeOffset waktu, ZonaWaktu zona)
    {
        ArgumentNullException.ThrowIfNull(zona);
        var lokal = TimeZoneInfo.ConvertTime(waktu, TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId));
        return lokal.ToString("d MMMM yyyy HH'.'mm", Budaya) + " " + zona.Singkatan;
    }
}

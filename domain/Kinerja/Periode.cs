using System.Globalization;

namespace Kinerja.Domain.Kinerja;

/// <summary>
/// A reporting period: year and quarter (<i>triwulan</i>). A score "for TW III" is year-to-date up to the end of
/// TW III (domain.md §4).
/// </summary>
public readonly record struct Periode : IComparable<Periode>
{
    public Periode(int tahun, int triwulan)
    {
        if (tahun is < 2000 or > 2100)
        {
            throw new DomainException($"Tahun {tahun} di luar rentang 2000–2100");
        }

        if (triwulan is < 1 or > 4)
        {
            throw new DomainException($"Triwulan harus 1 sampai 4, bukan {triwulan}");
        }

        Tahun = tahun;
        Triwulan = triwulan;
    }

    public int Tahun { get; }

    public int Triwulan { get; }

    /// <summary>The code used in files: <c>TW3</c>.</summary>
    public string Kode => $"TW{Triwulan.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The label shown to users: <c>TW III 2026</c>.</summary>
    public string Label => $"TW {Romawi(Triwulan)} {Tahun.ToString(CultureInfo.InvariantCulture)}";

    public DateOnly AkhirTriwulan => new DateOnly(Tahun, Triwulan * 3, 1).AddMonths(1).AddDays(-1);

    /// <summary>Parses a quarter code (<c>TW3</c>, <c>tw 3</c>, <c>TWIII</c>) into 1–4.</summary>
    public static bool TryParseTriwulan(string? text, out int triwulan)
    {
        triwulan = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!t.StartsWith("TW", StringComparison.Ordinal))
        {
            return false;
        }

        triwulan = t[2..] switch
        {
            "1" or "I" => 1,
            "2" or "II" => 2,
            "3" or "III" => 3,
            "4" or "IV" => 4,
            _ => 0,
        };
        return triwulan != 0;
    }

    public static string Romawi(int triwulan) => triwulan switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => throw new ArgumentOutOfRangeException(nameof(triwulan)),
    };

    public int CompareTo(Periode other) => (Tahun, Triwulan).CompareTo((other.Tahun, other.Triwulan));

    public override string ToString() => $"{Tahun.ToString(CultureInfo.InvariantCulture)} {Kode}";
}

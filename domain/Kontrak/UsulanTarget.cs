using System.Globalization;
using Kinerja.Domain.Kinerja;

namespace Kinerja.Domain.Kontrak;

/// <summary>The owner's typed targets, checked: the changes against the current version, or the reasons they were refused.</summary>
public sealed record HasilUsulanTarget(IReadOnlyList<PerubahanTarget> Perubahan, IReadOnlyList<string> Kesalahan)
{
    public bool Sah => Kesalahan.Count == 0;

    /// <summary>The reasons in one Bahasa Indonesia message.</summary>
    public string Pesan => string.Join(" ", Kesalahan);
}

/// <summary>
/// Reads the targets the owner typed (one raw string per IKU and quarter, keyed as the edit card names its inputs) and
/// compares them with the targets of the latest version (<see cref="TargetSkp"/>). Accepts <c>96,5</c> and <c>96.5</c>
/// (people type the id-ID decimal comma); refuses anything else with a Bahasa Indonesia reason: not a number, an IKU or
/// quarter that is not in the contract or has no target, a lower bound above the upper bound of a <c>stab</c> IKU, an
/// upper bound for an IKU that has none. A key absent from the input means "unchanged".
/// </summary>
public static class UsulanTarget
{
    /// <summary>Prefix of the input ids: <c>t|KODE|TW</c>, and <c>t|KODE|TW|atas</c> for the upper bound.</summary>
    public const string Awalan = "t|";
    public const string AkhiranAtas = "|atas";
    private const int PanjangAngkaMaksimal = 20;

    public static string IdInput(string kodeIku, int triwulan, bool atas = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{Awalan}{kodeIku}|{triwulan}{(atas ? AkhiranAtas : "")}");

    public static HasilUsulanTarget Periksa(KontrakKinerja? kontrak, PersetujuanSkp alur, IReadOnlyDictionary<string, string> masukan)
    {
        ArgumentNullException.ThrowIfNull(alur);
        ArgumentNullException.ThrowIfNull(masukan);
        var kesalahan = new List<string>();
        var sekarang = TargetSkp.Versi(kontrak, alur, alur.VersiTerakhir.Nomor);
        var usulan = new Dictionary<string, (Iku Iku, int Tw, decimal? Bawah, decimal? Atas)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, mentah) in masukan.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!id.StartsWith(Awalan, StringComparison.Ordinal))
            {
                continue;
            }

            var atas = id.EndsWith(AkhiranAtas, StringComparison.Ordinal);
            var inti = id[Awalan.Length..^(atas ? AkhiranAtas.Length : 0)];
            var pisah = inti.LastIndexOf('|');
            if (pisah <= 0 || !int.TryParse(inti[(pisah + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var tw))
            {
                kesalahan.Add("Isian target pada kartu ini tidak dikenal.");
                continue;
            }

            var kode = inti[..pisah];
            if (kontrak?.CariIku(kode) is not { } iku)
            {
                kesalahan.Add($"IKU {kode} tidak ada pada SKP ini.");
                continue;
            }

            if (tw is < 1 or > 4 || !sekarang.ContainsKey(TargetSkp.Kunci(iku.Kode, tw)))
            {
                kesalahan.Add($"IKU {iku.Kode} tidak punya target pada triwulan {Nama(tw)}.");
                continue;
            }

            if (atas && iku.Polaritas != Polaritas.Stabilize)
            {
                kesalahan.Add($"IKU {iku.Kode} tidak memakai rentang target, jadi tidak punya batas atas.");
                continue;
            }

            var label = $"Target {iku.Kode} TW {Nama(tw)}{(atas ? " (batas atas)" : iku.Polaritas == Polaritas.Stabilize ? " (batas bawah)" : "")}";
            if (!TryAngka(mentah, out var nilai))
            {
                kesalahan.Add(string.IsNullOrWhiteSpace(mentah)
                    ? $"{label} wajib diisi."
                    : $"{label} harus berupa angka (misalnya 96,5), bukan \"{Potong(mentah)}\".");
                continue;
            }

            var k = TargetSkp.Kunci(iku.Kode, tw);
            var u = usulan.TryGetValue(k, out var ada) ? ada : (iku, tw, null, null);
            usulan[k] = atas ? u with { Atas = nilai } : u with { Bawah = nilai };
        }

        var perubahan = new List<PerubahanTarget>();
        foreach (var (k, u) in usulan)
        {
            var lama = sekarang[k];
            var bawah = u.Bawah ?? lama.Nilai;
            var batasAtas = u.Iku.Polaritas == Polaritas.Stabilize ? u.Atas ?? lama.Atas : null;
            if (batasAtas is { } a && a < bawah)
            {
                kesalahan.Add($"Batas bawah target {u.Iku.Kode} TW {Nama(u.Tw)} ({Angka(bawah)}) lebih besar dari batas atasnya ({Angka(a)}).");
                continue;
            }

            var baru = new Target(bawah, batasAtas);
            if (baru.Nilai != lama.Nilai || baru.Atas != lama.Atas)
            {
                perubahan.Add(new PerubahanTarget(u.Iku.Kode, u.Tw, baru));
            }
        }

        return new HasilUsulanTarget(kesalahan.Count == 0 ? perubahan : [], kesalahan);
    }

    /// <summary>A number as typed: digits with at most one decimal separator, <c>,</c> (id-ID) or <c>.</c>; an optional minus.</summary>
    public static bool TryAngka(string? teks, out decimal nilai)
    {
        nilai = 0;
        var t = teks?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > PanjangAngkaMaksimal)
        {
            return false;
        }

        var badan = t[0] == '-' ? t[1..] : t;
        var pemisah = badan.Count(c => c is ',' or '.');
        if (badan.Length == 0 || pemisah > 1 || !badan.All(c => char.IsAsciiDigit(c) || c is ',' or '.')
            || !char.IsAsciiDigit(badan[0]) || !char.IsAsciiDigit(badan[^1]))
        {
            return false;
        }

        return decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out nilai);
    }

    private static string Nama(int tw) => tw is >= 1 and <= 4 ? Periode.Romawi(tw) : tw.ToString(CultureInfo.InvariantCulture);

    private static string Angka(decimal d) => d.ToString("0.##", CultureInfo.GetCultureInfo("id-ID"));

    private static string Potong(string s) => s.Length > 20 ? s[..20] + "…" : s;
}

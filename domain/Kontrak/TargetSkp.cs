using System.Globalization;
using Kinerja.Domain.Kinerja;

namespace Kinerja.Domain.Kontrak;

/// <summary>One quarter's target as a version shows it, with the target of the previous version (null when it had none).</summary>
public sealed record TargetBerubah(string KodeIku, int Triwulan, Target? Lama, Target Baru);

/// <summary>
/// The targets of a version of an SKP: the imported targets (<see cref="KontrakKinerja"/>) with the changes of versions
/// 1…n applied in order (each version's <see cref="VersiSkp.Perubahan"/> is against the previous one). The targets in
/// force are those of <see cref="PersetujuanSkp.VersiBerlaku"/> (the imported ones until the first approval); a
/// proposed revision or adendum is <see cref="PersetujuanSkp.VersiTerakhir"/>.
/// </summary>
public static class TargetSkp
{
    /// <summary>The target of every IKU and quarter in version <paramref name="nomor"/>; keys by <see cref="Kunci"/>.</summary>
    public static IReadOnlyDictionary<string, Target> Versi(KontrakKinerja? kontrak, PersetujuanSkp alur, int nomor)
    {
        ArgumentNullException.ThrowIfNull(alur);
        var hasil = new Dictionary<string, Target>(StringComparer.OrdinalIgnoreCase);
        foreach (var iku in kontrak?.Iku ?? [])
        {
            for (var tw = 1; tw <= 4; tw++)
            {
                if (iku.TargetTriwulan(tw) is { } t)
                {
                    hasil[Kunci(iku.Kode, tw)] = t;
                }
            }
        }

        foreach (var v in alur.Versi.Where(v => v.Nomor <= nomor))
        {
            foreach (var p in v.Perubahan)
            {
                hasil[Kunci(p.KodeIku, p.Triwulan)] = p.Target;
            }
        }

        return hasil;
    }

    /// <summary>The targets in force: of the latest approved version, or the imported ones before any approval.</summary>
    public static IReadOnlyDictionary<string, Target> Berlaku(KontrakKinerja? kontrak, PersetujuanSkp alur)
    {
        ArgumentNullException.ThrowIfNull(alur);
        return Versi(kontrak, alur, alur.VersiBerlaku?.Nomor ?? 0);
    }

    /// <summary>
    /// Puts the targets in force into <paramref name="kontrak"/>'s IKU, for scoring: an approved revision or adendum
    /// replaces the imported target of its IKU and quarter; a proposal still waiting changes nothing.
    /// </summary>
    public static void TerapkanBerlaku(KontrakKinerja kontrak, PersetujuanSkp alur)
    {
        ArgumentNullException.ThrowIfNull(kontrak);
        ArgumentNullException.ThrowIfNull(alur);
        var berlaku = Berlaku(kontrak, alur);
        foreach (var iku in kontrak.Iku)
        {
            for (var tw = 1; tw <= 4; tw++)
            {
                if (berlaku.TryGetValue(Kunci(iku.Kode, tw), out var target) && iku.TargetTriwulan(tw) != target)
                {
                    iku.TetapkanTarget(tw, target);
                }
            }
        }
    }

    /// <summary>What version <paramref name="nomor"/> changed: old → new per IKU and quarter.</summary>
    public static IReadOnlyList<TargetBerubah> PerubahanVersi(KontrakKinerja? kontrak, PersetujuanSkp alur, int nomor)
    {
        ArgumentNullException.ThrowIfNull(alur);
        var versi = alur.Versi.FirstOrDefault(v => v.Nomor == nomor);
        if (versi is null || versi.Perubahan.Count == 0)
        {
            return [];
        }

        var sebelum = Versi(kontrak, alur, nomor - 1);
        return [.. versi.Perubahan.Select(p => new TargetBerubah(p.KodeIku, p.Triwulan, sebelum.TryGetValue(Kunci(p.KodeIku, p.Triwulan), out var l) ? l : null, p.Target))];
    }

    public static string Kunci(string kodeIku, int triwulan) =>
        string.Create(CultureInfo.InvariantCulture, $"{kodeIku.Trim().ToUpperInvariant()}|{triwulan}");
}

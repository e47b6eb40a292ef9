using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Penilaian;

/// <summary>
/// A scoring policy (domain.md §9): every weight, threshold, band and formula choice of §3–5 as data. Read from a
/// versioned file by <see cref="KebijakanPenilaianReader"/>; the code holds no policy literal.
/// </summary>
public sealed record KebijakanPenilaian
{
    public required string Nama { get; init; }

    public required string Versi { get; init; }

    public required string Dasar { get; init; }

    /// <summary>Upper clamp of an indeks capaian (120 in kmk467).</summary>
    public required decimal IcBatasAtas { get; init; }

    public required decimal IcBatasBawah { get; init; }

    /// <summary>IC of a Minimize IKU with target 0 and realisation 0.</summary>
    public required decimal MinimizeTargetNolRealisasiNol { get; init; }

    /// <summary>IC of a Minimize IKU with target 0 and a positive realisation.</summary>
    public required decimal MinimizeTargetNolRealisasiPositif { get; init; }

    /// <summary>IC of a Maximize IKU with target 0 and a realisation of 0 or more (R / T is undefined).</summary>
    public required decimal MaximizeTargetNolRealisasiTidakNegatif { get; init; }

    /// <summary>IC of a Maximize IKU with target 0 and a negative realisation.</summary>
    public required decimal MaximizeTargetNolRealisasiNegatif { get; init; }

    public required decimal HijauMinimal { get; init; }

    public required decimal KuningMinimal { get; init; }

    public required IReadOnlyDictionary<Perspektif, decimal> BobotPerspektif { get; init; }

    public required IReadOnlySet<LevelUnit> LevelPemilikPetaStrategi { get; init; }

    public required decimal CkpBatasAtas { get; init; }

    public required decimal CkpBatasBawah { get; init; }

    public required decimal PengurangMaksimal { get; init; }

    public required decimal BobotPenilaiAtasan { get; init; }

    public required decimal BobotPenilaiRekanDanBawahan { get; init; }

    public required decimal BobotCkp { get; init; }

    public required decimal BobotNp { get; init; }

    public required decimal BobotNskpNpkp { get; init; }

    public required decimal BobotNpNpkp { get; init; }

    public required PitaPredikat PredikatPegawai { get; init; }

    public required PitaPredikat PredikatNko { get; init; }

    public required int Desimal { get; init; }

    public required int MaksimalIkuPemilikOne { get; init; }

    public required int MaksimalIkuPemilikTwoThree { get; init; }

    public required int MaksimalIkuBukanPemilik { get; init; }

    /// <summary>Rounds half away from zero to the policy's decimals: for display, export and predikat only.</summary>
    public decimal Bulatkan(decimal nilai) => Math.Round(nilai, Desimal, MidpointRounding.AwayFromZero);

    public WarnaCapaian Warna(decimal indeksCapaian)
    {
        var ic = Bulatkan(indeksCapaian);
        return ic >= HijauMinimal ? WarnaCapaian.Hijau : ic >= KuningMinimal ? WarnaCapaian.Kuning : WarnaCapaian.Merah;
    }

    public int MaksimalIku(bool pemilikPeta, LevelUnit level) =>
        !pemilikPeta ? MaksimalIkuBukanPemilik : level == LevelUnit.One ? MaksimalIkuPemilikOne : MaksimalIkuPemilikTwoThree;
}

public enum WarnaCapaian
{
    Hijau,
    Kuning,
    Merah,
}

public enum Perbandingan
{
    /// <summary>A band starts strictly above its boundary (PP 46: exactly 90 is Baik).</summary>
    LebihDari,
    /// <summary>A band starts at its boundary (NKO: exactly 110 is Sangat Baik).</summary>
    Minimal,
}

/// <summary>Rating bands, highest first; a value below every band gets <see cref="Terendah"/>.</summary>
public sealed record PitaPredikat(Perbandingan Perbandingan, IReadOnlyList<(string Predikat, decimal Batas)> Pita, string Terendah)
{
    /// <summary>The predikat of a value that the caller has already rounded (data-format.md: predikat of the rounded value).</summary>
    public string Untuk(decimal nilaiDibulatkan)
    {
        foreach (var (predikat, batas) in Pita)
        {
            if (Perbandingan == Perbandingan.LebihDari ? nilaiDibulatkan > batas : nilaiDibulatkan >= batas)
            {
                return predikat;
            }
        }

        return Terendah;
    }
}

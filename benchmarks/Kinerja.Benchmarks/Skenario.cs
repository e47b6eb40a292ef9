using Kinerja.Benchmarks.Data;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Benchmarks;

/// <summary>"Nilai saya" for one employee: the scores of the period, the trend up to it and the unit's NKO.</summary>
public sealed record HasilNilaiSaya(HasilPegawai Nilai, IReadOnlyList<HasilPegawai> Tren, HasilNko? Konteks);

/// <summary>Who asks for "nilai saya".</summary>
public enum Peran
{
    /// <summary>A pelaksana in a level-Four section (2–5 IKU of their own; NKO context from the unit above).</summary>
    Pelaksana,

    /// <summary>The head of a level-Three unit (a KPPN): a strategy-map owner whose CKP is the unit's NKO.</summary>
    KepalaUnit,
}

/// <summary>The measured scenarios, shared by the BenchmarkDotNet benchmarks and the <c>--smoke</c> run.</summary>
public static class Skenario
{
    /// <summary>The period of every scenario: TW III 2026 (realisations exist for TW I–III).</summary>
    public static Periode Periode { get; } = new(2026, 3);

    private static readonly Lazy<(DataKantor Data, StatistikKementerian Statistik)> Kementerian =
        new(() => KementerianSintetis.Buat(UkuranKementerian.Kemenkeu));

    /// <summary>The 80,000-employee ministry, generated once per process.</summary>
    public static DataKantor Data => Kementerian.Value.Data;

    public static StatistikKementerian Statistik => Kementerian.Value.Statistik;

    public static Penilai BuatPenilai() => new(KebijakanPenilaianReader.BacaPreset("kmk467"));

    /// <summary>Scenario (a): the full recap of the ministry.</summary>
    public static Rekap RekapKementerian(Penilai penilai, DataKantor data) => penilai.Rekap(data, Periode);

    /// <summary>Scenario (b): what the "nilai saya" card needs, scoring only.</summary>
    public static HasilNilaiSaya NilaiSaya(Penilai penilai, DataKantor data, Pegawai pegawai) =>
        new(penilai.NilaiPegawai(data, pegawai, Periode), penilai.Tren(data, pegawai, Periode), penilai.NkoKonteks(data, pegawai, Periode));

    /// <summary>
    /// A typical employee of the role, found the same way every time: the first pelaksana of a level-Four section
    /// with 3 IKU, or the first head of a level-Three unit with 12 IKU, whose data for the period is complete (every
    /// IKU with a target up to the period has its realisations, and there is a behaviour score), as for ~92 % of
    /// employees: the usual, final card.
    /// </summary>
    public static Pegawai Contoh(DataKantor data, Peran peran)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (level, kepala, jumlahIku) = peran == Peran.Pelaksana ? (LevelUnit.Four, false, 3) : (LevelUnit.Three, true, 12);
        foreach (var p in data.Pegawai)
        {
            if (p.KepalaUnit == kepala && data.CariUnit(p.KodeUnit)?.Level == level
                && data.CariKontrak(Periode.Tahun, p.Nip) is { } kontrak && kontrak.Iku.Count == jumlahIku
                && Lengkap(kontrak) && data.CariPerilaku(Periode.Tahun, p.Nip) is not null)
            {
                return p;
            }
        }

        throw new InvalidOperationException($"Tidak ada contoh pegawai untuk peran {peran}");
    }

    private static bool Lengkap(KontrakKinerja kontrak)
    {
        foreach (var iku in kontrak.Iku)
        {
            for (var tw = 1; tw <= Periode.Triwulan; tw++)
            {
                if (iku.TargetTriwulan(tw) is not null && iku.RealisasiTriwulan(tw) is null)
                {
                    return false;
                }
            }
        }

        return true;
    }
}

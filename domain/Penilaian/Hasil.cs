using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Penilaian;

/// <summary>Final, or provisional (<i>sementara</i>) because some data is still missing.</summary>
public enum StatusNilai
{
    Final,
    Sementara,
}

/// <summary>Where an IKU stands in a period.</summary>
public enum KeadaanIku
{
    /// <summary>Target and realisation are there: the IKU counts.</summary>
    Dinilai,
    /// <summary>No target up to the period (a semester IKU in TW I): left out, its weight re-normalised.</summary>
    TanpaTarget,
    /// <summary>A target without a realisation: left out, the score is provisional; never counted as 0.</summary>
    BelumAdaRealisasi,
}

/// <summary>The achievement of one IKU, year to date up to a quarter.</summary>
public sealed record CapaianIku(
    Iku Iku,
    KeadaanIku Keadaan,
    decimal? Realisasi,
    Target? Target,
    decimal? IndeksCapaian,
    WarnaCapaian? Warna,
    IReadOnlyList<int> TriwulanTanpaRealisasi);

public enum JenisKekurangan
{
    /// <summary>An IKU has a target but a realisation is missing.</summary>
    RealisasiIku,
    /// <summary>No NP (behaviour score) for the year.</summary>
    NilaiPerilaku,
    /// <summary>No contract for the year.</summary>
    KontrakKinerja,
}

/// <summary>One thing that keeps a score provisional.</summary>
public sealed record Kekurangan(JenisKekurangan Jenis, string? KodeIku = null, string? NamaIku = null, IReadOnlyList<int>? Triwulan = null);

public sealed record NilaiSasaranStrategis(Perspektif Perspektif, string Nama, decimal Nilai, IReadOnlyList<CapaianIku> Iku);

/// <summary>Np of one perspective with the policy weight and the weight after re-normalisation.</summary>
public sealed record NilaiPerspektif(Perspektif Perspektif, decimal Nilai, decimal Bobot, decimal BobotEfektif);

/// <summary>NKO of a unit whose head owns a strategy map, with every step of the pipeline for "cara menghitung".</summary>
public sealed record HasilNko(
    Unit Unit,
    Pegawai Pemilik,
    Periode Periode,
    decimal? Nko,
    string? Predikat,
    IReadOnlyList<NilaiPerspektif> Perspektif,
    IReadOnlyList<NilaiSasaranStrategis> SasaranStrategis,
    IReadOnlyList<CapaianIku> Iku,
    IReadOnlyList<Kekurangan> Kekurangan)
{
    public StatusNilai Status => Kekurangan.Count == 0 && Nko is not null ? StatusNilai.Final : StatusNilai.Sementara;
}

/// <summary>An employee's scores for a period (domain.md §5, kmk467).</summary>
public sealed record HasilPegawai(
    Pegawai Pegawai,
    Periode Periode,
    IReadOnlyList<CapaianIku> Iku,
    decimal? Ckp,
    HasilNko? CkpDariNko,
    decimal? NpSebelumPengurang,
    decimal? PengurangDiterapkan,
    decimal? Nkp,
    decimal? Npkp,
    string? Predikat,
    IReadOnlyList<Kekurangan> Kekurangan)
{
    /// <summary>NP after the capped penalty: what NKP uses (never below 0, the bottom of the NP scale, as in <c>Penilai</c>).</summary>
    public decimal? NpSetelahPengurang => NpSebelumPengurang - PengurangDiterapkan is { } np ? Math.Max(0, np) : null;

    public StatusNilai Status => Kekurangan.Count == 0 && Nkp is not null ? StatusNilai.Final : StatusNilai.Sementara;

    public bool PemilikPetaStrategi => CkpDariNko is not null;
}

/// <summary>The recap of an office for a period: one row per map-owning unit and one per employee.</summary>
public sealed record Rekap(Periode Periode, IReadOnlyList<HasilNko> Unit, IReadOnlyList<HasilPegawai> Pegawai);

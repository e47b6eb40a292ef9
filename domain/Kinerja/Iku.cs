namespace Kinerja.Domain.Kinerja;

/// <summary>
/// An IKU (<i>Indikator Kinerja Utama</i>) in one employee's contract for a year, with its quarterly trajectory
/// (<i>Rincian Target Kinerja</i>) and the realisations reported so far. A quarter without a target has no target
/// (a semester IKU has TW II and TW IV only).
/// </summary>
public sealed class Iku
{
    private readonly Target?[] _target = new Target?[4];
    private readonly decimal?[] _realisasi = new decimal?[4];

    public Iku(string kode, string nama, Perspektif perspektif, string sasaranStrategis, Bobot bobot,
        Polaritas polaritas, JenisKonsolidasi konsolidasi, string satuan)
    {
        if (string.IsNullOrWhiteSpace(kode))
        {
            throw new DomainException("Kode IKU kosong");
        }

        if (string.IsNullOrWhiteSpace(nama))
        {
            throw new DomainException($"Nama IKU {kode} kosong");
        }

        if (string.IsNullOrWhiteSpace(sasaranStrategis))
        {
            throw new DomainException($"Sasaran strategis IKU {kode} kosong");
        }

        Kode = kode.Trim();
        Nama = nama.Trim();
        Perspektif = perspektif;
        SasaranStrategis = sasaranStrategis.Trim();
        Bobot = bobot;
        Polaritas = polaritas;
        Konsolidasi = konsolidasi;
        Satuan = satuan.Trim();
    }

    public string Kode { get; }

    public string Nama { get; }

    public Perspektif Perspektif { get; }

    public string SasaranStrategis { get; }

    /// <summary>Within the strategic objective for a strategy-map owner; within the contract for everyone else.</summary>
    public Bobot Bobot { get; }

    public Polaritas Polaritas { get; }

    public JenisKonsolidasi Konsolidasi { get; }

    public string Satuan { get; }

    public Target? TargetTriwulan(int triwulan) => _target[Index(triwulan)];

    public decimal? RealisasiTriwulan(int triwulan) => _realisasi[Index(triwulan)];

    public void TetapkanTarget(int triwulan, Target target)
    {
        if (Polaritas == Polaritas.Stabilize && target.Atas is null)
        {
            throw new DomainException($"IKU {Kode} berpolaritas stabilize: target TW{triwulan} perlu batas atas");
        }

        if (Polaritas != Polaritas.Stabilize && target.Atas is not null)
        {
            throw new DomainException($"IKU {Kode} bukan stabilize: target TW{triwulan} tidak boleh punya batas atas");
        }

        _target[Index(triwulan)] = target;
    }

    public void CatatRealisasi(int triwulan, decimal realisasi) => _realisasi[Index(triwulan)] = realisasi;

    /// <summary>True when some quarter has a realisation: the IKU has data for the year.</summary>
    public bool AdaRealisasi => Array.Exists(_realisasi, r => r is not null);

    private static int Index(int triwulan) =>
        triwulan is >= 1 and <= 4 ? triwulan - 1 : throw new DomainException($"Triwulan harus 1 sampai 4, bukan {triwulan}");
}

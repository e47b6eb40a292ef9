namespace Kinerja.Domain.Kinerja;

/// <summary>The four Balanced Scorecard perspectives (domain.md §2).</summary>
public enum Perspektif
{
    Stakeholder,
    /// <summary>Pelanggan (customer).</summary>
    Pelanggan,
    /// <summary>Proses Bisnis Internal.</summary>
    ProsesBisnisInternal,
    /// <summary>Pembelajaran dan Pertumbuhan (learning and growth).</summary>
    PembelajaranDanPertumbuhan,
}

/// <summary>Polarity of an IKU: more is better, less is better, or a range is best.</summary>
public enum Polaritas
{
    Maximize,
    Minimize,
    Stabilize,
}

/// <summary>How quarterly values roll up to "year to date" (domain.md §4).</summary>
public enum JenisKonsolidasi
{
    Sum,
    Average,
    TakeLastKnownValue,
}

/// <summary>State of an SKP approval (domain.md §7).</summary>
public enum StatusSkp
{
    Draft,
    Diajukan,
    Disetujui,
    Dikembalikan,
}

public static class PerspektifText
{
    public static string Nama(this Perspektif p) => p switch
    {
        Perspektif.Stakeholder => "Stakeholder",
        Perspektif.Pelanggan => "Pelanggan",
        Perspektif.ProsesBisnisInternal => "Proses Bisnis Internal",
        Perspektif.PembelajaranDanPertumbuhan => "Pembelajaran dan Pertumbuhan",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };
}

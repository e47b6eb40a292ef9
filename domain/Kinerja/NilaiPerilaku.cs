using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Kinerja;

/// <summary>
/// NP (<i>Nilai Perilaku</i>) of an employee for a year: the 360° score before penalties (0–100) and the penalty
/// points (<i>pengurang</i>) to subtract inside NKP (domain.md §5).
/// </summary>
public sealed record NilaiPerilaku
{
    public NilaiPerilaku(int tahun, Nip nip, decimal nilai, decimal pengurang)
    {
        if (nilai is < 0 or > 100)
        {
            throw new DomainException($"Nilai perilaku harus 0–100, bukan {nilai}");
        }

        if (pengurang < 0)
        {
            throw new DomainException($"Pengurang tidak boleh negatif ({pengurang})");
        }

        Tahun = tahun;
        Nip = nip;
        Nilai = nilai;
        Pengurang = pengurang;
    }

    public int Tahun { get; }

    public Nip Nip { get; }

    /// <summary>NP before penalties.</summary>
    public decimal Nilai { get; }

    /// <summary>Penalty points as recorded; the policy caps what is applied.</summary>
    public decimal Pengurang { get; }
}

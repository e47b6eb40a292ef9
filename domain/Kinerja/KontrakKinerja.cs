using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Kinerja;

/// <summary>
/// An employee's performance contract for a year (domain.md §7): the IKU with their quarterly targets (the SKP part)
/// and the approval state the import seeded (skp.csv). The workflow itself is <c>Kontrak.PersetujuanSkp</c>, which owns
/// the state after the first import; this <see cref="Status"/> is only the seed.
/// </summary>
public sealed class KontrakKinerja
{
    private readonly List<Iku> _iku = [];
    private readonly Dictionary<string, Iku> _byKode = new(StringComparer.OrdinalIgnoreCase);

    public KontrakKinerja(int tahun, Nip pemilik, StatusSkp status = StatusSkp.Draft)
    {
        Tahun = tahun;
        Pemilik = pemilik;
        Status = status;
    }

    public int Tahun { get; }

    public Nip Pemilik { get; }

    public StatusSkp Status { get; private set; }

    public IReadOnlyList<Iku> Iku => _iku;

    public Iku? CariIku(string kode) => _byKode.GetValueOrDefault(kode);

    public void TambahIku(Iku iku)
    {
        if (!_byKode.TryAdd(iku.Kode, iku))
        {
            throw new DomainException($"Kode IKU {iku.Kode} sudah ada di kontrak {Pemilik} tahun {Tahun}");
        }

        _iku.Add(iku);
    }

    /// <summary>Seeds the state from an import (data-format.md, skp.csv); afterwards the workflow owns it.</summary>
    public void SemaiStatus(StatusSkp status) => Status = status;
}

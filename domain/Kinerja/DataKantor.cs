using System.Globalization;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Kinerja;

/// <summary>
/// Everything one office keeps for scoring: its units, people, contracts (IKU, targets, realisations) and behaviour
/// scores. Built by the importer (after validation) or from the store, and read by <c>Penilai</c>.
/// Insertion order is kept: the recap lists units and people in the order the office gave them.
/// </summary>
public sealed class DataKantor
{
    private readonly List<Unit> _unit = [];
    private readonly Dictionary<string, Unit> _unitByKode = new(StringComparer.Ordinal);
    private readonly List<Pegawai> _pegawai = [];
    private readonly Dictionary<Nip, Pegawai> _pegawaiByNip = [];
    private readonly Dictionary<(int, Nip), KontrakKinerja> _kontrak = [];
    private readonly Dictionary<(int, Nip), NilaiPerilaku> _perilaku = [];
    private readonly Dictionary<string, Pegawai> _kepalaByUnit = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, Nip), List<InisiatifStrategis>> _inisiatif = [];

    public IReadOnlyList<Unit> Unit => _unit;

    public IReadOnlyList<Pegawai> Pegawai => _pegawai;

    public IEnumerable<KontrakKinerja> Kontrak => _kontrak.Values;

    public IEnumerable<NilaiPerilaku> Perilaku => _perilaku.Values;

    /// <summary>Every strategic initiative with its year and owner, in the order they were added.</summary>
    public IEnumerable<(int Tahun, Nip Pemilik, InisiatifStrategis Inisiatif)> SemuaInisiatif =>
        _inisiatif.SelectMany(e => e.Value.Select(i => (e.Key.Item1, e.Key.Item2, i)));

    /// <summary>The office's code: the code of its top unit.</summary>
    public string KodeKantor => UnitInduk?.Kode ?? throw new DomainException("Data kantor belum punya unit");

    /// <summary>The top unit of the office: the one whose parent is not in the data.</summary>
    public Unit? UnitInduk => _unit.Find(u => u.KodeInduk is null || !_unitByKode.ContainsKey(u.KodeInduk));

    public void TambahUnit(Unit unit)
    {
        if (!_unitByKode.TryAdd(unit.Kode, unit))
        {
            throw new DomainException($"Unit {unit.Kode} sudah ada");
        }

        _unit.Add(unit);
    }

    public void TambahPegawai(Pegawai pegawai)
    {
        if (!_pegawaiByNip.TryAdd(pegawai.Nip, pegawai))
        {
            throw new DomainException($"Pegawai {pegawai.Nip} sudah ada");
        }

        if (pegawai.KepalaUnit && !_kepalaByUnit.TryAdd(pegawai.KodeUnit, pegawai))
        {
            throw new DomainException($"Unit {pegawai.KodeUnit} sudah punya kepala ({_kepalaByUnit[pegawai.KodeUnit].Nip})");
        }

        _pegawai.Add(pegawai);
    }

    public void TambahKontrak(KontrakKinerja kontrak)
    {
        if (!_kontrak.TryAdd((kontrak.Tahun, kontrak.Pemilik), kontrak))
        {
            throw new DomainException($"Kontrak {kontrak.Pemilik} tahun {kontrak.Tahun} sudah ada");
        }
    }

    public void TambahPerilaku(NilaiPerilaku nilai)
    {
        if (!_perilaku.TryAdd((nilai.Tahun, nilai.Nip), nilai))
        {
            throw new DomainException($"Nilai perilaku {nilai.Nip} tahun {nilai.Tahun} sudah ada");
        }
    }

    /// <summary>
    /// Adds a strategic initiative to the contract of a strategy-map owner (domain.md §2/§5: initiatives are part of a map
    /// owner's contract, attached to one of its SS). The owner must head a unit and have a contract that year with an IKU
    /// under that strategic objective; names are unique per owner and year. Which unit levels own a map is policy: the
    /// importer checks it against <c>KebijakanPenilaian</c>.
    /// </summary>
    public void TambahInisiatif(int tahun, Nip pemilik, InisiatifStrategis inisiatif)
    {
        ArgumentNullException.ThrowIfNull(inisiatif);
        var tahunTeks = tahun.ToString(CultureInfo.InvariantCulture);
        if (CariPegawai(pemilik) is not { KepalaUnit: true })
        {
            throw new DomainException($"{pemilik} bukan kepala unit: inisiatif strategis hanya untuk pemilik peta strategi");
        }

        if (CariKontrak(tahun, pemilik) is not { } kontrak)
        {
            throw new DomainException($"{pemilik} tidak punya kontrak kinerja tahun {tahunTeks}");
        }

        if (!kontrak.Iku.Any(i => string.Equals(i.SasaranStrategis, inisiatif.SasaranStrategis, StringComparison.Ordinal)))
        {
            throw new DomainException($"sasaran strategis '{inisiatif.SasaranStrategis}' tidak ada di peta strategi {pemilik} tahun {tahunTeks}");
        }

        if (!_inisiatif.TryGetValue((tahun, pemilik), out var daftar))
        {
            daftar = [];
            _inisiatif.Add((tahun, pemilik), daftar);
        }

        if (daftar.Exists(i => string.Equals(i.Nama, inisiatif.Nama, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"inisiatif strategis '{inisiatif.Nama}' {pemilik} tahun {tahunTeks} sudah ada");
        }

        daftar.Add(inisiatif);
    }

    /// <summary>The strategic initiatives of <paramref name="pemilik"/>'s contract of <paramref name="tahun"/>, in data order.</summary>
    public IReadOnlyList<InisiatifStrategis> Inisiatif(int tahun, Nip pemilik) =>
        _inisiatif.TryGetValue((tahun, pemilik), out var daftar) ? daftar : [];

    /// <summary>
    /// The strategic initiatives of a unit in <paramref name="tahun"/>: those of its head's contract (the head owns the
    /// unit's strategy map, domain.md §5); none when the unit has no head.
    /// </summary>
    public IReadOnlyList<InisiatifStrategis> InisiatifUnit(string kodeUnit, int tahun) =>
        KepalaUnit(kodeUnit) is { } kepala ? Inisiatif(tahun, kepala.Nip) : [];

    public Unit? CariUnit(string kode) => _unitByKode.GetValueOrDefault(kode);

    public Pegawai? CariPegawai(Nip nip) => _pegawaiByNip.GetValueOrDefault(nip);

    public Pegawai? CariPegawaiByEmail(string email) =>
        _pegawai.Find(p => string.Equals(p.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));

    public KontrakKinerja? CariKontrak(int tahun, Nip nip) => _kontrak.GetValueOrDefault((tahun, nip));

    public NilaiPerilaku? CariPerilaku(int tahun, Nip nip) => _perilaku.GetValueOrDefault((tahun, nip));

    public Pegawai? KepalaUnit(string kodeUnit) => _kepalaByUnit.GetValueOrDefault(kodeUnit);

    /// <summary>Years that have contracts, ascending.</summary>
    public IReadOnlyList<int> TahunKontrak => _kontrak.Keys.Select(k => k.Item1).Distinct().Order().ToList();

    /// <summary>
    /// The most recent quarter of <paramref name="tahun"/> (or of the latest year with data) for which any IKU has a
    /// realisation: the default period of "nilai saya".
    /// </summary>
    public Periode? PeriodeTerakhirDenganRealisasi(int? tahun = null)
    {
        Periode? terakhir = null;
        foreach (var kontrak in _kontrak.Values)
        {
            if (tahun is { } t && kontrak.Tahun != t)
            {
                continue;
            }

            foreach (var iku in kontrak.Iku)
            {
                for (var tw = 4; tw >= 1; tw--)
                {
                    if (iku.RealisasiTriwulan(tw) is not null)
                    {
                        var p = new Periode(kontrak.Tahun, tw);
                        if (terakhir is null || p.CompareTo(terakhir.Value) > 0)
                        {
                            terakhir = p;
                        }

                        break;
                    }
                }
            }
        }

        return terakhir;
    }

    /// <summary>Direct reports (<i>bawahan</i>) of an employee, in data order.</summary>
    public IReadOnlyList<Pegawai> Bawahan(Nip atasan) => _pegawai.FindAll(p => p.NipAtasan == atasan);
}

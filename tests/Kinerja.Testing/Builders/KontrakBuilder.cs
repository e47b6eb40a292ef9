using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Testing.Builders;

/// <summary>Fluent builder of a <see cref="KontrakKinerja"/>. Defaults: year <see cref="TahunBawaan"/>, approved.</summary>
public sealed class KontrakBuilder
{
    public const int TahunBawaan = 2026;

    private readonly List<IkuBuilder> _iku = [];
    private Nip _pemilik = NipContoh.Pelaksana;
    private int _tahun = TahunBawaan;
    private StatusSkp _status = StatusSkp.Disetujui;

    public static KontrakBuilder Untuk(Nip pemilik) => new() { _pemilik = pemilik };

    public KontrakBuilder Tahun(int tahun)
    {
        _tahun = tahun;
        return this;
    }

    public KontrakBuilder Status(StatusSkp status)
    {
        _status = status;
        return this;
    }

    public KontrakBuilder DenganIku(params IkuBuilder[] iku)
    {
        _iku.AddRange(iku);
        return this;
    }

    public KontrakKinerja Build()
    {
        var kontrak = new KontrakKinerja(_tahun, _pemilik, _status);
        foreach (var iku in _iku)
        {
            kontrak.TambahIku(iku.Build());
        }

        return kontrak;
    }
}

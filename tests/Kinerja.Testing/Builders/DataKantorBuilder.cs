using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Testing.Builders;

/// <summary>
/// Fluent builder of a <see cref="DataKantor"/>: units, people, contracts and behaviour scores, added in order.
/// Contracts and behaviour scores default to <see cref="KontrakBuilder.TahunBawaan"/>.
/// </summary>
public sealed class DataKantorBuilder
{
    private readonly List<Unit> _unit = [];
    private readonly List<Pegawai> _pegawai = [];
    private readonly List<KontrakBuilder> _kontrak = [];
    private readonly List<NilaiPerilaku> _perilaku = [];
    private ZonaWaktu _zona = ZonaWaktu.Wib;

    /// <summary>The time zone of the units added after this call (default WIB).</summary>
    public DataKantorBuilder Zona(ZonaWaktu zona)
    {
        _zona = zona;
        return this;
    }

    public DataKantorBuilder Unit(string kode, LevelUnit level, string? induk = null)
    {
        _unit.Add(new Unit(kode, "Unit " + kode, induk, level, _zona));
        return this;
    }

    /// <summary>The head of <paramref name="kodeUnit"/> (<i>kepala unit</i>).</summary>
    public DataKantorBuilder Kepala(string kodeUnit, Nip nip, Nip? atasan = null) => Pegawai(kodeUnit, nip, atasan, kepala: true);

    /// <summary>A staff member of <paramref name="kodeUnit"/> who heads nothing.</summary>
    public DataKantorBuilder Pelaksana(string kodeUnit, Nip nip, Nip? atasan = null) => Pegawai(kodeUnit, nip, atasan, kepala: false);

    public DataKantorBuilder Kontrak(Nip pemilik, params IkuBuilder[] iku) => Kontrak(KontrakBuilder.Untuk(pemilik).DenganIku(iku));

    public DataKantorBuilder Kontrak(KontrakBuilder kontrak)
    {
        _kontrak.Add(kontrak);
        return this;
    }

    /// <summary>NP before penalties and the penalty points as recorded.</summary>
    public DataKantorBuilder Perilaku(Nip nip, decimal nilai, decimal pengurang = 0, int tahun = KontrakBuilder.TahunBawaan)
    {
        _perilaku.Add(new NilaiPerilaku(tahun, nip, nilai, pengurang));
        return this;
    }

    public DataKantor Build()
    {
        var data = new DataKantor();
        _unit.ForEach(data.TambahUnit);
        _pegawai.ForEach(data.TambahPegawai);
        _kontrak.ForEach(k => data.TambahKontrak(k.Build()));
        _perilaku.ForEach(data.TambahPerilaku);
        return data;
    }

    private DataKantorBuilder Pegawai(string kodeUnit, Nip nip, Nip? atasan, bool kepala)
    {
        _pegawai.Add(new Pegawai(nip, "Pegawai " + nip.Value, nip.Value + "@kemenkeu.example", kepala ? "Kepala" : "Pelaksana",
            kodeUnit, atasan, kepala));
        return this;
    }
}

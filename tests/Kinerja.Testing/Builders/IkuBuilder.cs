using System.Globalization;
using Kinerja.Domain.Kinerja;

namespace Kinerja.Testing.Builders;

/// <summary>
/// Fluent builder of an <see cref="Iku"/>. Defaults: Maximize, Sum, weight 100, perspective Stakeholder, no target
/// and no realisation (add them per quarter with <see cref="Triwulan"/>, <c>DenganTarget</c>,
/// <see cref="DenganRealisasi"/>).
/// </summary>
public sealed class IkuBuilder
{
    private static int _nomor;

    private readonly Target?[] _target = new Target?[4];
    private readonly decimal?[] _realisasi = new decimal?[4];
    private string _kode = string.Create(CultureInfo.InvariantCulture, $"IKU-{Interlocked.Increment(ref _nomor)}");
    private string _nama = "IKU uji";
    private Perspektif _perspektif = Perspektif.Stakeholder;
    private string _sasaranStrategis = "SS uji";
    private decimal _bobot = 100;
    private Polaritas _polaritas = Polaritas.Maximize;
    private JenisKonsolidasi _konsolidasi = JenisKonsolidasi.Sum;
    private string _satuan = "%";

    public static IkuBuilder Maximize() => new() { _polaritas = Polaritas.Maximize };

    public static IkuBuilder Minimize() => new() { _polaritas = Polaritas.Minimize };

    public static IkuBuilder Stabilize() => new() { _polaritas = Polaritas.Stabilize };

    /// <summary>
    /// A Maximize IKU whose TW I target is 100 and realisation <paramref name="indeksCapaian"/>: its IC is exactly that
    /// value (for values in the clamp range). Handy when a test is about what happens after the IC.
    /// </summary>
    public static IkuBuilder DenganCapaian(decimal indeksCapaian) => Maximize().Triwulan(1, 100, indeksCapaian);

    public IkuBuilder Kode(string kode)
    {
        _kode = kode;
        return this;
    }

    public IkuBuilder Nama(string nama)
    {
        _nama = nama;
        return this;
    }

    /// <summary>Perspective and strategic objective (<i>sasaran strategis</i>) the IKU measures.</summary>
    public IkuBuilder Di(Perspektif perspektif, string sasaranStrategis)
    {
        _perspektif = perspektif;
        _sasaranStrategis = sasaranStrategis;
        return this;
    }

    public IkuBuilder DenganBobot(decimal bobot)
    {
        _bobot = bobot;
        return this;
    }

    public IkuBuilder DenganPolaritas(Polaritas polaritas)
    {
        _polaritas = polaritas;
        return this;
    }

    public IkuBuilder DenganKonsolidasi(JenisKonsolidasi konsolidasi)
    {
        _konsolidasi = konsolidasi;
        return this;
    }

    public IkuBuilder Satuan(string satuan)
    {
        _satuan = satuan;
        return this;
    }

    public IkuBuilder DenganTarget(int triwulan, decimal target)
    {
        _target[triwulan - 1] = new Target(target);
        return this;
    }

    /// <summary>A Stabilize target: the range [<paramref name="bawah"/>, <paramref name="atas"/>].</summary>
    public IkuBuilder DenganTarget(int triwulan, decimal bawah, decimal atas)
    {
        _target[triwulan - 1] = new Target(bawah, atas);
        return this;
    }

    public IkuBuilder DenganRealisasi(int triwulan, decimal realisasi)
    {
        _realisasi[triwulan - 1] = realisasi;
        return this;
    }

    /// <summary>Target and realisation of one quarter.</summary>
    public IkuBuilder Triwulan(int triwulan, decimal target, decimal realisasi) =>
        DenganTarget(triwulan, target).DenganRealisasi(triwulan, realisasi);

    public Iku Build()
    {
        var iku = new Iku(_kode, _nama, _perspektif, _sasaranStrategis, new Bobot(_bobot), _polaritas, _konsolidasi, _satuan);
        for (var tw = 1; tw <= 4; tw++)
        {
            if (_target[tw - 1] is { } target)
            {
                iku.TetapkanTarget(tw, target);
            }

            if (_realisasi[tw - 1] is { } realisasi)
            {
                iku.CatatRealisasi(tw, realisasi);
            }
        }

        return iku;
    }
}

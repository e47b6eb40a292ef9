using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Penilaian;

/// <summary>Indeks capaian of one IKU (domain.md §3), including every worked example of the section.</summary>
public sealed class IndeksCapaianTests
{
    private static readonly Penilai Penilai = KebijakanBuilder.Kmk467().BuildPenilai();

    private static decimal Ic(Polaritas polaritas, decimal realisasi, decimal target, decimal? atas = null) =>
        Penilai.Kebijakan.Bulatkan(Penilai.IndeksCapaian(polaritas, realisasi, new Target(target, atas)));

    // Worked examples of domain.md §3.

    [Fact]
    public void Maximize_T3_25_R4_Capaian123_08_DibatasiMenjadi120()
    {
        Assert.Equal(120.00m, Ic(Polaritas.Maximize, 4m, 3.25m));
    }

    [Fact]
    public void Maximize_T3_25_R4_TanpaBatasAtas_Capaian123_08()
    {
        // The unclamped step of the same example: a Kanwil report shows 123.08 reported as 120.
        var penilai = KebijakanBuilder.Kmk467().DenganOverride("""{"indeksCapaian":{"batasAtas":200}}""").BuildPenilai();

        var ic = penilai.IndeksCapaian(Polaritas.Maximize, 4m, new Target(3.25m));

        Assert.Equal(123.08m, penilai.Kebijakan.Bulatkan(ic));
    }

    [Fact]
    public void Minimize_T60_R48_RealisasiDiBawahTarget_Capaian120()
    {
        Assert.Equal(120.00m, Ic(Polaritas.Minimize, 48m, 60m));
    }

    [Fact]
    public void Minimize_T60_R72_RealisasiDiAtasTarget_Capaian80()
    {
        Assert.Equal(80.00m, Ic(Polaritas.Minimize, 72m, 60m));
    }

    [Fact]
    public void Stabilize_95_105_R103_DalamRentang_Capaian100()
    {
        Assert.Equal(100.00m, Ic(Polaritas.Stabilize, 103m, 95m, 105m));
    }

    [Fact]
    public void Stabilize_95_105_R90_DiBawahRentang_RumusMaximizeDenganBatasBawah_Capaian94_74()
    {
        Assert.Equal(94.74m, Ic(Polaritas.Stabilize, 90m, 95m, 105m));
    }

    [Fact]
    public void Stabilize_95_105_R110_DiAtasRentang_RumusMinimizeDenganBatasAtas_Capaian95_24()
    {
        Assert.Equal(95.24m, Ic(Polaritas.Stabilize, 110m, 95m, 105m));
    }

    // The plain formulas.

    [Fact]
    public void Maximize_RealisasiSamaDenganTarget_Capaian100()
    {
        Assert.Equal(100m, Penilai.IndeksCapaian(Polaritas.Maximize, 80m, new Target(80m)));
    }

    [Fact]
    public void Maximize_RealisasiDiBawahTarget_CapaianRealisasiPerTargetKali100()
    {
        Assert.Equal(75m, Penilai.IndeksCapaian(Polaritas.Maximize, 60m, new Target(80m)));
    }

    [Fact]
    public void Minimize_RealisasiDiBawahTarget_CapaianDiatas100()
    {
        // (2 − 45/50) × 100 = 110
        Assert.Equal(110m, Penilai.IndeksCapaian(Polaritas.Minimize, 45m, new Target(50m)));
    }

    [Fact]
    public void Minimize_RealisasiSamaDenganTarget_Capaian100()
    {
        Assert.Equal(100m, Penilai.IndeksCapaian(Polaritas.Minimize, 50m, new Target(50m)));
    }

    // Clamp [0, 120] at both ends.

    [Fact]
    public void Maximize_RealisasiDuaKaliTarget_DibatasiBatasAtas120()
    {
        Assert.Equal(120m, Penilai.IndeksCapaian(Polaritas.Maximize, 20m, new Target(10m)));
    }

    [Fact]
    public void Maximize_RealisasiNegatif_DibatasiBatasBawah0()
    {
        Assert.Equal(0m, Penilai.IndeksCapaian(Polaritas.Maximize, -5m, new Target(10m)));
    }

    [Fact]
    public void Minimize_RealisasiJauhDiAtasTarget_RumusNegatif_DibatasiBatasBawah0()
    {
        // (2 − 25/10) × 100 = −50 → 0
        Assert.Equal(0m, Penilai.IndeksCapaian(Polaritas.Minimize, 25m, new Target(10m)));
    }

    [Fact]
    public void Minimize_RealisasiJauhDiBawahTarget_DibatasiBatasAtas120()
    {
        // (2 − 10/100) × 100 = 190 → 120
        Assert.Equal(120m, Penilai.IndeksCapaian(Polaritas.Minimize, 10m, new Target(100m)));
    }

    [Theory]
    [InlineData(120.0)]
    [InlineData(0.0)]
    public void Clamp_TepatDiBatas_TidakBerubah(double ic)
    {
        // R/T × 100 landing exactly on a bound keeps it.
        var nilai = (decimal)ic;
        Assert.Equal(nilai, Penilai.IndeksCapaian(Polaritas.Maximize, nilai, new Target(100m)));
    }

    [Fact]
    public void Clamp_MengikutiKebijakan_BukanAngkaDiKode()
    {
        var penilai = KebijakanBuilder.Kmk467().DenganOverride("""{"indeksCapaian":{"batasAtas":110,"batasBawah":20}}""").BuildPenilai();

        Assert.Equal(110m, penilai.IndeksCapaian(Polaritas.Maximize, 4m, new Target(3.25m)));
        Assert.Equal(20m, penilai.IndeksCapaian(Polaritas.Maximize, 1m, new Target(10m)));
    }

    // Minimize with T = 0.

    [Fact]
    public void Minimize_TargetNol_RealisasiNol_Capaian120()
    {
        Assert.Equal(120m, Penilai.IndeksCapaian(Polaritas.Minimize, 0m, new Target(0m)));
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1)]
    [InlineData(250)]
    public void Minimize_TargetNol_RealisasiPositif_Capaian0(double realisasi)
    {
        Assert.Equal(0m, Penilai.IndeksCapaian(Polaritas.Minimize, (decimal)realisasi, new Target(0m)));
    }

    // Maximize with T = 0: R / T is undefined, the policy's values apply (indeksCapaian.maximizeTargetNol).

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Maximize_TargetNol_RealisasiTidakNegatif_CapaianDariKebijakan120(double realisasi)
    {
        Assert.Equal(120m, Penilai.IndeksCapaian(Polaritas.Maximize, (decimal)realisasi, new Target(0m)));
    }

    [Fact]
    public void Maximize_TargetNol_RealisasiNegatif_CapaianDariKebijakan0()
    {
        Assert.Equal(0m, Penilai.IndeksCapaian(Polaritas.Maximize, -1m, new Target(0m)));
    }

    // Stabilize on both sides.

    [Theory]
    [InlineData(95)]
    [InlineData(100)]
    [InlineData(105)]
    public void Stabilize_RealisasiDalamRentangTermasukBatasnya_Capaian100(int realisasi)
    {
        Assert.Equal(100m, Penilai.IndeksCapaian(Polaritas.Stabilize, realisasi, new Target(95m, 105m)));
    }

    [Fact]
    public void Stabilize_RealisasiDiBawahRentang_SamaDenganMaximizeTerhadapBatasBawah()
    {
        var stabilize = Penilai.IndeksCapaian(Polaritas.Stabilize, 76m, new Target(95m, 105m));

        Assert.Equal(Penilai.IndeksCapaian(Polaritas.Maximize, 76m, new Target(95m)), stabilize);
        Assert.Equal(80m, stabilize);
    }

    [Fact]
    public void Stabilize_RealisasiDiAtasRentang_SamaDenganMinimizeTerhadapBatasAtas()
    {
        var stabilize = Penilai.IndeksCapaian(Polaritas.Stabilize, 126m, new Target(95m, 105m));

        Assert.Equal(Penilai.IndeksCapaian(Polaritas.Minimize, 126m, new Target(105m)), stabilize);
        Assert.Equal(80m, stabilize);
    }

    [Fact]
    public void Stabilize_RealisasiJauhDiAtasRentang_DibatasiBatasBawah0()
    {
        Assert.Equal(0m, Penilai.IndeksCapaian(Polaritas.Stabilize, 300m, new Target(95m, 105m)));
    }

    [Fact]
    public void Stabilize_LewatIku_TargetRentangTriwulan_DinilaiSepertiRumus()
    {
        var iku = IkuBuilder.Stabilize().DenganTarget(1, 95m, 105m).DenganRealisasi(1, 110m).Build();

        var capaian = Penilai.NilaiIku(iku, 1);

        Assert.Equal(KeadaanIku.Dinilai, capaian.Keadaan);
        Assert.Equal(new Target(95m, 105m), capaian.Target);
        Assert.Equal(95.24m, Penilai.Kebijakan.Bulatkan(capaian.IndeksCapaian!.Value));
        Assert.Equal(WarnaCapaian.Kuning, capaian.Warna);
    }
}

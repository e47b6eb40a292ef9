using Kinerja.Domain.Kinerja;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Kinerja;

/// <summary>Values validated at construction (architecture.md habit 4): Bobot, Target, and an IKU's targets.</summary>
public sealed class BobotTargetDanIkuTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(25)]
    [InlineData(100)]
    public void Bobot_LebihDari0SampaiDengan100_Diterima(double nilai)
    {
        Assert.Equal((decimal)nilai, new Bobot((decimal)nilai).Nilai);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    public void Bobot_NolNegatifAtauLebihDari100_Ditolak(double nilai)
    {
        Assert.Throws<DomainException>(() => new Bobot((decimal)nilai));
    }

    [Fact]
    public void Target_TanpaBatasAtas_BukanRentang()
    {
        var t = new Target(80m);

        Assert.Equal(80m, t.Nilai);
        Assert.Null(t.Atas);
    }

    [Fact]
    public void Target_RentangDenganBatasSama_Diterima()
    {
        Assert.Equal(100m, new Target(100m, 100m).Atas);
    }

    [Fact]
    public void Target_BatasAtasDiBawahBatasBawah_Ditolak()
    {
        Assert.Throws<DomainException>(() => new Target(105m, 95m));
    }

    [Fact]
    public void IkuStabilize_TargetTanpaBatasAtas_Ditolak()
    {
        var iku = IkuBuilder.Stabilize().Build();

        Assert.Throws<DomainException>(() => iku.TetapkanTarget(1, new Target(95m)));
    }

    [Theory]
    [InlineData(Polaritas.Maximize)]
    [InlineData(Polaritas.Minimize)]
    public void IkuBukanStabilize_TargetRentang_Ditolak(Polaritas polaritas)
    {
        var iku = IkuBuilder.Maximize().DenganPolaritas(polaritas).Build();

        Assert.Throws<DomainException>(() => iku.TetapkanTarget(1, new Target(95m, 105m)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Iku_TriwulanDiLuar1Sampai4_Ditolak(int triwulan)
    {
        var iku = IkuBuilder.Maximize().Build();

        Assert.Throws<DomainException>(() => iku.TetapkanTarget(triwulan, new Target(10m)));
        Assert.Throws<DomainException>(() => iku.CatatRealisasi(triwulan, 10m));
    }

    [Theory]
    [InlineData("", "Nama", "SS")]
    [InlineData("IKU-1", " ", "SS")]
    [InlineData("IKU-1", "Nama", "")]
    public void Iku_KodeNamaAtauSasaranKosong_Ditolak(string kode, string nama, string sasaran)
    {
        Assert.Throws<DomainException>(() => new Iku(kode, nama, Perspektif.Stakeholder, sasaran, new Bobot(100m),
            Polaritas.Maximize, JenisKonsolidasi.Sum, "%"));
    }

    [Fact]
    public void Kontrak_KodeIkuGanda_Ditolak()
    {
        var kontrak = KontrakBuilder.Untuk(NipContoh.Pelaksana).DenganIku(IkuBuilder.Maximize().Kode("IKU-A")).Build();

        Assert.Throws<DomainException>(() => kontrak.TambahIku(IkuBuilder.Maximize().Kode("iku-a").Build()));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(101, 0)]
    [InlineData(80, -1)]
    public void NilaiPerilaku_DiLuarSkalaAtauPengurangNegatif_Ditolak(double nilai, double pengurang)
    {
        Assert.Throws<DomainException>(() => new NilaiPerilaku(2026, NipContoh.Pelaksana, (decimal)nilai, (decimal)pengurang));
    }
}

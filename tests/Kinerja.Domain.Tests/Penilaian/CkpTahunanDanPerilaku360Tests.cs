using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Penilaian;

/// <summary>CKP tahunan over several contracts and NP from the 360° groups (domain.md §5).</summary>
public sealed class CkpTahunanDanPerilaku360Tests
{
    private static readonly Penilai Penilai = KebijakanBuilder.Kmk467().BuildPenilai();

    [Fact]
    public void CkpTahunan_RataRataCkpKontrakDitimbangJumlahBulan()
    {
        // Transfer at the end of April: 4 months at 100, 8 months at 110 → (400 + 880) / 12 = 106.67
        var ckp = Penilai.CkpTahunan([(100m, 4), (110m, 8)]);

        Assert.Equal(106.67m, Penilai.Kebijakan.Bulatkan(ckp));
    }

    [Fact]
    public void CkpTahunan_SatuKontrakSetahun_SamaDenganCkpnya()
    {
        Assert.Equal(104.5m, Penilai.CkpTahunan([(104.5m, 12)]));
    }

    [Fact]
    public void CkpTahunan_KurangDariSetahun_DitimbangBulanYangAda()
    {
        // A new CPNS covering only 6 months: the mean over those months, not over 12
        Assert.Equal(105m, Penilai.CkpTahunan([(100m, 3), (110m, 3)]));
    }

    [Fact]
    public void CkpTahunan_TanpaKontrak_Ditolak()
    {
        Assert.Throws<DomainException>(() => Penilai.CkpTahunan([]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void CkpTahunan_BulanDiLuar1Sampai12_Ditolak(int bulan)
    {
        Assert.Throws<DomainException>(() => Penilai.CkpTahunan([(100m, bulan)]));
    }

    [Fact]
    public void CkpTahunan_TotalLebihDari12Bulan_Ditolak()
    {
        Assert.Throws<DomainException>(() => Penilai.CkpTahunan([(100m, 6), (110m, 7)]));
    }

    [Fact]
    public void NilaiPerilaku360_Atasan60_RekanDanBawahan40()
    {
        // 80×0.6 + 70×0.4 = 48 + 28
        Assert.Equal(76m, Penilai.NilaiPerilaku360(80m, 70m));
        Assert.Equal(60m, Penilai.NilaiPerilaku360(100m, 0m));
        Assert.Equal(40m, Penilai.NilaiPerilaku360(0m, 100m));
    }

    [Fact]
    public void NilaiPerilaku360_BobotKelompokDariKebijakan()
    {
        var penilai = KebijakanBuilder.Kmk467().DenganOverride("""{"np":{"bobotAtasan":70,"bobotRekanDanBawahan":30}}""").BuildPenilai();

        // 80×0.7 + 70×0.3 = 56 + 21
        Assert.Equal(77m, penilai.NilaiPerilaku360(80m, 70m));
    }

    [Theory]
    [InlineData(-1, 80)]
    [InlineData(101, 80)]
    [InlineData(80, -0.01)]
    [InlineData(80, 100.01)]
    public void NilaiPerilaku360_NilaiDiLuar0Sampai100_Ditolak(double atasan, double rekan)
    {
        Assert.Throws<DomainException>(() => Penilai.NilaiPerilaku360((decimal)atasan, (decimal)rekan));
    }
}

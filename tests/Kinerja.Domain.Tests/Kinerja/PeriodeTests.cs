using Kinerja.Domain.Kinerja;

namespace Kinerja.Domain.Tests.Kinerja;

/// <summary>Reporting periods: year and quarter (domain.md §4).</summary>
public sealed class PeriodeTests
{
    [Theory]
    [InlineData("TW3", 3)]
    [InlineData("tw 3", 3)]
    [InlineData("TWIII", 3)]
    [InlineData("tw iii", 3)]
    [InlineData(" TW 3 ", 3)]
    [InlineData("TW1", 1)]
    [InlineData("TWI", 1)]
    [InlineData("TW2", 2)]
    [InlineData("TWII", 2)]
    [InlineData("TW4", 4)]
    [InlineData("TW IV", 4)]
    public void KodeTriwulan_Dikenali(string teks, int triwulan)
    {
        Assert.True(Periode.TryParseTriwulan(teks, out var hasil));
        Assert.Equal(triwulan, hasil);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("Q3")]
    [InlineData("TW")]
    [InlineData("TW0")]
    [InlineData("TW5")]
    [InlineData("TWV")]
    [InlineData("TW03")]
    [InlineData("S1")]
    public void KodeTriwulanSalah_Ditolak(string? teks)
    {
        Assert.False(Periode.TryParseTriwulan(teks, out _));
    }

    [Fact]
    public void Periode_KodeLabelDanAkhirTriwulan()
    {
        var p = new Periode(2026, 3);

        Assert.Equal("TW3", p.Kode);
        Assert.Equal("TW III 2026", p.Label);
        Assert.Equal(new DateOnly(2026, 9, 30), p.AkhirTriwulan);
        Assert.Equal(new DateOnly(2026, 3, 31), new Periode(2026, 1).AkhirTriwulan);
        Assert.Equal(new DateOnly(2026, 12, 31), new Periode(2026, 4).AkhirTriwulan);
    }

    [Fact]
    public void Periode_UrutTahunLaluTriwulan()
    {
        Assert.True(new Periode(2026, 1).CompareTo(new Periode(2025, 4)) > 0);
        Assert.True(new Periode(2026, 2).CompareTo(new Periode(2026, 3)) < 0);
        Assert.Equal(0, new Periode(2026, 2).CompareTo(new Periode(2026, 2)));
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 5)]
    [InlineData(1999, 1)]
    [InlineData(2101, 1)]
    public void PeriodeSalah_Ditolak(int tahun, int triwulan)
    {
        Assert.Throws<DomainException>(() => new Periode(tahun, triwulan));
    }
}

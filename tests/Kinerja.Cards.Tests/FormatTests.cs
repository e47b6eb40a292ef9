using Kinerja.Domain.Organisasi;

namespace Kinerja.Cards.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData("89.4", "89,40")]
    [InlineData("1234.5", "1.234,50")]
    [InlineData("1234567.891", "1.234.567,89")]
    [InlineData("0", "0,00")]
    [InlineData("2.345", "2,35")] // half away from zero, not to even
    [InlineData("2.355", "2,36")]
    [InlineData("0.005", "0,01")]
    [InlineData("120", "120,00")]
    [InlineData("-2.345", "-2,35")]
    public void Angka_DuaDesimalGayaIndonesia(string nilai, string diharapkan) =>
        Assert.Equal(diharapkan, Format.Angka(decimal.Parse(nilai, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("60", "60")]
    [InlineData("12.5", "12,5")]
    [InlineData("1000", "1.000")]
    [InlineData("33.333", "33,33")]
    public void AngkaRingkas_TanpaNolBerlebih(string nilai, string diharapkan) =>
        Assert.Equal(diharapkan, Format.AngkaRingkas(decimal.Parse(nilai, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2027, 1, 31, "31 Januari 2027")]
    [InlineData(2026, 8, 17, "17 Agustus 2026")]
    [InlineData(2026, 3, 1, "1 Maret 2026")]
    public void Tanggal_NamaBulanIndonesia(int tahun, int bulan, int hari, string diharapkan) =>
        Assert.Equal(diharapkan, Format.Tanggal(new DateOnly(tahun, bulan, hari)));

    [Fact]
    public void WaktuLokal_TigaZonaWaktu()
    {
        var waktu = new DateTimeOffset(2026, 11, 28, 10, 10, 0, TimeSpan.Zero);

        Assert.Equal("28 November 2026 17.10 WIB", Format.WaktuLokal(waktu, ZonaWaktu.Wib));
        Assert.Equal("28 November 2026 18.10 WITA", Format.WaktuLokal(waktu, ZonaWaktu.Wita));
        Assert.Equal("28 November 2026 19.10 WIT", Format.WaktuLokal(waktu, ZonaWaktu.Wit));
    }

    [Fact]
    public void WaktuLokal_MelewatiTengahMalam_TanggalIkutZona()
    {
        var waktu = new DateTimeOffset(2026, 12, 31, 20, 5, 0, TimeSpan.FromHours(3)); // 17.05 UTC

        Assert.Equal("1 Januari 2027 02.05 WIT", Format.WaktuLokal(waktu, ZonaWaktu.Wit));
        Assert.Equal("1 Januari 2027 00.05 WIB", Format.WaktuLokal(waktu, ZonaWaktu.Wib));
    }
}

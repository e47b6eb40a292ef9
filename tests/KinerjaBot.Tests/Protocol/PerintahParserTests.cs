using KinerjaBot.Handlers;

namespace KinerjaBot.Tests.Protocol;

public sealed class PerintahParserTests
{
    [Theory]
    [InlineData("nilai saya", null, null)]
    [InlineData("NILAI SAYA", null, null)]
    [InlineData("nilai saya?", null, null)]
    [InlineData("nilai saya TW2", null, 2)]
    [InlineData("nilai saya tw 2", null, 2)]
    [InlineData("nilai saya TWII", null, 2)]
    [InlineData("nilai saya 2026 TW1", 2026, 1)]
    [InlineData("nilai saya TW1 2026", 2026, 1)]
    [InlineData("nilai saya 2026", 2026, null)]
    public void NilaiSaya_DenganAtauTanpaPeriode(string teks, int? tahun, int? triwulan)
    {
        Assert.Equal(new NilaiSayaPerintah(tahun, triwulan), PerintahParser.Parse(teks));
    }

    [Theory]
    [InlineData("nilai saya TW5")]
    [InlineData("nilai saya 1999")]
    [InlineData("nilai saya TW1 TW2")]
    [InlineData("nilai saya kemarin")]
    public void NilaiSaya_ArgumenSalah_DijelaskanDalamBahasaIndonesia(string teks)
    {
        var hasil = Assert.IsType<SalahFormatPerintah>(PerintahParser.Parse(teks));
        Assert.Contains("nilai saya", hasil.Pesan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bantuan")]
    [InlineData("help")]
    [InlineData("?")]
    [InlineData("")]
    [InlineData("   ")]
    public void Bantuan(string teks)
    {
        Assert.IsType<BantuanPerintah>(PerintahParser.Parse(teks));
    }

    [Theory]
    [InlineData("nilai sya", "nilai saya")]
    [InlineData("nilia saya", "nilai saya")]
    [InlineData("nilai", "nilai saya")]
    [InlineData("skor saya", "nilai saya")]
    [InlineData("bantun", "bantuan")]
    [InlineData("dasbor jadwl", "dasbor jadwal")]
    [InlineData("selamat pagi", null)]
    public void TeksTidakDikenal_DenganSaranTerdekat(string teks, string? saran)
    {
        var hasil = Assert.IsType<TidakDikenalPerintah>(PerintahParser.Parse(teks));
        Assert.Equal(saran, hasil.MungkinMaksud);
    }

    [Theory]
    [InlineData("dasbor jadwal")]
    [InlineData("Dasbor Jadwal.")]
    [InlineData("dasbor")]
    [InlineData("dashboard")]
    public void DasborJadwal(string teks)
    {
        Assert.IsType<DasborJadwalPerintah>(PerintahParser.Parse(teks));
    }

    [Fact]
    public void MentionBotDanEntitasHtml_Dibuang()
    {
        Assert.Equal("nilai saya tw2", PerintahParser.Normalisasi("<at>KinerjaBot</at>&nbsp;Nilai&nbsp;Saya   TW2"));
    }
}

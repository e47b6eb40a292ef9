using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;

namespace Kinerja.Domain.Tests.Kontrak;

/// <summary>Deadlines: 31 January, or 15 days after a mid-year start (domain.md §7).</summary>
public sealed class TenggatSkpTests
{
    [Fact]
    public void TanpaTanggalMulai_31Januari()
    {
        var t = TenggatSkp.Untuk(2027);

        Assert.Equal(new DateOnly(2027, 1, 31), t.Tanggal);
        Assert.False(t.KarenaMulaiTengahTahun);
    }

    [Fact]
    public void MulaiSebelumTahunKontrak_31Januari()
    {
        Assert.Equal(new DateOnly(2027, 1, 31), TenggatSkp.Untuk(2027, new DateOnly(2019, 3, 1)).Tanggal);
    }

    [Fact]
    public void MulaiTengahTahun_15HariSetelahMulai()
    {
        var t = TenggatSkp.Untuk(2027, new DateOnly(2027, 7, 1));

        Assert.Equal(new DateOnly(2027, 7, 16), t.Tanggal);
        Assert.True(t.KarenaMulaiTengahTahun);
    }

    [Fact]
    public void MulaiAwalJanuari_Tetap31Januari()
    {
        Assert.Equal(new DateOnly(2027, 1, 31), TenggatSkp.Untuk(2027, new DateOnly(2027, 1, 10)).Tanggal);
        Assert.Equal(new DateOnly(2027, 2, 4), TenggatSkp.Untuk(2027, new DateOnly(2027, 1, 20)).Tanggal);
    }

    [Fact]
    public void MulaiSesudahTahunKontrak_Ditolak()
    {
        Assert.Throws<DomainException>(() => TenggatSkp.Untuk(2027, new DateOnly(2028, 1, 2)));
    }

    [Theory]
    [InlineData(1, 26, 5, false, "Tenggat 31 Januari 2027 (5 hari lagi)")]
    [InlineData(1, 31, 0, false, "Tenggat 31 Januari 2027 (hari ini)")]
    [InlineData(2, 1, -1, true, "Tenggat 31 Januari 2027 (terlambat 1 hari)")]
    [InlineData(3, 3, -31, true, "Tenggat 31 Januari 2027 (terlambat 31 hari)")]
    public void SisaHariDanTerlambat(int bulan, int hari, int sisa, bool terlambat, string keterangan)
    {
        var t = TenggatSkp.Untuk(2027);
        var hariIni = new DateOnly(2027, bulan, hari);

        Assert.Equal(sisa, t.SisaHari(hariIni));
        Assert.Equal(terlambat, t.Terlambat(hariIni, StatusSkp.Diajukan));
        Assert.Equal(keterangan, t.Keterangan(hariIni, StatusSkp.Draft));
    }

    [Fact]
    public void SudahDisetujui_TidakPernahTerlambat()
    {
        var t = TenggatSkp.Untuk(2027);

        Assert.False(t.Terlambat(new DateOnly(2027, 5, 1), StatusSkp.Disetujui));
        Assert.Equal("Tenggat 31 Januari 2027", t.Keterangan(new DateOnly(2027, 5, 1), StatusSkp.Disetujui));
    }

    [Theory]
    [InlineData(3, 1, 3, 31, "1–31 Maret 2027")]
    [InlineData(2, 15, 3, 14, "15 Februari–14 Maret 2027")]
    [InlineData(3, 5, 3, 5, "5 Maret 2027")]
    public void RentangTanggal(int b1, int h1, int b2, int h2, string teks)
    {
        Assert.Equal(teks, TanggalIndonesia.Rentang(new DateOnly(2027, b1, h1), new DateOnly(2027, b2, h2)));
    }
}

using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;

namespace Kinerja.Domain.Tests;

/// <summary>The ledger row's guarded transitions: each step is one version, only legal steps exist.</summary>
public sealed class CatatanPengirimanTests
{
    private static readonly DateTimeOffset Pukul9 = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
    private static readonly KunciPengiriman Kunci = new(JenisPengiriman.PengingatSkp, "2027-H7", "KPPN-METRO", Nip.Parse("197603141998031002"));

    private static CatatanPengiriman Baru(int menit = 0) => CatatanPengiriman.Baru(new RencanaKirim(Kunci, Pukul9.AddMinutes(menit)), Pukul9);

    [Fact]
    public void Baru_Direncanakan_SiapDikirimHanyaSetelahWaktunya()
    {
        var c = Baru(menit: 30);

        Assert.Equal((StatusPengiriman.Direncanakan, 1L), (c.Status, c.Versi));
        Assert.False(c.SiapDikirim(Pukul9));
        Assert.True(c.SiapDikirim(Pukul9.AddMinutes(30)));
    }

    [Fact]
    public void MulaiKirim_LaluTerkirim_SetiapLangkahSatuVersi_TandaSedangDikirimHilang()
    {
        var mulai = Baru().MulaiKirim("host:1", Pukul9);
        var terkirim = mulai.Terkirim("https://smba.trafficmanager.net/apac/", "a:1", "1:2", Pukul9.AddSeconds(1));

        Assert.Equal((2L, (DateTimeOffset?)Pukul9, false), (mulai.Versi, mulai.MulaiKirimPada, mulai.SiapDikirim(Pukul9)));
        Assert.Equal((StatusPengiriman.Terkirim, 3L, (DateTimeOffset?)null, "1:2"), (terkirim.Status, terkirim.Versi, terkirim.MulaiKirimPada, terkirim.ActivityId));
    }

    [Fact]
    public void SedangDikirim_TidakBisaDimulaiLagi_DanMacetSetelahBatas()
    {
        var mulai = Baru().MulaiKirim("host:1", Pukul9);

        Assert.Throws<DomainException>(() => mulai.MulaiKirim("host:2", Pukul9));
        Assert.False(mulai.MacetSaatMengirim(Pukul9.AddMinutes(9), TimeSpan.FromMinutes(10)));
        Assert.True(mulai.MacetSaatMengirim(Pukul9.AddMinutes(10), TimeSpan.FromMinutes(10)));
        var gagal = mulai.Gagal("terputus", mungkinTerkirim: true, Pukul9.AddMinutes(10));
        Assert.Equal((StatusPengiriman.Gagal, true), (gagal.Status, gagal.MungkinTerkirim));
    }

    [Fact]
    public void Terkirim_TanpaMulaiKirim_Ditolak_DanYangSudahSelesaiTidakBerubahLagi()
    {
        Assert.Throws<DomainException>(() => Baru().Terkirim("u", "c", "a", Pukul9));
        var lewat = Baru().Dilewati(Pukul9);
        Assert.Throws<DomainException>(() => lewat.TidakTerjangkau(AlasanTidakTerjangkau.Lainnya, "x", Pukul9));
        Assert.Throws<DomainException>(() => lewat.CobaLagi(Pukul9, "x", Pukul9));
        Assert.Throws<DomainException>(() => lewat.Tunda(Pukul9, Pukul9));
    }

    [Fact]
    public void CobaLagi_MenghitungPercobaan_DanTunda_HanyaDariTerkirim()
    {
        var lagi = Baru().MulaiKirim("h", Pukul9).CobaLagi(Pukul9.AddMinutes(1), "429", Pukul9);
        Assert.Equal((1, (DateTimeOffset?)null, Pukul9.AddMinutes(1)), (lagi.Percobaan, lagi.MulaiKirimPada, lagi.KirimSetelah));

        var terkirim = lagi.MulaiKirim("h", Pukul9.AddMinutes(1)).Terkirim("u", "c", "a", Pukul9.AddMinutes(1));
        var tunda = terkirim.Tunda(Pukul9.AddDays(1), Pukul9.AddMinutes(2));
        Assert.Equal((StatusPengiriman.Direncanakan, 1, 0), (tunda.Status, tunda.Ditunda, tunda.Percobaan));
        Assert.True(tunda.SiapDikirim(Pukul9.AddDays(1)));
    }
}

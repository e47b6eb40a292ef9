using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;

namespace Kinerja.Domain.Tests;

public sealed class KunciPengirimanTests
{
    private static readonly Nip Bagus = Nip.Parse("197603141998031002");

    [Theory]
    [InlineData("2027-H7")]
    [InlineData("2026-TW3")]
    [InlineData("2026-11")]
    [InlineData("2026.11_2")]
    public void KurunSah_Diterima(string kurun) =>
        Assert.Equal(kurun, new KunciPengiriman(JenisPengiriman.PengingatSkp, kurun, "KPPN-METRO", Bagus).Kurun);

    [Theory]
    [InlineData("skp-pengingat", "2027/H7")]   // '/' is not allowed in an Azure Tables key
    [InlineData("skp-pengingat", "2027#1")]
    [InlineData("skp-pengingat", "")]
    [InlineData("SKP", "2027-H7")]             // kinds are lower case
    [InlineData("skp|x", "2027-H7")]           // '|' separates the key's parts
    [InlineData("skp-pengingat", "12345678901234567890123456789012345678901")]
    public void BagianTidakSah_Ditolak(string jenis, string kurun) =>
        Assert.Throws<DomainException>(() => new KunciPengiriman(jenis, kurun, "KPPN-METRO", Bagus));

    [Fact]
    public void KunciSama_SamaDenganDanHashSama()
    {
        var a = new KunciPengiriman(JenisPengiriman.AjakanDki, "2026-11", "KPPN-METRO", Bagus);
        var b = new KunciPengiriman(JenisPengiriman.AjakanDki, "2026-11", "KPPN-METRO", Bagus);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("dialog-dki|2026-11|KPPN-METRO|197603141998031002", a.ToString());
    }
}

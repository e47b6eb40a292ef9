using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Tests.Organisasi;

/// <summary>NIP: 18 digits, birth date, TMT CPNS, sex digit, sequence (domain.md §10).</summary>
public sealed class NipTests
{
    [Theory]
    [InlineData("197603141998031002", "19760314 199803 1 002")]
    [InlineData("198407222006122001", "19840722 200612 2 001")]
    [InlineData("198211052003121004", "19821105 200312 1 004")]
    [InlineData("199505112018031005", "19950511 201803 1 005")]
    [InlineData("199909142021072001", "19990914 202107 2 001")]
    [InlineData("197801152000031002", "19780115 200003 1 002")]
    public void NipKantorDemo_Valid_DitampilkanBerkelompok(string teks, string tampilan)
    {
        Assert.True(Nip.TryParse(teks, out var nip, out var alasan));
        Assert.Null(alasan);
        Assert.Equal(teks, nip.Value);
        Assert.Equal(tampilan, nip.Tampilan);
    }

    [Fact]
    public void Nip_BagianBagiannya()
    {
        var nip = Nip.Parse("197603141998031002");

        Assert.Equal(new DateOnly(1976, 3, 14), nip.TanggalLahir);
        Assert.Equal((1998, 3), nip.TmtCpns);
        Assert.False(nip.Perempuan);
        Assert.True(Nip.Parse("198407222006122001").Perempuan);
        Assert.Equal("197603141998031002", nip.ToString());
    }

    [Fact]
    public void Nip_BentukTampilanDenganSpasi_Diterima_SamaDenganDelapanBelasDigit()
    {
        Assert.Equal(Nip.Parse("197603141998031002"), Nip.Parse("19760314 199803 1 002"));
    }

    [Theory]
    [InlineData("19760314199803100", "18 digit")]
    [InlineData("1976031419980310021", "18 digit")]
    [InlineData("1976031419980310A2", "angka")]
    [InlineData("1976031419980310-2", "angka")]
    [InlineData("197613141998031002", "tanggal lahir")]
    [InlineData("197602301998031002", "tanggal lahir")]
    [InlineData("189903141998031002", "tanggal lahir")]
    [InlineData("197603141998131002", "TMT CPNS")]
    [InlineData("197603141998001002", "TMT CPNS")]
    [InlineData("197603141985031002", "TMT CPNS")]
    [InlineData("197603141998033002", "jenis kelamin")]
    [InlineData("197603141998030002", "jenis kelamin")]
    [InlineData("197603141998031000", "nomor urut")]
    public void NipSalah_DitolakDenganAlasan(string teks, string alasanMemuat)
    {
        Assert.False(Nip.TryParse(teks, out _, out var alasan));
        Assert.Contains(alasanMemuat, alasan, StringComparison.Ordinal);

        var e = Assert.Throws<DomainException>(() => Nip.Parse(teks));
        Assert.Equal(alasan, e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NipKosong_Ditolak(string? teks)
    {
        Assert.False(Nip.TryParse(teks, out _, out var alasan));
        Assert.Equal("NIP kosong", alasan);
    }

    [Fact]
    public void NipDefault_TidakBerisiNilai()
    {
        Assert.Throws<InvalidOperationException>(() => default(Nip).Value);
    }
}

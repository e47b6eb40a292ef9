using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Penilaian;

/// <summary>Predikat bands with their boundaries, IC colours and rounding (domain.md §3, §5).</summary>
public sealed class PredikatTests
{
    private static readonly KebijakanPenilaian Kebijakan = KebijakanBuilder.Kmk467Bawaan;

    [Theory]
    [InlineData("120", "Sangat Baik")]
    [InlineData("90.01", "Sangat Baik")]
    [InlineData("90.00", "Baik")]
    [InlineData("75.01", "Baik")]
    [InlineData("75", "Cukup")]
    [InlineData("60.01", "Cukup")]
    [InlineData("60", "Kurang")]
    [InlineData("50.01", "Kurang")]
    [InlineData("50", "Buruk")]
    [InlineData("0", "Buruk")]
    public void PredikatPegawai_Pp46_LebihDariBatas_NilaiTepatDiBatasMasukPitaBawah(string nilai, string predikat)
    {
        Assert.Equal(predikat, Kebijakan.PredikatPegawai.Untuk(decimal.Parse(nilai, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("120", "Sangat Baik")]
    [InlineData("110", "Sangat Baik")]
    [InlineData("109.99", "Baik")]
    [InlineData("100", "Baik")]
    [InlineData("99.99", "Cukup")]
    [InlineData("90", "Cukup")]
    [InlineData("89.99", "Kurang")]
    [InlineData("80", "Kurang")]
    [InlineData("79.99", "Buruk")]
    [InlineData("0", "Buruk")]
    public void PredikatNko_MinimalBatas_NilaiTepatDiBatasMasukPitaItu(string nilai, string predikat)
    {
        Assert.Equal(predikat, Kebijakan.PredikatNko.Untuk(decimal.Parse(nilai, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>CKP 100 (one IKU), NP without penalty: NKP = 60 + NP × 0.4.</summary>
    private static HasilPegawai PegawaiDenganNp(decimal np)
    {
        var nip = NipContoh.Pelaksana;
        var data = new DataKantorBuilder()
            .Unit("UMUM", LevelUnit.Four)
            .Pelaksana("UMUM", nip)
            .Kontrak(nip, IkuBuilder.DenganCapaian(100m))
            .Perilaku(nip, np)
            .Build();
        return new Penilai(Kebijakan).NilaiPegawai(data, data.CariPegawai(nip)!, new Periode(2026, 1));
    }

    [Fact]
    public void PredikatPegawai_Nkp89_995_DibulatkanMenjadi90_00_Baik()
    {
        var hasil = PegawaiDenganNp(74.9875m);

        Assert.Equal(89.995m, hasil.Nkp);
        Assert.Equal("Baik", hasil.Predikat);
    }

    [Fact]
    public void PredikatPegawai_Nkp90_005_DibulatkanMenjadi90_01_SangatBaik()
    {
        var hasil = PegawaiDenganNp(75.0125m);

        Assert.Equal(90.005m, hasil.Nkp);
        Assert.Equal("Sangat Baik", hasil.Predikat);
    }

    [Fact]
    public void PredikatNko_Nko109_995_DibulatkanMenjadi110_SangatBaik()
    {
        var data = new DataKantorBuilder()
            .Unit("KPPN", LevelUnit.Three)
            .Kepala("KPPN", NipContoh.KepalaKppn)
            .Kontrak(NipContoh.KepalaKppn, IkuBuilder.DenganCapaian(109.995m))
            .Build();

        var hasil = new Penilai(Kebijakan).Nko(data, data.CariUnit("KPPN")!, new Periode(2026, 1))!;

        Assert.Equal(109.995m, hasil.Nko);
        Assert.Equal("Sangat Baik", hasil.Predikat);
    }

    [Theory]
    [InlineData("120", WarnaCapaian.Hijau)]
    [InlineData("100", WarnaCapaian.Hijau)]
    [InlineData("99.99", WarnaCapaian.Kuning)]
    [InlineData("80", WarnaCapaian.Kuning)]
    [InlineData("79.99", WarnaCapaian.Merah)]
    [InlineData("0", WarnaCapaian.Merah)]
    public void WarnaCapaian_Hijau100KeAtas_Kuning80SampaiDiBawah100_MerahDiBawah80(string ic, WarnaCapaian warna)
    {
        Assert.Equal(warna, Kebijakan.Warna(decimal.Parse(ic, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void WarnaCapaian_LewatNilaiIku()
    {
        var penilai = new Penilai(Kebijakan);

        Assert.Equal(WarnaCapaian.Hijau, penilai.NilaiIku(IkuBuilder.DenganCapaian(100m).Build(), 1).Warna);
        Assert.Equal(WarnaCapaian.Kuning, penilai.NilaiIku(IkuBuilder.DenganCapaian(80m).Build(), 1).Warna);
        Assert.Equal(WarnaCapaian.Merah, penilai.NilaiIku(IkuBuilder.DenganCapaian(79.99m).Build(), 1).Warna);
    }

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.355", "2.36")]
    [InlineData("0.125", "0.13")]
    [InlineData("2.344", "2.34")]
    [InlineData("-2.344", "-2.34")]
    [InlineData("89.995", "90.00")]
    public void Pembulatan_SetengahMenjauhiNol_DuaDesimal(string nilai, string hasil)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(hasil, c), Kebijakan.Bulatkan(decimal.Parse(nilai, c)));
    }
}

using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Kinerja;

/// <summary>
/// Strategic initiatives (domain.md §2/§5): projects of a strategy-map owner's contract, each attached to one of the
/// owner's SS; validated when made and when added to the office's data.
/// </summary>
public sealed class InisiatifStrategisTests
{
    private static readonly Nip Kepala = NipContoh.KepalaKppn;
    private static readonly Nip Kasi = NipContoh.KasiPdms;
    private static readonly Nip Anak = NipContoh.Ke(11);

    private static DataKantor Kantor() => new DataKantorBuilder()
        .Unit("K", LevelUnit.Three)
        .Unit("S", LevelUnit.Four, "K")
        .Kepala("K", Kepala)
        .Kepala("S", Kasi, Kepala)
        .Pelaksana("S", Anak, Kasi)
        .Kontrak(Kepala, IkuBuilder.DenganCapaian(95).Kode("K1").Di(Perspektif.Stakeholder, "SS A"), IkuBuilder.DenganCapaian(120).Kode("K2").Di(Perspektif.Pelanggan, "SS B"))
        .Kontrak(Anak, IkuBuilder.DenganCapaian(95).Kode("A1"))
        .Build();

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void Progres_DiLuar0Sampai100_Ditolak(double progres) =>
        Assert.Contains("harus 0–100", Assert.Throws<DomainException>(() => new InisiatifStrategis("Klinik", "SS A", (decimal)progres)).Message, StringComparison.Ordinal);

    [Fact]
    public void NamaAtauSasaranKosong_Ditolak_KeteranganKosongJadiTidakAda()
    {
        Assert.Throws<DomainException>(() => new InisiatifStrategis(" ", "SS A", 10));
        Assert.Throws<DomainException>(() => new InisiatifStrategis("Klinik", "", 10));
        Assert.Equal(new InisiatifStrategis("Klinik", "SS A", 0), new InisiatifStrategis(" Klinik ", "SS A ", 0, null, "  "));
    }

    [Fact]
    public void KepalaDenganSasaranDiKontraknya_Disimpan_UrutanData_UnitMembacaInisiatifKepalanya()
    {
        var data = Kantor();
        var b = new InisiatifStrategis("Klinik satker", "SS B", 40, new DateOnly(2026, 10, 31));
        var a = new InisiatifStrategis("Digitalisasi arsip", "SS A", 100);
        data.TambahInisiatif(2026, Kepala, b);
        data.TambahInisiatif(2026, Kepala, a);

        Assert.Equal([b, a], data.Inisiatif(2026, Kepala));
        Assert.Equal([b, a], data.InisiatifUnit("K", 2026));
        Assert.Empty(data.InisiatifUnit("K", 2027));
        Assert.Empty(data.InisiatifUnit("S", 2026));
        Assert.Equal([(2026, Kepala, b), (2026, Kepala, a)], data.SemuaInisiatif);
    }

    [Fact]
    public void SasaranTidakAdaDiPetaPemilik_Ditolak()
    {
        var data = Kantor();
        var e = Assert.Throws<DomainException>(() => data.TambahInisiatif(2026, Kepala, new InisiatifStrategis("Klinik", "SS C", 10)));
        Assert.Contains("sasaran strategis 'SS C' tidak ada di peta strategi", e.Message, StringComparison.Ordinal);
        Assert.Empty(data.SemuaInisiatif);
    }

    [Fact]
    public void BukanKepalaUnit_AtauTanpaKontrakTahunItu_Ditolak()
    {
        var data = Kantor();
        Assert.Contains("bukan kepala unit", Assert.Throws<DomainException>(() => data.TambahInisiatif(2026, Anak, new InisiatifStrategis("X", "SS A", 1))).Message, StringComparison.Ordinal);
        Assert.Contains("tidak punya kontrak kinerja tahun 2025", Assert.Throws<DomainException>(() => data.TambahInisiatif(2025, Kepala, new InisiatifStrategis("X", "SS A", 1))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamaKembarPemilikDanTahunSama_Ditolak()
    {
        var data = Kantor();
        data.TambahInisiatif(2026, Kepala, new InisiatifStrategis("Klinik satker", "SS A", 10));
        var e = Assert.Throws<DomainException>(() => data.TambahInisiatif(2026, Kepala, new InisiatifStrategis("KLINIK SATKER", "SS B", 20)));
        Assert.Contains("sudah ada", e.Message, StringComparison.Ordinal);
        Assert.Single(data.SemuaInisiatif);
    }
}

using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Penilaian;

/// <summary>NSS, Np and NKO of a unit whose head owns a strategy map (domain.md §3), and who owns one (§2, §5).</summary>
public sealed class NkoTests
{
    private const string Kppn = "KPPN";
    private const string Umum = "UMUM";
    private static readonly Periode Tw1 = new(2026, 1);
    private static readonly Penilai Penilai = KebijakanBuilder.Kmk467().BuildPenilai();

    /// <summary>
    /// A KPPN (level Three) whose head's contract scores, in TW I:
    /// Stakeholder S1 {110 ×60, 100 ×40} → NSS 106, S2 {90} → NSS 90, Np 98; Pelanggan 120; Proses 100; Learning 80.
    /// </summary>
    private static IkuBuilder[] PetaLengkap() =>
    [
        IkuBuilder.DenganCapaian(110m).Kode("S1-a").Di(Perspektif.Stakeholder, "S1").DenganBobot(60m),
        IkuBuilder.DenganCapaian(100m).Kode("S1-b").Di(Perspektif.Stakeholder, "S1").DenganBobot(40m),
        IkuBuilder.DenganCapaian(90m).Kode("S2-a").Di(Perspektif.Stakeholder, "S2"),
        IkuBuilder.DenganCapaian(120m).Kode("C1-a").Di(Perspektif.Pelanggan, "C1"),
        IkuBuilder.DenganCapaian(100m).Kode("P1-a").Di(Perspektif.ProsesBisnisInternal, "P1"),
        IkuBuilder.DenganCapaian(80m).Kode("L1-a").Di(Perspektif.PembelajaranDanPertumbuhan, "L1"),
    ];

    private static DataKantor Kantor(LevelUnit level, params IkuBuilder[] iku) =>
        new DataKantorBuilder()
            .Unit(Kppn, level)
            .Kepala(Kppn, NipContoh.KepalaKppn)
            .Kontrak(NipContoh.KepalaKppn, iku)
            .Perilaku(NipContoh.KepalaKppn, 80m)
            .Build();

    private static HasilNko Nko(DataKantor data) => Penilai.Nko(data, data.CariUnit(Kppn)!, Tw1)!;

    [Fact]
    public void Nss_RataRataTertimbangIcDenganBobotIku()
    {
        var hasil = Nko(Kantor(LevelUnit.Three, PetaLengkap()));

        Assert.Equal(106m, Assert.Single(hasil.SasaranStrategis, s => s.Nama == "S1").Nilai);
        Assert.Equal(90m, Assert.Single(hasil.SasaranStrategis, s => s.Nama == "S2").Nilai);
    }

    [Fact]
    public void Np_RataRataNssDalamPerspektif()
    {
        var hasil = Nko(Kantor(LevelUnit.Three, PetaLengkap()));

        Assert.Equal(98m, Assert.Single(hasil.Perspektif, p => p.Perspektif == Perspektif.Stakeholder).Nilai);
        Assert.Equal(120m, Assert.Single(hasil.Perspektif, p => p.Perspektif == Perspektif.Pelanggan).Nilai);
    }

    [Fact]
    public void Nko_JumlahNpKaliBobotPerspektif_30_20_30_20()
    {
        var hasil = Nko(Kantor(LevelUnit.Three, PetaLengkap()));

        // 98×0.3 + 120×0.2 + 100×0.3 + 80×0.2 = 29.4 + 24 + 30 + 16
        Assert.Equal(99.4m, hasil.Nko);
        Assert.Equal("Cukup", hasil.Predikat);
        Assert.Equal(StatusNilai.Final, hasil.Status);
        Assert.Equal(
            new[] { (Perspektif.Stakeholder, 30m), (Perspektif.Pelanggan, 20m), (Perspektif.ProsesBisnisInternal, 30m), (Perspektif.PembelajaranDanPertumbuhan, 20m) },
            hasil.Perspektif.Select(p => (p.Perspektif, p.BobotEfektif)));
    }

    [Fact]
    public void Nko_PerspektifTanpaIkuDinilai_DikeluarkanDanBobotLainDinormalisasiUlang()
    {
        var iku = PetaLengkap();
        // Learning & Growth has only a semester IKU: no target in TW I, so no scored IKU in the perspective.
        iku[^1] = IkuBuilder.Maximize().Kode("L1-a").Di(Perspektif.PembelajaranDanPertumbuhan, "L1").Triwulan(2, 100m, 50m);

        var hasil = Nko(Kantor(LevelUnit.Three, iku));

        // (98×30 + 120×20 + 100×30) / 80 = 104.25
        Assert.Equal(104.25m, hasil.Nko);
        Assert.DoesNotContain(hasil.Perspektif, p => p.Perspektif == Perspektif.PembelajaranDanPertumbuhan);
        Assert.Equal(
            new[] { (Perspektif.Stakeholder, 30m, 37.5m), (Perspektif.Pelanggan, 20m, 25m), (Perspektif.ProsesBisnisInternal, 30m, 37.5m) },
            hasil.Perspektif.Select(p => (p.Perspektif, p.Bobot, p.BobotEfektif)));
        Assert.Equal(StatusNilai.Final, hasil.Status);
    }

    [Fact]
    public void Nko_IkuBelumAdaRealisasi_DikeluarkanDanDicatat_StatusSementara()
    {
        var iku = PetaLengkap();
        iku[^1] = IkuBuilder.Maximize().Kode("L1-a").Di(Perspektif.PembelajaranDanPertumbuhan, "L1").DenganTarget(1, 100m);

        var hasil = Nko(Kantor(LevelUnit.Three, iku));

        Assert.Equal(104.25m, hasil.Nko);
        Assert.Equal(StatusNilai.Sementara, hasil.Status);
        Assert.Equal("L1-a", Assert.Single(hasil.Kekurangan).KodeIku);
    }

    [Fact]
    public void Nko_BobotPerspektifDariKebijakan()
    {
        var penilai = KebijakanBuilder.Kmk467()
            .DenganOverride("""{"nko":{"bobotPerspektif":{"stakeholder":40,"customer":20,"internal":20,"learning":20}}}""")
            .BuildPenilai();
        var data = Kantor(LevelUnit.Three, PetaLengkap());

        var hasil = penilai.Nko(data, data.CariUnit(Kppn)!, Tw1)!;

        // 98×0.4 + 120×0.2 + 100×0.2 + 80×0.2 = 39.2 + 24 + 20 + 16
        Assert.Equal(99.2m, hasil.Nko);
    }

    [Fact]
    public void Nko_KepalaTanpaKontrak_NkoKosongDanKekuranganKontrak()
    {
        var data = new DataKantorBuilder().Unit(Kppn, LevelUnit.Three).Kepala(Kppn, NipContoh.KepalaKppn).Build();

        var hasil = Nko(data);

        Assert.Null(hasil.Nko);
        Assert.Equal(JenisKekurangan.KontrakKinerja, Assert.Single(hasil.Kekurangan).Jenis);
        Assert.Equal(StatusNilai.Sementara, hasil.Status);
    }

    [Fact]
    public void Nko_UnitLevelEmpat_TidakPunyaPetaStrategi()
    {
        var data = Kantor(LevelUnit.Four, PetaLengkap());

        Assert.Null(Penilai.Nko(data, data.CariUnit(Kppn)!, Tw1));
    }

    /// <summary>Stakeholder 110 (weight 50) and Learning 90 (weight 50): weighted mean of the IKU 100, NKO 102.</summary>
    private static IkuBuilder[] DuaPerspektif() =>
    [
        IkuBuilder.DenganCapaian(110m).Di(Perspektif.Stakeholder, "S1").DenganBobot(50m),
        IkuBuilder.DenganCapaian(90m).Di(Perspektif.PembelajaranDanPertumbuhan, "L1").DenganBobot(50m),
    ];

    [Theory]
    [InlineData(LevelUnit.One)]
    [InlineData(LevelUnit.Two)]
    [InlineData(LevelUnit.Three)]
    public void KepalaUnitLevelSatuSampaiTiga_PemilikPetaStrategi_CkpSamaDenganNko(LevelUnit level)
    {
        var data = Kantor(level, DuaPerspektif());
        var kepala = data.CariPegawai(NipContoh.KepalaKppn)!;

        var hasil = Penilai.NilaiPegawai(data, kepala, Tw1);

        // (110×30 + 90×20) / 50 = 102
        Assert.True(Penilai.PemilikPetaStrategi(kepala, data));
        Assert.True(hasil.PemilikPetaStrategi);
        Assert.Equal(102m, hasil.CkpDariNko!.Nko);
        Assert.Equal(102m, hasil.Ckp);
    }

    [Fact]
    public void KepalaUnitLevelEmpat_BukanPemilikPeta_CkpRataRataTertimbangIkunyaSendiri()
    {
        var data = new DataKantorBuilder()
            .Unit(Kppn, LevelUnit.Three).Unit(Umum, LevelUnit.Four, Kppn)
            .Kepala(Kppn, NipContoh.KepalaKppn)
            .Kepala(Umum, NipContoh.KasubbagUmum, NipContoh.KepalaKppn)
            .Kontrak(NipContoh.KasubbagUmum, DuaPerspektif())
            .Perilaku(NipContoh.KasubbagUmum, 80m)
            .Build();
        var kasubbag = data.CariPegawai(NipContoh.KasubbagUmum)!;

        var hasil = Penilai.NilaiPegawai(data, kasubbag, Tw1);

        Assert.False(Penilai.PemilikPetaStrategi(kasubbag, data));
        Assert.False(hasil.PemilikPetaStrategi);
        Assert.Null(hasil.CkpDariNko);
        Assert.Equal(100m, hasil.Ckp);
    }

    [Fact]
    public void PelaksanaDiUnitLevelTiga_BukanKepala_BukanPemilikPeta()
    {
        var data = new DataKantorBuilder()
            .Unit(Kppn, LevelUnit.Three)
            .Kepala(Kppn, NipContoh.KepalaKppn)
            .Pelaksana(Kppn, NipContoh.Pelaksana, NipContoh.KepalaKppn)
            .Kontrak(NipContoh.Pelaksana, DuaPerspektif())
            .Build();

        Assert.False(Penilai.PemilikPetaStrategi(data.CariPegawai(NipContoh.Pelaksana)!, data));
    }

    [Fact]
    public void PemilikPeta_NkoSementara_CkpJugaSementara()
    {
        var iku = DuaPerspektif().Append(IkuBuilder.Maximize().Kode("X").DenganTarget(1, 10m)).ToArray();
        var data = Kantor(LevelUnit.Three, iku);

        var hasil = Penilai.NilaiPegawai(data, data.CariPegawai(NipContoh.KepalaKppn)!, Tw1);

        Assert.Equal(102m, hasil.Ckp);
        Assert.Equal(StatusNilai.Sementara, hasil.Status);
        Assert.Equal("X", Assert.Single(hasil.Kekurangan).KodeIku);
    }

    [Fact]
    public void Rekap_HanyaUnitPemilikPeta_DanCkpKepalaDariNkoYangSama()
    {
        var data = new DataKantorBuilder()
            .Unit(Kppn, LevelUnit.Three).Unit(Umum, LevelUnit.Four, Kppn)
            .Kepala(Kppn, NipContoh.KepalaKppn)
            .Kepala(Umum, NipContoh.KasubbagUmum, NipContoh.KepalaKppn)
            .Kontrak(NipContoh.KepalaKppn, DuaPerspektif())
            .Kontrak(NipContoh.KasubbagUmum, DuaPerspektif())
            .Perilaku(NipContoh.KepalaKppn, 80m)
            .Perilaku(NipContoh.KasubbagUmum, 80m)
            .Build();

        var rekap = Penilai.Rekap(data, Tw1);

        var unit = Assert.Single(rekap.Unit);
        Assert.Equal(Kppn, unit.Unit.Kode);
        Assert.Equal(new decimal?[] { 102m, 100m }, rekap.Pegawai.Select(p => p.Ckp));
        Assert.Same(unit, rekap.Pegawai[0].CkpDariNko);
    }
}

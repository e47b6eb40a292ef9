using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Domain.Tests.Penilaian;

/// <summary>The scoring policy as data (domain.md §9): the kmk467 preset holds every default, bad files are named.</summary>
public sealed class KebijakanPenilaianReaderTests
{
    private static KebijakanTidakValidException Tolak(string overrideJson) =>
        Assert.Throws<KebijakanTidakValidException>(() => KebijakanPenilaianReader.BacaPreset("kmk467", overrideJson));

    /// <summary>Asserts some error names <paramref name="kunci"/> (errors read <c>kunci: pesan</c>).</summary>
    private static void MenyebutKunci(KebijakanTidakValidException e, string kunci) =>
        Assert.Contains(e.Kesalahan, k => k.StartsWith(kunci + ":", StringComparison.Ordinal));

    [Fact]
    public void PresetKmk467_MemuatSemuaNilaiBawaanDomainMd()
    {
        var k = KebijakanPenilaianReader.BacaPreset("kmk467");

        Assert.Equal("kmk467", k.Nama);

        // §3: clamp [0, 120]; Minimize with T = 0: R = 0 → 120, R > 0 → 0
        Assert.Equal(120m, k.IcBatasAtas);
        Assert.Equal(0m, k.IcBatasBawah);
        Assert.Equal(120m, k.MinimizeTargetNolRealisasiNol);
        Assert.Equal(0m, k.MinimizeTargetNolRealisasiPositif);
        Assert.Equal(120m, k.MaximizeTargetNolRealisasiTidakNegatif);
        Assert.Equal(0m, k.MaximizeTargetNolRealisasiNegatif);

        // §3: hijau ≥ 100, kuning ≥ 80
        Assert.Equal(100m, k.HijauMinimal);
        Assert.Equal(80m, k.KuningMinimal);

        // §3: perspective weights 30/20/30/20
        Assert.Equal(4, k.BobotPerspektif.Count);
        Assert.Equal(30m, k.BobotPerspektif[Perspektif.Stakeholder]);
        Assert.Equal(20m, k.BobotPerspektif[Perspektif.Pelanggan]);
        Assert.Equal(30m, k.BobotPerspektif[Perspektif.ProsesBisnisInternal]);
        Assert.Equal(20m, k.BobotPerspektif[Perspektif.PembelajaranDanPertumbuhan]);

        // §2/§5: only Eselon I–III heads own a strategy map
        Assert.Equal(new[] { LevelUnit.One, LevelUnit.Two, LevelUnit.Three }, k.LevelPemilikPetaStrategi.Order());

        // §5: CKP clamp [0, 120]; penalties at most 10; 360° atasan 60 / rekan & bawahan 40; NKP 60/40; NPKP 60/40
        Assert.Equal(120m, k.CkpBatasAtas);
        Assert.Equal(0m, k.CkpBatasBawah);
        Assert.Equal(10m, k.PengurangMaksimal);
        Assert.Equal(60m, k.BobotPenilaiAtasan);
        Assert.Equal(40m, k.BobotPenilaiRekanDanBawahan);
        Assert.Equal(60m, k.BobotCkp);
        Assert.Equal(40m, k.BobotNp);
        Assert.Equal(60m, k.BobotNskpNpkp);
        Assert.Equal(40m, k.BobotNpNpkp);

        // §5: PP 46 bands, strictly greater: > 90 Sangat Baik, > 75 Baik, > 60 Cukup, > 50 Kurang, else Buruk
        Assert.Equal(Perbandingan.LebihDari, k.PredikatPegawai.Perbandingan);
        Assert.Equal(
            new[] { ("Sangat Baik", 90m), ("Baik", 75m), ("Cukup", 60m), ("Kurang", 50m) },
            k.PredikatPegawai.Pita);
        Assert.Equal("Buruk", k.PredikatPegawai.Terendah);

        // §5: NKO bands, at least: ≥ 110, ≥ 100, ≥ 90, ≥ 80, else Buruk
        Assert.Equal(Perbandingan.Minimal, k.PredikatNko.Perbandingan);
        Assert.Equal(
            new[] { ("Sangat Baik", 110m), ("Baik", 100m), ("Cukup", 90m), ("Kurang", 80m) },
            k.PredikatNko.Pita);
        Assert.Equal("Buruk", k.PredikatNko.Terendah);

        // §3: two decimals
        Assert.Equal(2, k.Desimal);

        // §2: at most 25 IKU for an Eselon I owner, 20 for Eselon II/III owners, 10 for non-owners
        Assert.Equal(25, k.MaksimalIku(pemilikPeta: true, LevelUnit.One));
        Assert.Equal(20, k.MaksimalIku(pemilikPeta: true, LevelUnit.Two));
        Assert.Equal(20, k.MaksimalIku(pemilikPeta: true, LevelUnit.Three));
        Assert.Equal(10, k.MaksimalIku(pemilikPeta: false, LevelUnit.Four));
    }

    [Fact]
    public void PresetTidakDikenal_Ditolak_MenyebutNamaPreset()
    {
        var e = Assert.Throws<KebijakanTidakValidException>(() => KebijakanPenilaianReader.BacaPreset("kmk999"));

        Assert.Contains("kmk999", Assert.Single(e.Kesalahan), StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideKantor_MengubahSatuNilai_NilaiLainTetap()
    {
        var preset = KebijakanPenilaianReader.BacaPreset("kmk467");

        var k = KebijakanPenilaianReader.BacaPreset("kmk467", """{"nkp":{"bobotCkp":70,"bobotNp":30}}""");

        Assert.Equal(70m, k.BobotCkp);
        Assert.Equal(30m, k.BobotNp);
        Assert.Equal(preset.BobotNskpNpkp, k.BobotNskpNpkp);
        Assert.Equal(preset.BobotPerspektif, k.BobotPerspektif);
        Assert.Equal(preset.PredikatPegawai.Pita, k.PredikatPegawai.Pita);
        Assert.Equal(preset.IcBatasAtas, k.IcBatasAtas);
    }

    [Fact]
    public void KunciDiawaliGarisBawah_AdalahCatatan_Diterima()
    {
        var k = KebijakanPenilaianReader.BacaPreset("kmk467", """{"_catatan":"KPPN Metro","nkp":{"_sumber":"rapat 2026"}}""");

        Assert.Equal(60m, k.BobotCkp);
    }

    [Theory]
    [InlineData("""{"nkpp":{"bobotCkp":60}}""", "nkpp")]
    [InlineData("""{"nkp":{"bobotCKP":60}}""", "nkp.bobotCKP")]
    [InlineData("""{"indeksCapaian":{"minimizeTargetNol":{"realisasiNegatif":0}}}""", "indeksCapaian.minimizeTargetNol.realisasiNegatif")]
    [InlineData("""{"predikatPegawai":{"pita":[{"predikat":"Sangat Baik","batas":90,"warna":"hijau"}]}}""", "predikatPegawai.pita[0].warna")]
    public void KunciTidakDikenal_Ditolak_MenyebutKunci(string overrideJson, string kunci)
    {
        var e = Tolak(overrideJson);

        MenyebutKunci(e, kunci);
        Assert.Contains(e.Kesalahan, k => k.Contains("tidak dikenal", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"nkp":{"bobotCkp":"60"}}""", "nkp.bobotCkp")]
    [InlineData("""{"nkp":{"bobotNp":true}}""", "nkp.bobotNp")]
    [InlineData("""{"nko":{"bobotPerspektif":{"stakeholder":"tiga puluh"}}}""", "nko.bobotPerspektif.stakeholder")]
    [InlineData("""{"predikatNko":{"pita":[{"predikat":"Sangat Baik","batas":"110"}]}}""", "predikatNko.pita[0].batas")]
    public void BobotBukanAngka_Ditolak_MenyebutKunci(string overrideJson, string kunci)
    {
        MenyebutKunci(Tolak(overrideJson), kunci);
    }

    [Fact]
    public void BobotNkpTidakBerjumlah100_Ditolak_MenyebutNkp()
    {
        var e = Tolak("""{"nkp":{"bobotCkp":70}}""");

        MenyebutKunci(e, "nkp");
        Assert.Contains("110", Assert.Single(e.Kesalahan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"npkp":{"bobotNskp":50}}""", "npkp")]
    [InlineData("""{"np":{"bobotAtasan":70}}""", "np")]
    public void BobotLainTidakBerjumlah100_Ditolak_MenyebutKunci(string overrideJson, string kunci)
    {
        MenyebutKunci(Tolak(overrideJson), kunci);
    }

    [Theory]
    [InlineData("predikatPegawai", """[{"predikat":"Baik","batas":75},{"predikat":"Sangat Baik","batas":90}]""", "predikatPegawai.pita[1].batas")]
    [InlineData("predikatNko", """[{"predikat":"Sangat Baik","batas":110},{"predikat":"Baik","batas":110}]""", "predikatNko.pita[1].batas")]
    public void PitaPredikatTidakMenurun_Ditolak_MenyebutKunci(string bagian, string pita, string kunci)
    {
        MenyebutKunci(Tolak("{\"" + bagian + "\":{\"pita\":" + pita + "}}"), kunci);
    }

    [Fact]
    public void PitaPredikatKosong_Ditolak()
    {
        MenyebutKunci(Tolak("""{"predikatPegawai":{"pita":[]}}"""), "predikatPegawai.pita");
    }

    [Theory]
    [InlineData("Five")]
    [InlineData("Empat")]
    [InlineData("one")]
    [InlineData("One,Two")]
    [InlineData("3")]
    public void LevelPemilikPetaTidakDikenal_Ditolak_MenyebutKunci(string level)
    {
        var e = Tolak("""{"nko":{"levelPemilikPetaStrategi":["One",""" + "\"" + level + "\"]}}");

        MenyebutKunci(e, "nko.levelPemilikPetaStrategi[1]");
    }

    [Fact]
    public void LevelPemilikPetaKosong_Ditolak()
    {
        MenyebutKunci(Tolak("""{"nko":{"levelPemilikPetaStrategi":[]}}"""), "nko.levelPemilikPetaStrategi");
    }

    [Fact]
    public void LevelPemilikPetaDiubahKantor_Diterima()
    {
        var k = KebijakanPenilaianReader.BacaPreset("kmk467", """{"nko":{"levelPemilikPetaStrategi":["One","Two","Three","Four"]}}""");

        Assert.Contains(LevelUnit.Four, k.LevelPemilikPetaStrategi);
    }

    [Theory]
    [InlineData("""{"np":{"pengurangMaksimal":-1}}""", "np.pengurangMaksimal")]
    [InlineData("""{"konsolidasi":{"ikuTanpaRealisasi":"hitungNol"}}""", "konsolidasi.ikuTanpaRealisasi")]
    [InlineData("""{"predikatPegawai":{"perbandingan":"kurangDari"}}""", "predikatPegawai.perbandingan")]
    [InlineData("""{"pembulatan":{"desimal":2.5}}""", "pembulatan.desimal")]
    [InlineData("""{"warnaCapaian":{"kuningMinimal":101}}""", "warnaCapaian.kuningMinimal")]
    [InlineData("""{"indeksCapaian":{"batasBawah":130}}""", "indeksCapaian.batasBawah")]
    [InlineData("""{"nama":""}""", "nama")]
    [InlineData("""{"nkp":null}""", "nkp")]
    public void OverrideKantorSalah_Ditolak_MenyebutKunci(string overrideJson, string kunci)
    {
        MenyebutKunci(Tolak(overrideJson), kunci);
    }

    [Theory]
    [InlineData("""{"pembulatan":{"desimal":10000000000}}""", "pembulatan.desimal")]
    [InlineData("""{"maksimalIku":{"bukanPemilik":-10000000000}}""", "maksimalIku.bukanPemilik")]
    public void BilanganBulatSangatBesar_Ditolak_MenyebutKunci_BukanOverflow(string overrideJson, string kunci)
    {
        MenyebutKunci(Tolak(overrideJson), kunci);
    }

    [Fact]
    public void KunciGanda_Ditolak_MenyebutKunci()
    {
        var e = Tolak("""{"nkp":{"bobotCkp":70,"bobotCkp":30}}""");

        Assert.Contains("bobotCkp", Assert.Single(e.Kesalahan), StringComparison.Ordinal);
    }

    [Fact]
    public void KunciGandaDiBerkasKebijakan_Ditolak()
    {
        var e = Assert.Throws<KebijakanTidakValidException>(() => KebijakanPenilaianReader.Baca("""{"nama":"a","nama":"b"}""", "kantor.json"));

        Assert.Contains("nama", Assert.Single(e.Kesalahan), StringComparison.Ordinal);
    }

    [Fact]
    public void BeberapaKesalahan_SemuanyaDisebut()
    {
        var e = Tolak("""{"nkp":{"bobotCkp":"x"},"np":{"pengurangMaksimal":-1},"lain":1}""");

        MenyebutKunci(e, "nkp.bobotCkp");
        MenyebutKunci(e, "np.pengurangMaksimal");
        MenyebutKunci(e, "lain");
        Assert.Contains("nkp.bobotCkp", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public void OverrideBukanObjekJson_Ditolak(string overrideJson)
    {
        Assert.NotEmpty(Tolak(overrideJson).Kesalahan);
    }

    [Fact]
    public void BerkasTanpaKunciWajib_Ditolak_MenyebutSetiapKunci()
    {
        var e = Assert.Throws<KebijakanTidakValidException>(() => KebijakanPenilaianReader.Baca("""{"nama":"kantor"}""", "kantor.json"));

        Assert.Contains("kantor.json", e.Message, StringComparison.Ordinal);
        MenyebutKunci(e, "versi");
        MenyebutKunci(e, "nkp.bobotCkp");
        MenyebutKunci(e, "predikatNko.pita");
    }
}

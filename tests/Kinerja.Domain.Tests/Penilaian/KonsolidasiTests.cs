using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Penilaian;

/// <summary>Year-to-date consolidation of an IKU up to a quarter (domain.md §4).</summary>
public sealed class KonsolidasiTests
{
    private static readonly Penilai Penilai = KebijakanBuilder.Kmk467().BuildPenilai();

    private static decimal Dibulatkan(decimal? nilai) => Penilai.Kebijakan.Bulatkan(nilai!.Value);

    [Fact]
    public void Sum_RealisasiDanTargetDijumlahSampaiPeriode()
    {
        var iku = IkuBuilder.Maximize().DenganKonsolidasi(JenisKonsolidasi.Sum)
            .Triwulan(1, 10m, 12m).Triwulan(2, 20m, 24m).Triwulan(3, 30m, 27m).Triwulan(4, 40m, 1m).Build();

        var tw2 = Penilai.NilaiIku(iku, 2);
        var tw3 = Penilai.NilaiIku(iku, 3);

        Assert.Equal(36m, tw2.Realisasi);
        Assert.Equal(30m, tw2.Target!.Value.Nilai);
        Assert.Equal(120m, tw2.IndeksCapaian);
        Assert.Equal(63m, tw3.Realisasi);
        Assert.Equal(60m, tw3.Target!.Value.Nilai);
        Assert.Equal(105m, tw3.IndeksCapaian);
    }

    [Fact]
    public void Average_RataRataRealisasiTerhadapRataRataTargetSampaiPeriode()
    {
        var iku = IkuBuilder.Maximize().DenganKonsolidasi(JenisKonsolidasi.Average)
            .Triwulan(1, 80m, 84m).Triwulan(2, 80m, 76m).Triwulan(3, 90m, 99m).Build();

        var tw3 = Penilai.NilaiIku(iku, 3);

        // mean R 259/3 = 86.33, mean T 250/3 = 83.33 → 103.60
        Assert.Equal(86.33m, Dibulatkan(tw3.Realisasi));
        Assert.Equal(83.33m, Penilai.Kebijakan.Bulatkan(tw3.Target!.Value.Nilai));
        Assert.Equal(103.60m, Dibulatkan(tw3.IndeksCapaian));
    }

    [Fact]
    public void TakeLastKnownValue_RealisasiTerakhirTerhadapTargetTriwulanItu()
    {
        var iku = IkuBuilder.Maximize().DenganKonsolidasi(JenisKonsolidasi.TakeLastKnownValue)
            .Triwulan(1, 50m, 40m).Triwulan(2, 60m, 55m).Triwulan(3, 70m, 77m).Build();

        var tw2 = Penilai.NilaiIku(iku, 2);
        var tw3 = Penilai.NilaiIku(iku, 3);

        Assert.Equal(55m, tw2.Realisasi);
        Assert.Equal(91.67m, Dibulatkan(tw2.IndeksCapaian));
        Assert.Equal(77m, tw3.Realisasi);
        Assert.Equal(70m, tw3.Target!.Value.Nilai);
        Assert.Equal(110m, tw3.IndeksCapaian);
    }

    [Fact]
    public void Sum_Stabilize_KeduaBatasRentangDijumlah()
    {
        var iku = IkuBuilder.Stabilize().DenganKonsolidasi(JenisKonsolidasi.Sum)
            .DenganTarget(1, 40m, 50m).DenganRealisasi(1, 45m)
            .DenganTarget(2, 40m, 50m).DenganRealisasi(2, 60m).Build();

        var tw2 = Penilai.NilaiIku(iku, 2);

        // R 45 + 60 = 105 against the range [40 + 40, 50 + 50] = [80, 100]: above it, (2 − 105/100) × 100
        Assert.Equal(new Target(80m, 100m), tw2.Target);
        Assert.Equal(95m, tw2.IndeksCapaian);
        Assert.Equal(100m, Penilai.NilaiIku(iku, 1).IndeksCapaian);
    }

    [Fact]
    public void RealisasiSetelahPeriode_TidakIkutDihitung()
    {
        var iku = IkuBuilder.Maximize().Triwulan(1, 10m, 10m).Triwulan(2, 10m, 0m).Build();

        Assert.Equal(100m, Penilai.NilaiIku(iku, 1).IndeksCapaian);
    }

    [Fact]
    public void IkuSemesteran_DiTw1_TanpaTarget_DikeluarkanTanpaIndeksCapaian()
    {
        var iku = IkuBuilder.Maximize().Triwulan(2, 50m, 50m).Triwulan(4, 100m, 100m).Build();

        var tw1 = Penilai.NilaiIku(iku, 1);

        Assert.Equal(KeadaanIku.TanpaTarget, tw1.Keadaan);
        Assert.Null(tw1.IndeksCapaian);
        Assert.Null(tw1.Warna);
        Assert.Empty(tw1.TriwulanTanpaRealisasi);
    }

    [Fact]
    public void IkuSemesteran_DiTw3_HanyaTriwulanBertargetYangDihitung()
    {
        var iku = IkuBuilder.Maximize().DenganKonsolidasi(JenisKonsolidasi.Average)
            .Triwulan(2, 50m, 55m).Triwulan(4, 100m, 100m).Build();

        var tw3 = Penilai.NilaiIku(iku, 3);

        Assert.Equal(KeadaanIku.Dinilai, tw3.Keadaan);
        Assert.Equal(55m, tw3.Realisasi);
        Assert.Equal(50m, tw3.Target!.Value.Nilai);
        Assert.Equal(110m, tw3.IndeksCapaian);
    }

    [Fact]
    public void TargetTanpaRealisasi_BelumAdaRealisasi_TidakPernahDihitungNol()
    {
        var iku = IkuBuilder.Maximize().Triwulan(1, 10m, 10m).DenganTarget(2, 10m).Build();

        var tw2 = Penilai.NilaiIku(iku, 2);

        Assert.Equal(KeadaanIku.BelumAdaRealisasi, tw2.Keadaan);
        Assert.Null(tw2.IndeksCapaian);
        Assert.Null(tw2.Realisasi);
        Assert.Equal(new[] { 2 }, tw2.TriwulanTanpaRealisasi);
    }

    [Fact]
    public void Pegawai_IkuTanpaRealisasi_DicatatSebagaiKekurangan_CkpDinormalisasiUlang_StatusSementara()
    {
        var nip = NipContoh.Pelaksana;
        var data = new DataKantorBuilder()
            .Unit("KPPN", LevelUnit.Three).Unit("UMUM", LevelUnit.Four, "KPPN")
            .Pelaksana("UMUM", nip)
            .Kontrak(nip,
                IkuBuilder.DenganCapaian(110m).Kode("A").DenganBobot(50m),
                IkuBuilder.DenganCapaian(90m).Kode("B").DenganBobot(30m),
                IkuBuilder.Maximize().Kode("C").Nama("Persentase arsip digital").DenganBobot(20m).DenganTarget(1, 100m))
            .Perilaku(nip, 80m)
            .Build();

        var hasil = Penilai.NilaiPegawai(data, data.CariPegawai(nip)!, new Periode(2026, 1));

        // (110×50 + 90×30) / 80 = 102.5, not (110×50 + 90×30 + 0×20) / 100 = 82
        Assert.Equal(102.5m, hasil.Ckp);
        Assert.Equal(StatusNilai.Sementara, hasil.Status);
        var kurang = Assert.Single(hasil.Kekurangan);
        Assert.Equal(JenisKekurangan.RealisasiIku, kurang.Jenis);
        Assert.Equal("C", kurang.KodeIku);
        Assert.Equal("Persentase arsip digital", kurang.NamaIku);
        Assert.Equal(new[] { 1 }, kurang.Triwulan!);
        Assert.Equal(KeadaanIku.BelumAdaRealisasi, Assert.Single(hasil.Iku, c => c.Iku.Kode == "C").Keadaan);
    }

    [Fact]
    public void Pegawai_IkuSemesteranDiTw1_BobotDinormalisasiUlang_StatusTetapFinal()
    {
        var nip = NipContoh.Pelaksana;
        var data = new DataKantorBuilder()
            .Unit("KPPN", LevelUnit.Three).Unit("UMUM", LevelUnit.Four, "KPPN")
            .Pelaksana("UMUM", nip)
            .Kontrak(nip,
                IkuBuilder.DenganCapaian(110m).Kode("A").DenganBobot(60m),
                IkuBuilder.DenganCapaian(95m).Kode("B").DenganBobot(20m),
                IkuBuilder.Maximize().Kode("S").DenganBobot(20m).Triwulan(2, 10m, 0m))
            .Perilaku(nip, 80m)
            .Build();

        var hasil = Penilai.NilaiPegawai(data, data.CariPegawai(nip)!, new Periode(2026, 1));

        // (110×60 + 95×20) / 80 = 106.25
        Assert.Equal(106.25m, hasil.Ckp);
        Assert.Equal(KeadaanIku.TanpaTarget, Assert.Single(hasil.Iku, c => c.Iku.Kode == "S").Keadaan);
        Assert.Empty(hasil.Kekurangan);
        Assert.Equal(StatusNilai.Final, hasil.Status);
    }

    [Fact]
    public void Pegawai_SemuaIkuBelumAdaRealisasi_CkpKosong_BukanNol()
    {
        var nip = NipContoh.Pelaksana;
        var data = new DataKantorBuilder()
            .Unit("KPPN", LevelUnit.Three).Unit("UMUM", LevelUnit.Four, "KPPN")
            .Pelaksana("UMUM", nip)
            .Kontrak(nip, IkuBuilder.Maximize().DenganTarget(1, 100m))
            .Perilaku(nip, 80m)
            .Build();

        var hasil = Penilai.NilaiPegawai(data, data.CariPegawai(nip)!, new Periode(2026, 1));

        Assert.Null(hasil.Ckp);
        Assert.Null(hasil.Nkp);
        Assert.Null(hasil.Predikat);
        Assert.Equal(StatusNilai.Sementara, hasil.Status);
    }
}

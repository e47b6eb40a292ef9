using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Penilaian;

/// <summary>NP penalties, NKP, NPKP and missing NP (domain.md §5, kmk467).</summary>
public sealed class NilaiPegawaiTests
{
    private static readonly Periode Tw1 = new(2026, 1);
    private static readonly Penilai Penilai = KebijakanBuilder.Kmk467().BuildPenilai();

    /// <summary>A pelaksana whose CKP is <paramref name="ckp"/> (one IKU), with NP and penalty points if given.</summary>
    private static HasilPegawai Nilai(decimal ckp, decimal? np, decimal pengurang = 0, Penilai? penilai = null)
    {
        var nip = NipContoh.Pelaksana;
        var builder = new DataKantorBuilder()
            .Unit("KPPN", LevelUnit.Three).Unit("UMUM", LevelUnit.Four, "KPPN")
            .Pelaksana("UMUM", nip)
            .Kontrak(nip, IkuBuilder.DenganCapaian(ckp));
        if (np is { } nilai)
        {
            builder.Perilaku(nip, nilai, pengurang);
        }

        var data = builder.Build();
        return (penilai ?? Penilai).NilaiPegawai(data, data.CariPegawai(nip)!, Tw1);
    }

    [Fact]
    public void Nkp_CkpKali60_DitambahNpKali40()
    {
        var hasil = Nilai(ckp: 110m, np: 80m);

        // 110×0.6 + 80×0.4 = 66 + 32
        Assert.Equal(98m, hasil.Nkp);
        Assert.Equal(StatusNilai.Final, hasil.Status);
    }

    [Fact]
    public void Pengurang12_DibatasiMenjadi10_YangDiterapkan()
    {
        var hasil = Nilai(ckp: 100m, np: 80m, pengurang: 12m);

        Assert.Equal(80m, hasil.NpSebelumPengurang);
        Assert.Equal(10m, hasil.PengurangDiterapkan);
        Assert.Equal(70m, hasil.NpSetelahPengurang);
        // 100×0.6 + (80 − 10)×0.4 = 60 + 28
        Assert.Equal(88m, hasil.Nkp);
    }

    [Fact]
    public void PengurangDiBawahBatas_DiterapkanUtuh()
    {
        var hasil = Nilai(ckp: 100m, np: 80m, pengurang: 7m);

        Assert.Equal(7m, hasil.PengurangDiterapkan);
        // 60 + 73×0.4
        Assert.Equal(89.2m, hasil.Nkp);
    }

    [Fact]
    public void Pengurang_TepatDiBatas10_DiterapkanUtuh()
    {
        Assert.Equal(10m, Nilai(ckp: 100m, np: 80m, pengurang: 10m).PengurangDiterapkan);
    }

    [Fact]
    public void Npkp_MemakaiNpSebelumPengurang()
    {
        var hasil = Nilai(ckp: 100m, np: 80m, pengurang: 12m);

        // NSKP = CKP; 100×0.6 + 80×0.4: the penalty reduces NP only inside NKP
        Assert.Equal(92m, hasil.Npkp);
        Assert.Equal(88m, hasil.Nkp);
    }

    [Fact]
    public void NpLebihKecilDariPengurang_NpSetelahPengurangTidakNegatif_SamaDenganYangDipakaiNkp()
    {
        var hasil = Nilai(ckp: 100m, np: 6m, pengurang: 10m);

        // NP cannot go below the bottom of its 0–100 scale: NKP = 100×0.6 + 0×0.4.
        Assert.Equal(60m, hasil.Nkp);
        Assert.Equal(0m, hasil.NpSetelahPengurang);
    }

    [Fact]
    public void TanpaNilaiPerilaku_StatusSementara_TanpaNkp()
    {
        var hasil = Nilai(ckp: 105m, np: null);

        Assert.Equal(105m, hasil.Ckp);
        Assert.Null(hasil.NpSebelumPengurang);
        Assert.Null(hasil.PengurangDiterapkan);
        Assert.Null(hasil.Nkp);
        Assert.Null(hasil.Npkp);
        Assert.Null(hasil.Predikat);
        Assert.Equal(JenisKekurangan.NilaiPerilaku, Assert.Single(hasil.Kekurangan).Jenis);
        Assert.Equal(StatusNilai.Sementara, hasil.Status);
    }

    [Fact]
    public void TanpaKontrak_CkpKosong_KekuranganKontrak()
    {
        var data = new DataKantorBuilder()
            .Unit("UMUM", LevelUnit.Four)
            .Pelaksana("UMUM", NipContoh.Pelaksana)
            .Perilaku(NipContoh.Pelaksana, 80m)
            .Build();

        var hasil = Penilai.NilaiPegawai(data, data.CariPegawai(NipContoh.Pelaksana)!, Tw1);

        Assert.Null(hasil.Ckp);
        Assert.Null(hasil.Nkp);
        Assert.Equal(JenisKekurangan.KontrakKinerja, Assert.Single(hasil.Kekurangan).Jenis);
        Assert.Equal(StatusNilai.Sementara, hasil.Status);
    }

    [Fact]
    public void Ckp_RataRataTertimbangIkuKontrak()
    {
        var nip = NipContoh.Pelaksana;
        var data = new DataKantorBuilder()
            .Unit("UMUM", LevelUnit.Four)
            .Pelaksana("UMUM", nip)
            .Kontrak(nip,
                IkuBuilder.DenganCapaian(120m).DenganBobot(25m),
                IkuBuilder.DenganCapaian(100m).DenganBobot(50m),
                IkuBuilder.DenganCapaian(60m).DenganBobot(25m))
            .Perilaku(nip, 80m)
            .Build();

        var hasil = Penilai.NilaiPegawai(data, data.CariPegawai(nip)!, Tw1);

        // (120×25 + 100×50 + 60×25) / 100
        Assert.Equal(95m, hasil.Ckp);
    }

    [Fact]
    public void Ckp_DibatasiBatasCkpKebijakan()
    {
        var penilai = KebijakanBuilder.Kmk467().DenganOverride("""{"ckp":{"batasAtas":110}}""").BuildPenilai();

        Assert.Equal(110m, Nilai(ckp: 120m, np: 80m, penilai: penilai).Ckp);
    }

    [Fact]
    public void OverrideKantor_BobotNkp70_30_Diterapkan()
    {
        var penilai = KebijakanBuilder.Kmk467().DenganOverride("""{"nkp":{"bobotCkp":70,"bobotNp":30}}""").BuildPenilai();

        var hasil = Nilai(ckp: 110m, np: 80m, penilai: penilai);

        // 110×0.7 + 80×0.3 = 77 + 24; NPKP keeps its own 60/40
        Assert.Equal(101m, hasil.Nkp);
        Assert.Equal(98m, hasil.Npkp);
    }

    [Fact]
    public void Predikat_DiambilDariNkp()
    {
        Assert.Equal("Sangat Baik", Nilai(ckp: 110m, np: 80m).Predikat);
        Assert.Equal("Baik", Nilai(ckp: 100m, np: 80m, pengurang: 12m).Predikat);
    }
}

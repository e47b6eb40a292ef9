using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using static Kinerja.Testing.Builders.SkpContoh;

namespace Kinerja.Domain.Tests.Kontrak;

/// <summary>Who may decide on an SKP: atasan langsung, a Plt./Plh. inside its dates, the atasan pejabat penilai after a disagreement.</summary>
public sealed class OtorisasiSkpTests
{
    private static readonly DateOnly HariIni = new(2027, 1, 12);

    [Fact]
    public void AtasanLangsung_Boleh()
    {
        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), Diajukan(), Bagus, [], HariIni);

        Assert.True(hasil.Boleh);
        Assert.Equal((PeranPemutus.AtasanLangsung, (Pelaku?)null), (hasil.Izin!.Peran, hasil.Izin.AtasNama));
    }

    [Fact]
    public void PegawaiLain_Ditolak_DenganAlasan()
    {
        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), Diajukan(), Fajar, [], HariIni);

        Assert.False(hasil.Boleh);
        Assert.Null(hasil.Izin);
        Assert.StartsWith("Anda bukan atasan langsung Lestari Handayani", hasil.Alasan, StringComparison.Ordinal);
    }

    [Fact]
    public void Pemilik_TidakBolehMemutuskanSkpSendiri()
    {
        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), Diajukan(), Lestari, [], HariIni);

        Assert.False(hasil.Boleh);
        Assert.Contains("SKP Anda sendiri", hasil.Alasan, StringComparison.Ordinal);
    }

    [Fact]
    public void PengajuanHanyaPemilik()
    {
        Assert.True(OtorisasiSkp.PeriksaPengajuan(KantorPdms(), Draft(), Lestari).Boleh);
        var bagus = OtorisasiSkp.PeriksaPengajuan(KantorPdms(), Draft(), Bagus);
        Assert.False(bagus.Boleh);
        Assert.Equal("Hanya Lestari Handayani sendiri yang dapat mengajukan SKP ini.", bagus.Alasan);
    }

    [Theory]
    [InlineData(2, 28, false)]
    [InlineData(3, 1, true)]
    [InlineData(3, 15, true)]
    [InlineData(3, 31, true)]
    [InlineData(4, 1, false)]
    public void Plt_HanyaDalamTanggalPenugasan(int bulan, int hari, bool boleh)
    {
        var plt = PltBagus(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31));

        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), Diajukan(), Maya, [plt], new DateOnly(2027, bulan, hari));

        Assert.Equal(boleh, hasil.Boleh);
        if (boleh)
        {
            Assert.Equal((PeranPemutus.PelaksanaAtasan, Bagus), (hasil.Izin!.Peran, hasil.Izin.AtasNama!.Nip));
            Assert.Equal("Anda Plt. Bagus Prasetyo Nugroho (1–31 Maret 2027).", hasil.Alasan);
        }
        else
        {
            Assert.Equal(
                $"Penugasan Plt. Anda berlaku 1–31 Maret 2027 (menggantikan Bagus Prasetyo Nugroho); hari ini {TanggalIndonesia.Format(new DateOnly(2027, bulan, hari))}.",
                hasil.Alasan);
        }
    }

    [Fact]
    public void Plh_UntukAtasanLain_TidakBerlaku()
    {
        var plhUntukKepala = new Delegasi("plh-9", Kantor, Maya, Kepala, JenisDelegasi.Plh, new(2027, 1, 1), new(2027, 1, 31), Kepala);

        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), Diajukan(), Maya, [plhUntukKepala], HariIni);

        Assert.False(hasil.Boleh);
        Assert.StartsWith("Anda bukan atasan langsung Lestari Handayani", hasil.Alasan, StringComparison.Ordinal);
    }

    [Fact]
    public void AtasanPejabatPenilai_SebelumAdaPengembalian_Ditolak()
    {
        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), Diajukan(), Kepala, [], HariIni);

        Assert.False(hasil.Boleh);
        Assert.StartsWith("Anda atasan pejabat penilai Lestari Handayani", hasil.Alasan, StringComparison.Ordinal);
    }

    [Fact]
    public void AtasanPejabatPenilai_SetelahDikembalikanDanDiajukanLagi_BolehMemutuskan()
    {
        var skp = Diajukan();
        skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, "Target terlalu rendah", Saluran.Teams);
        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 13), true, Saluran.Teams, catatan: "Target sudah sesuai kemampuan unit");

        var hasil = OtorisasiSkp.PeriksaKeputusan(KantorPdms(), skp, Kepala, [], new DateOnly(2027, 1, 14));
        var putusan = skp.Setujui(hasil.Izin!, Pada(2027, 1, 14), 2, Saluran.Teams);

        Assert.True(hasil.Boleh);
        Assert.Equal(PeranPemutus.AtasanPejabatPenilai, hasil.Izin!.Peran);
        Assert.True(putusan.Berhasil);
        Assert.Equal(PeranPemutus.AtasanPejabatPenilai, skp.JejakAudit[^1].Peran);
    }

    [Fact]
    public void AtasanPejabatPenilai_PengembalianPutaranLalu_TidakDihitungUntukAdendum()
    {
        var skp = Diajukan();
        skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, "Perbaiki", Saluran.Teams);
        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 13), true, Saluran.Teams);
        skp.Setujui(Izin(skp), Pada(2027, 1, 14), 2, Saluran.Teams);
        skp.AjukanAdendum(Sebagai(Lestari), Pada(2027, 6, 1), [new PerubahanTarget("IKU-1", 3, new Target(70m))], "Perubahan pagu", true, Saluran.Teams);

        Assert.Equal(0, skp.JumlahDikembalikanPutaranIni);
        Assert.False(OtorisasiSkp.PeriksaKeputusan(KantorPdms(), skp, Kepala, [], new DateOnly(2027, 6, 2)).Boleh);
    }

    [Fact]
    public void IzinUntukSkpLain_Ditolak()
    {
        var lestari = Diajukan();
        var fajar = PersetujuanSkp.Mulai(new KunciSkp(Kantor, Tahun, Fajar), StatusSkp.Diajukan, Pada(2027, 1, 5), null, Saluran.Impor);

        Assert.Throws<DomainException>(() => fajar.Setujui(Izin(lestari), Pada(2027, 1, 12), 1, Saluran.Teams));
        Assert.Equal(StatusSkp.Diajukan, fajar.Status);
    }

    [Fact]
    public void Delegasi_NilaiDiperiksaSaatDibuat()
    {
        Assert.Throws<DomainException>(() => PltBagus(new(2027, 3, 31), new(2027, 3, 1)));
        Assert.Throws<DomainException>(() => PltBagus(new(2027, 3, 1), new(2027, 3, 31), pelaksana: Bagus));
    }
}

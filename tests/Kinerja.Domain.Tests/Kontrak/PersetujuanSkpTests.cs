using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using static Kinerja.Testing.Builders.SkpContoh;

namespace Kinerja.Domain.Tests.Kontrak;

/// <summary>The SKP state machine (domain.md §7): every transition, every refused one, versions, repeats, the audit trail.</summary>
public sealed class PersetujuanSkpTests
{
    [Fact]
    public void Draft_DiajukanPemilik_StatusDiajukanVersi1()
    {
        var skp = Draft();

        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 10), true, Saluran.Teams);

        Assert.Equal(StatusSkp.Diajukan, skp.Status);
        Assert.Equal(1, skp.VersiTerakhir.Nomor);
        Assert.Null(skp.VersiBerlaku);
        Assert.Equal(Pada(2027, 1, 10).Utc, skp.DiajukanPadaUtc);
    }

    [Fact]
    public void Ajukan_TanpaPernyataanKesanggupan_Ditolak()
    {
        var skp = Draft();

        var e = Assert.Throws<DomainException>(() => skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 10), false, Saluran.Teams));

        Assert.Contains("Pernyataan Kesanggupan", e.Message, StringComparison.Ordinal);
        Assert.Equal(StatusSkp.Draft, skp.Status);
        Assert.Single(skp.JejakAudit);
    }

    [Fact]
    public void Ajukan_BukanPemilik_Ditolak()
    {
        var skp = Draft();

        var e = Assert.Throws<DomainException>(() => skp.Ajukan(Sebagai(Bagus), Pada(2027, 1, 10), true, Saluran.Teams));

        Assert.Contains("pemilik", e.Message, StringComparison.Ordinal);
        Assert.Equal(StatusSkp.Draft, skp.Status);
    }

    [Fact]
    public void Diajukan_DisetujuiAtasanLangsung_VersiBerlaku1()
    {
        var skp = Diajukan();

        var hasil = skp.Setujui(Izin(skp), Pada(2027, 1, 12, 14), 1, Saluran.Teams);

        Assert.Equal(JenisHasilKeputusan.Berhasil, hasil.Jenis);
        Assert.Equal(StatusSkp.Disetujui, skp.Status);
        Assert.Equal(1, skp.VersiBerlaku?.Nomor);
        Assert.Equal("SKP ini disetujui oleh Bagus Prasetyo Nugroho pada 12 Januari 2027.", hasil.Pesan);
    }

    [Fact]
    public void Diajukan_Dikembalikan_CatatanTersimpanUntukPemilik()
    {
        var skp = Diajukan();

        var hasil = skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, "Target TW2 IKU 1 terlalu rendah", Saluran.Teams);

        Assert.True(hasil.Berhasil);
        Assert.Equal(StatusSkp.Dikembalikan, skp.Status);
        Assert.Equal("Target TW2 IKU 1 terlalu rendah", skp.PengembalianTerakhir?.Catatan);
        Assert.Equal(1, skp.JumlahDikembalikanPutaranIni);
    }

    [Fact]
    public void Kembalikan_CatatanLebihDari1000Karakter_Ditolak_TanpaJejak()
    {
        var skp = Diajukan();
        var audit = skp.JejakAudit.Count;

        var e = Assert.Throws<DomainException>(() => skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, new string('x', 1001), Saluran.Teams));

        Assert.Equal("Catatan terlalu panjang: 1.001 karakter, paling banyak 1.000. Persingkat catatannya.", e.Message);
        Assert.Equal((StatusSkp.Diajukan, audit), (skp.Status, skp.JejakAudit.Count));
        Assert.True(skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, "  " + new string('x', 1000) + "  ", Saluran.Teams).Berhasil);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Kembalikan_TanpaCatatan_Ditolak(string catatan)
    {
        var skp = Diajukan();

        var e = Assert.Throws<DomainException>(() => skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, catatan, Saluran.Teams));

        Assert.Contains("Catatan wajib", e.Message, StringComparison.Ordinal);
        Assert.Equal(StatusSkp.Diajukan, skp.Status);
    }

    [Fact]
    public void Dikembalikan_DiajukanLagi_VersiPerbaikanBaru_VersiLamaTetapAda()
    {
        var skp = Diajukan();
        skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, "Naikkan target TW4", Saluran.Teams);

        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 13), true, Saluran.TeamsSubmit, [new PerubahanTarget("IKU-1", 4, new Target(95m))], "Sudah dinaikkan");

        Assert.Equal(StatusSkp.Diajukan, skp.Status);
        Assert.Equal([1, 2], skp.Versi.Select(v => v.Nomor));
        Assert.Equal(JenisVersi.Perbaikan, skp.VersiTerakhir.Jenis);
        Assert.Equal(95m, Assert.Single(skp.VersiTerakhir.Perubahan).Target.Nilai);
    }

    [Fact]
    public void Adendum_DariDisetujui_VersiBerlakuTetapSampaiAdendumDisetujui()
    {
        var skp = Diajukan();
        skp.Setujui(Izin(skp), Pada(2027, 1, 12), 1, Saluran.Teams);

        skp.AjukanAdendum(Sebagai(Lestari), Pada(2027, 7, 1), [new PerubahanTarget("IKU-1", 3, new Target(80m))], "Realokasi anggaran", true, Saluran.Teams);

        Assert.Equal(StatusSkp.Diajukan, skp.Status);
        Assert.Equal(2, skp.VersiTerakhir.Nomor);
        Assert.Equal(JenisVersi.Adendum, skp.VersiTerakhir.Jenis);
        Assert.Equal(1, skp.VersiBerlaku?.Nomor);

        skp.Kembalikan(Izin(skp, hariIni: new DateOnly(2027, 7, 2)), Pada(2027, 7, 2), 2, "Lampirkan dasar realokasi", Saluran.Teams);
        Assert.Equal(1, skp.VersiBerlaku?.Nomor);

        skp.Ajukan(Sebagai(Lestari), Pada(2027, 7, 3), true, Saluran.Teams, [new PerubahanTarget("IKU-1", 3, new Target(82m))]);
        var hasil = skp.Setujui(Izin(skp, hariIni: new DateOnly(2027, 7, 4)), Pada(2027, 7, 4), 3, Saluran.Teams);

        Assert.True(hasil.Berhasil);
        Assert.Equal(3, skp.VersiBerlaku?.Nomor);
        Assert.Equal([JenisVersi.Awal, JenisVersi.Adendum, JenisVersi.Perbaikan], skp.Versi.Select(v => v.Jenis));
        Assert.NotNull(skp.Versi[0].DisetujuiPadaUtc);
    }

    [Fact]
    public void Adendum_TanpaPerubahanAtauAlasan_Ditolak()
    {
        var skp = Diajukan();
        skp.Setujui(Izin(skp), Pada(2027, 1, 12), 1, Saluran.Teams);

        Assert.Throws<DomainException>(() => skp.AjukanAdendum(Sebagai(Lestari), Pada(2027, 7, 1), [], "alasan", true, Saluran.Teams));
        Assert.Throws<DomainException>(() => skp.AjukanAdendum(Sebagai(Lestari), Pada(2027, 7, 1), [new PerubahanTarget("IKU-1", 3, new Target(1m))], " ", true, Saluran.Teams));
        Assert.Equal(StatusSkp.Disetujui, skp.Status);
    }

    public static TheoryData<StatusSkp, string, StatusSkp> TransisiTerlarang() => new()
    {
        { StatusSkp.Diajukan, "ajukan", StatusSkp.Diajukan },
        { StatusSkp.Disetujui, "ajukan", StatusSkp.Diajukan },
        { StatusSkp.Draft, "setujui", StatusSkp.Disetujui },
        { StatusSkp.Draft, "kembalikan", StatusSkp.Dikembalikan },
        { StatusSkp.Draft, "adendum", StatusSkp.Diajukan },
        { StatusSkp.Diajukan, "adendum", StatusSkp.Diajukan },
        { StatusSkp.Dikembalikan, "adendum", StatusSkp.Diajukan },
    };

    [Theory]
    [MemberData(nameof(TransisiTerlarang))]
    public void TransisiTerlarang_DitolakDenganNamaKeduaStatus(StatusSkp dari, string aksi, StatusSkp ke)
    {
        var skp = PersetujuanSkp.Mulai(KunciLestari, dari, Pada(2027, 1, 5), null, Saluran.Impor);
        var izin = Izin(skp);
        var sebelum = skp.JejakAudit.Count;

        var e = Assert.Throws<TransisiTidakSahException>(() =>
        {
            switch (aksi)
            {
                case "ajukan": skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 10), true, Saluran.Teams); break;
                case "setujui": skp.Setujui(izin, Pada(2027, 1, 10), 1, Saluran.Teams); break;
                case "kembalikan": skp.Kembalikan(izin, Pada(2027, 1, 10), 1, "catatan", Saluran.Teams); break;
                default: skp.AjukanAdendum(Sebagai(Lestari), Pada(2027, 1, 10), [new PerubahanTarget("IKU-1", 1, new Target(1m))], "alasan", true, Saluran.Teams); break;
            }
        });

        Assert.Equal((dari, ke), (e.Dari, e.Ke));
        Assert.Contains($"dari status {PersetujuanSkp.NamaStatus(dari)} ke {PersetujuanSkp.NamaStatus(ke)}", e.Message, StringComparison.Ordinal);
        Assert.Equal(dari, skp.Status);
        Assert.Equal(sebelum, skp.JejakAudit.Count);
    }

    [Fact]
    public void SetujuiDuaKali_Idempoten_TidakAdaCatatanBaru()
    {
        var skp = Diajukan();
        var izin = Izin(skp);
        skp.Setujui(izin, Pada(2027, 1, 12, 14), 1, Saluran.Teams);
        var jejak = skp.JejakAudit.Count;

        var ulang = skp.Setujui(izin, Pada(2027, 1, 12, 14, 1), 1, Saluran.Teams);

        Assert.Equal(JenisHasilKeputusan.SudahDiputuskan, ulang.Jenis);
        Assert.Equal("SKP ini sudah disetujui oleh Bagus Prasetyo Nugroho pada 12 Januari 2027.", ulang.Pesan);
        Assert.Equal(jejak, skp.JejakAudit.Count);
    }

    [Fact]
    public void KembalikanSetelahDisetujuiPemutusLain_MenjawabHasilYangAda()
    {
        var skp = Diajukan();
        skp.Setujui(Izin(skp, Maya, new DateOnly(2027, 1, 12), PltBagus(new(2027, 1, 1), new(2027, 1, 31))), Pada(2027, 1, 12), 1, Saluran.Teams);

        var hasil = skp.Kembalikan(Izin(skp), Pada(2027, 1, 12, 10), 1, "Perbaiki", Saluran.Teams);

        Assert.Equal(JenisHasilKeputusan.SudahDiputuskan, hasil.Jenis);
        Assert.Equal(StatusSkp.Disetujui, hasil.Status);
        Assert.Equal("SKP ini sudah disetujui oleh Maya Kurniasari (Plt./Plh. Bagus Prasetyo Nugroho) pada 12 Januari 2027.", hasil.Pesan);
        Assert.Equal(3, skp.JejakAudit.Count);
    }

    [Fact]
    public void KeputusanPadaVersiUsang_DitolakTanpaPerubahan()
    {
        var skp = Diajukan();
        skp.Kembalikan(Izin(skp), Pada(2027, 1, 12), 1, "Perbaiki", Saluran.Teams);
        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 13), true, Saluran.Teams);
        var jejak = skp.JejakAudit.Count;

        var hasil = skp.Setujui(Izin(skp), Pada(2027, 1, 14), 1, Saluran.Teams);

        Assert.Equal(JenisHasilKeputusan.VersiUsang, hasil.Jenis);
        Assert.Equal((StatusSkp.Diajukan, 2), (hasil.Status, hasil.VersiTerakhir));
        Assert.Contains("versi 2", hasil.Pesan, StringComparison.Ordinal);
        Assert.Equal(jejak, skp.JejakAudit.Count);
        Assert.Equal(StatusSkp.Diajukan, skp.Status);
    }

    [Fact]
    public void VersiTidakAda_Ditolak()
    {
        var skp = Diajukan();

        Assert.Throws<DomainException>(() => skp.Setujui(Izin(skp), Pada(2027, 1, 12), 2, Saluran.Teams));
    }

    [Fact]
    public void JejakAudit_SiapaAtasNamaKapanDariKeVersiCatatanSaluran()
    {
        var skp = PersetujuanSkp.Mulai(KunciLestari, StatusSkp.Draft, Pada(2027, 1, 2), null, Saluran.Impor);
        skp.Ajukan(Sebagai(Lestari), Pada(2027, 1, 10), true, Saluran.Teams);
        var plt = PltBagus(new(2027, 1, 11), new(2027, 1, 20));
        skp.Kembalikan(Izin(skp, Maya, new DateOnly(2027, 1, 11), plt), Pada(2027, 1, 11, 16, 30), 1, "Lengkapi IKU 2", Saluran.TeamsSubmit);

        var a = skp.JejakAudit;

        Assert.Equal([1, 2, 3], a.Select(x => x.Urutan));
        Assert.Equal((null, StatusSkp.Draft, "impor"), (a[0].Dari, a[0].Ke, a[0].Saluran.Nilai));
        Assert.Null(a[0].Oleh);
        Assert.Equal((StatusSkp.Draft, StatusSkp.Diajukan, Lestari), (a[1].Dari, a[1].Ke, a[1].Oleh!.Nip));
        var k = a[2];
        Assert.Equal((Maya, Bagus, PeranPemutus.PelaksanaAtasan), (k.Oleh!.Nip, k.AtasNama!.Nip, k.Peran));
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 9, 30, 0, TimeSpan.Zero), k.PadaUtc);
        Assert.Equal(TimeSpan.Zero, k.PadaUtc.Offset);
        Assert.Equal(("Asia/Jakarta", new DateOnly(2027, 1, 11)), (k.ZonaWaktu, k.TanggalLokal));
        Assert.Equal((StatusSkp.Diajukan, StatusSkp.Dikembalikan, 1, "Lengkapi IKU 2", "teams-submit"), (k.Dari, k.Ke, k.Versi, k.Catatan, k.Saluran.Nilai));
        Assert.Equal(3, skp.Revisi);
        Assert.Equal(3, skp.CatatanBaru.Count);
    }

    [Fact]
    public void Pulihkan_SamaDenganAsli_DanCatatanBaruHanyaSesudahnya()
    {
        var asli = Diajukan();
        var pulih = PersetujuanSkp.Pulihkan(asli.Kunci, asli.Status, asli.Versi, asli.JejakAudit);

        Assert.Empty(pulih.CatatanBaru);
        pulih.Setujui(Izin(pulih), Pada(2027, 1, 12), 1, Saluran.Teams);

        Assert.Equal((2, 3), (pulih.RevisiTersimpan, pulih.Revisi));
        Assert.Equal(StatusSkp.Disetujui, Assert.Single(pulih.CatatanBaru).Ke);
    }

    [Fact]
    public void Pulihkan_StatusTidakCocokDenganAudit_Ditolak()
    {
        var asli = Diajukan();

        Assert.Throws<DomainException>(() => PersetujuanSkp.Pulihkan(asli.Kunci, StatusSkp.Disetujui, asli.Versi, asli.JejakAudit));
    }

    [Fact]
    public void WaktuMundur_Ditolak()
    {
        var skp = Diajukan();

        Assert.Throws<DomainException>(() => skp.Setujui(Izin(skp), Pada(2027, 1, 9), 1, Saluran.Teams));
    }

    [Theory]
    [InlineData("Teams")]
    [InlineData("")]
    [InlineData("teams submit")]
    public void SaluranTidakValid_Ditolak(string nilai)
    {
        Assert.Throws<DomainException>(() => new Saluran(nilai));
    }
}

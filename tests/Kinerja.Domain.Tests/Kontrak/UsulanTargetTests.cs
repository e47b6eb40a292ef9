using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Kontrak;

/// <summary>Typed targets checked on the server, and the targets of each version (in force vs proposed).</summary>
public sealed class UsulanTargetTests
{
    private static KontrakKinerja Kontrak() => KontrakBuilder.Untuk(SkpContoh.Lestari).Tahun(2027)
        .DenganIku(
            IkuBuilder.Maximize().Kode("IKU-1").Nama("SP2D tepat waktu").DenganBobot(60).DenganTarget(1, 95).DenganTarget(2, 96.5m).DenganTarget(3, 97).DenganTarget(4, 98),
            IkuBuilder.Stabilize().Kode("IKU-2").Nama("Deviasi DIPA").DenganBobot(40).DenganTarget(1, 5, 10))
        .Build();

    private static PersetujuanSkp Disetujui()
    {
        var skp = SkpContoh.Diajukan();
        skp.Setujui(SkpContoh.Izin(skp), SkpContoh.Pada(2027, 1, 12), 1, Saluran.Teams);
        return skp;
    }

    private static HasilUsulanTarget Periksa(PersetujuanSkp skp, params (string Id, string Nilai)[] masukan) =>
        UsulanTarget.Periksa(Kontrak(), skp, masukan.ToDictionary(m => m.Id, m => m.Nilai));

    [Theory]
    [InlineData("96,5", 96.5)]
    [InlineData("96.5", 96.5)]
    [InlineData(" 100 ", 100)]
    [InlineData("-2,25", -2.25)]
    public void Angka_KomaAtauTitikDesimal(string teks, double nilai)
    {
        Assert.True(UsulanTarget.TryAngka(teks, out var d));
        Assert.Equal((decimal)nilai, d);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("9o")]
    [InlineData("1.234,5")]
    [InlineData("1e3")]
    [InlineData(",5")]
    [InlineData("")]
    public void BukanAngka_Ditolak(string teks) => Assert.False(UsulanTarget.TryAngka(teks, out _));

    [Fact]
    public void HanyaYangBerubahMenjadiPerubahan_StabKeduaBatas()
    {
        var hasil = Periksa(Disetujui(), ("t|IKU-1|1", "95"), ("t|IKU-1|3", "97,5"), ("t|IKU-2|1", "4"), ("t|IKU-2|1|atas", "10"), ("kesanggupan", "true"));

        Assert.True(hasil.Sah, hasil.Pesan);
        Assert.Equal(2, hasil.Perubahan.Count);
        Assert.Contains(hasil.Perubahan, p => p is { KodeIku: "IKU-1", Triwulan: 3 } && p.Target == new Target(97.5m));
        Assert.Contains(hasil.Perubahan, p => p is { KodeIku: "IKU-2", Triwulan: 1 } && p.Target == new Target(4m, 10m));
    }

    [Fact]
    public void TidakAdaYangBerubah_TanpaPerubahan() => Assert.Empty(Periksa(Disetujui(), ("t|IKU-1|1", "95,0")).Perubahan);

    [Theory]
    [InlineData("t|IKU-1|1", "sembilan", "Target IKU-1 TW I harus berupa angka")]
    [InlineData("t|IKU-1|1", " ", "Target IKU-1 TW I wajib diisi")]
    [InlineData("t|IKU-9|1", "90", "IKU IKU-9 tidak ada pada SKP ini")]
    [InlineData("t|IKU-2|3", "90", "IKU IKU-2 tidak punya target pada triwulan III")]
    [InlineData("t|IKU-1|7", "90", "IKU IKU-1 tidak punya target pada triwulan 7")]
    [InlineData("t|IKU-1|1|atas", "90", "IKU IKU-1 tidak memakai rentang target")]
    [InlineData("t|IKU-1", "90", "Isian target pada kartu ini tidak dikenal")]
    public void MasukanSalah_DitolakDalamBahasaIndonesia(string id, string nilai, string pesan)
    {
        var hasil = Periksa(Disetujui(), (id, nilai));
        Assert.False(hasil.Sah);
        Assert.Empty(hasil.Perubahan);
        Assert.Contains(pesan, hasil.Pesan, StringComparison.Ordinal);
    }

    [Fact]
    public void StabBatasBawahLebihBesarDariAtas_Ditolak()
    {
        var hasil = Periksa(Disetujui(), ("t|IKU-2|1", "12"), ("t|IKU-2|1|atas", "10,5"));
        Assert.False(hasil.Sah);
        Assert.Contains("Batas bawah target IKU-2 TW I (12) lebih besar dari batas atasnya (10,5)", hasil.Pesan, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetVersi_AdendumDiajukan_YangBerlakuTetapVersiLama_SetelahDisetujuiTargetBaruBerlaku()
    {
        var skp = Disetujui();
        skp.AjukanAdendum(SkpContoh.Sebagai(SkpContoh.Lestari), SkpContoh.Pada(2027, 6, 2), [new PerubahanTarget("IKU-1", 3, new Target(90m))], "Pagu dipotong", true, Saluran.Teams);

        Assert.Equal(97m, TargetSkp.Berlaku(Kontrak(), skp)[TargetSkp.Kunci("IKU-1", 3)].Nilai);
        Assert.Equal(90m, TargetSkp.Versi(Kontrak(), skp, 2)[TargetSkp.Kunci("iku-1", 3)].Nilai);
        var berubah = Assert.Single(TargetSkp.PerubahanVersi(Kontrak(), skp, 2));
        Assert.Equal((new Target(97m), new Target(90m)), (berubah.Lama!.Value, berubah.Baru));

        skp.Setujui(SkpContoh.Izin(skp, hariIni: new DateOnly(2027, 6, 3)), SkpContoh.Pada(2027, 6, 3), 2, Saluran.Teams);
        Assert.Equal(90m, TargetSkp.Berlaku(Kontrak(), skp)[TargetSkp.Kunci("IKU-1", 3)].Nilai);
        Assert.Equal(95m, TargetSkp.Berlaku(Kontrak(), skp)[TargetSkp.Kunci("IKU-1", 1)].Nilai);
    }

    [Fact]
    public void DraftDenganPerubahan_TetapVersi1_PerubahanTercatatPadaVersi1()
    {
        var skp = SkpContoh.Draft();
        skp.Ajukan(SkpContoh.Sebagai(SkpContoh.Lestari), SkpContoh.Pada(2027, 1, 10), true, Saluran.Teams, [new PerubahanTarget("IKU-1", 4, new Target(99m))], "Naik");

        Assert.Equal(1, skp.VersiTerakhir.Nomor);
        Assert.Equal(StatusSkp.Diajukan, skp.Status);
        Assert.Equal(99m, TargetSkp.Versi(Kontrak(), skp, 1)[TargetSkp.Kunci("IKU-1", 4)].Nilai);
        Assert.Equal(98m, TargetSkp.Berlaku(Kontrak(), skp)[TargetSkp.Kunci("IKU-1", 4)].Nilai);
    }
}

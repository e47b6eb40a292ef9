using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Pengingat;

namespace Kinerja.Jobs.Tests;

/// <summary>The keys' periods and the planners' dates: what makes "once" mean once, and when each thing is due.</summary>
public sealed class KurunDanTanggalTests
{
    private static readonly KalenderKerja Kalender = new(KalenderLibur.Bawaan());
    private static readonly Nip Pemilik = Nip.Parse("199312012015032004");

    [Fact]
    public void Kurun_DitulisDanDibacaKembali_SahSebagaiKunci()
    {
        Assert.True(Kurun.TryHMinus(Kurun.HMinus(2027, 14), out var t, out var n) && (t, n) == (2027, 14));
        Assert.True(Kurun.TryVersi(Kurun.Versi(2027, Pemilik, 3), out t, out var nip, out var v) && (t, nip, v) == (2027, Pemilik, 3));
        Assert.True(Kurun.TryTriwulan(Kurun.Triwulan(new Periode(2026, 3)), out var p) && p == new Periode(2026, 3));
        Assert.True(Kurun.TryBulan(Kurun.Bulan(new DateOnly(2026, 12, 1)), out t, out var b) && (t, b) == (2026, 12));
        Assert.True(Kurun.TryTriwulanRingkasan(Kurun.TriwulanSementara(new Periode(2026, 3)), out p, out var sementara) && p == new Periode(2026, 3) && sementara);
        Assert.True(Kurun.TryTriwulanRingkasan(Kurun.Triwulan(new Periode(2026, 4)), out p, out sementara) && p == new Periode(2026, 4) && !sementara);
        Assert.False(Kurun.TryTriwulan(Kurun.TriwulanSementara(new Periode(2026, 3)), out _)); // not a realisation or DKO quarter
        Assert.Equal("2026-W53", Kurun.Minggu(new DateOnly(2026, 12, 31)));
        Assert.Equal("2027-W01", Kurun.Minggu(new DateOnly(2027, 1, 4)));
        foreach (var k in new[] { Kurun.HMinus(2027, 14), Kurun.Versi(2027, Pemilik, 12), Kurun.Minggu(new DateOnly(2027, 1, 4)), Kurun.Triwulan(new Periode(2026, 4)), Kurun.TriwulanSementara(new Periode(2026, 4)), Kurun.Bulan(new DateOnly(2026, 1, 5)) })
        {
            _ = new KunciPengiriman(JenisPengiriman.PengingatSkp, k, "KPPN-METRO", Pemilik);
        }

        Assert.False(Kurun.TryTriwulan("2026-TW5", out _));
        Assert.False(Kurun.TryBulan("2026-13", out _, out _));
        Assert.False(Kurun.TryVersi("2027-123-v1", out _, out _, out _));
    }

    [Theory]
    [InlineData(2026, 10, 31, 2026, 2)] // TW III is final on 1 November
    [InlineData(2026, 11, 1, 2026, 3)]
    [InlineData(2027, 1, 31, 2026, 3)]
    [InlineData(2027, 2, 1, 2026, 4)] // TW IV on 1 February of the next year
    [InlineData(2027, 5, 1, 2027, 1)]
    public void PeriodeFinal_HariPertamaBulanKeduaSetelahTriwulan(int y, int m, int d, int tahun, int tw) =>
        Assert.Equal(new Periode(tahun, tw), PerencanaRingkasanNilai.PeriodeFinal(new DateOnly(y, m, d)));

    [Theory]
    [InlineData(2026, 1, 5, 2025, 4)]
    [InlineData(2026, 4, 1, 2026, 1)]
    [InlineData(2026, 12, 31, 2026, 3)]
    public void TriwulanSebelum(int y, int m, int d, int tahun, int tw) =>
        Assert.Equal(new Periode(tahun, tw), DataPengingat.TriwulanSebelum(new DateOnly(y, m, d)));

    [Fact]
    public void HMinus_TenggatSenin_H3DanH1JatuhJumat_YangPalingMendesakSaja()
    {
        // A personal deadline on Monday 30 November 2026: H-1 (Sunday) and H-3 (Friday) both fall on Friday the 27th.
        var tenggat = new DateOnly(2026, 11, 30);

        Assert.Equal(1, PerencanaPengingatSkp.HariIniUntuk(Kalender, "K", tenggat, new DateOnly(2026, 11, 27)));
        Assert.Null(PerencanaPengingatSkp.HariIniUntuk(Kalender, "K", tenggat, new DateOnly(2026, 11, 26)));
        Assert.Equal(7, PerencanaPengingatSkp.HariIniUntuk(Kalender, "K", tenggat, new DateOnly(2026, 11, 23)));
        Assert.Equal(14, PerencanaPengingatSkp.HariIniUntuk(Kalender, "K", tenggat, new DateOnly(2026, 11, 16)));
    }

    [Fact]
    public void HMinus_DiLiburLebaran_MajuKeHariKerjaSebelumnya()
    {
        // Deadline Wednesday 25 March 2026 (after Idul Fitri): H-1 to H-7 fall between Nyepi and the cuti bersama → Tuesday 17 March.
        var tenggat = new DateOnly(2026, 3, 25);

        Assert.Equal(1, PerencanaPengingatSkp.HariIniUntuk(Kalender, "K", tenggat, new DateOnly(2026, 3, 17)));
        Assert.Equal(14, PerencanaPengingatSkp.HariIniUntuk(Kalender, "K", tenggat, new DateOnly(2026, 3, 11)));
    }
}

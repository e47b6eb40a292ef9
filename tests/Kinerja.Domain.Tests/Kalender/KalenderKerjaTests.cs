using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Tests.Kalender;

/// <summary>The work calendar: SKB 3 Menteri data read strictly, weekends, office days off, working-day arithmetic.</summary>
public sealed class KalenderKerjaTests
{
    private const string Kantor = "KPPN-METRO";
    private static readonly KalenderLibur Nasional = KalenderLibur.Bawaan();
    private static readonly KalenderKerja Kalender = new(Nasional);

    private static DateOnly T(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Data2026_SesuaiSkb_17LiburNasionalDan8CutiBersama()
    {
        var tahun = Assert.Single(Nasional.Tahun, t => t.Tahun == 2026);
        Assert.Equal(KalenderLibur.Keyakinan_Resmi, tahun.Keyakinan);
        Assert.Contains("1497 Tahun 2025", tahun.Sumber, StringComparison.Ordinal);
        Assert.Equal(17, tahun.Hari.Count(h => h.Jenis == JenisLibur.LiburNasional));
        Assert.Equal(8, tahun.Hari.Count(h => h.Jenis == JenisLibur.CutiBersama));
        Assert.Equal([T(2026, 3, 20), T(2026, 3, 23), T(2026, 3, 24)],
            tahun.Hari.Where(h => h.Jenis == JenisLibur.CutiBersama && h.Nama.Contains("Idul Fitri", StringComparison.Ordinal)).Select(h => h.Tanggal));
    }

    [Fact]
    public void Data2027_SesuaiSkb_18LiburNasionalDan8CutiBersama()
    {
        var tahun = Assert.Single(Nasional.Tahun, t => t.Tahun == 2027);
        Assert.Equal(KalenderLibur.Keyakinan_Resmi, tahun.Keyakinan);
        Assert.Contains("15 September 2026", tahun.Sumber, StringComparison.Ordinal);
        Assert.Equal(18, tahun.Hari.Count(h => h.Jenis == JenisLibur.LiburNasional));
        Assert.Equal(8, tahun.Hari.Count(h => h.Jenis == JenisLibur.CutiBersama));
        Assert.DoesNotContain(tahun.Hari, h => h.Perkiraan);
        // Isra Mikraj falls twice in 2027 (1448 H and 1449 H).
        Assert.Equal([T(2027, 1, 5), T(2027, 12, 26)], tahun.Hari.Where(h => h.Nama.StartsWith("Isra Mikraj", StringComparison.Ordinal)).Select(h => h.Tanggal));
        Assert.Equal([T(2027, 3, 9), T(2027, 3, 12), T(2027, 3, 15)],
            tahun.Hari.Where(h => h.Jenis == JenisLibur.CutiBersama && h.Nama.Contains("Idul Fitri", StringComparison.Ordinal)).Select(h => h.Tanggal));
        // 8–15 March 2027: Nyepi, cuti bersama, Idul Fitri twice, cuti bersama, weekend, cuti bersama — the 16th is the first working day.
        Assert.Equal(T(2027, 3, 16), Kalender.HariKerjaBerikut(Kantor, T(2027, 3, 5)));
    }

    [Fact]
    public void Timpaan_MenambahMenghapusDanMenggantiKeyakinanPerTahun_TahunBaruDitambahkan()
    {
        var timpaan = Nasional.DenganTimpaan("""
            {"tahun":[
              {"tahun":2027,"sumber":"Revisi SKB (uji)","keyakinan":"resmi",
               "libur":[{"tanggal":"2027-03-10","nama":"Idul Fitri 1448 Hijriah (digeser)"}],
               "cutiBersama":[{"tanggal":"2027-03-16","nama":"Cuti bersama tambahan"}],
               "hapus":["2027-03-15"]},
              {"tahun":2028,"sumber":"Perkiraan kantor","keyakinan":"perkiraan","libur":[{"tanggal":"2028-01-01","nama":"Tahun Baru 2028 Masehi"}]}
            ]}
            """, "uji.json");
        var kalender = new KalenderKerja(timpaan);

        Assert.True(kalender.HariKerja(Kantor, T(2027, 3, 15)));
        Assert.False(kalender.HariKerja(Kantor, T(2027, 3, 16)));
        Assert.Equal("Idul Fitri 1448 Hijriah (digeser)", timpaan.Cari(T(2027, 3, 10))!.Nama);
        Assert.False(kalender.HariKerja(Kantor, T(2027, 3, 11))); // the rest of the year stays
        Assert.Equal("Revisi SKB (uji)", timpaan.Tahun.Single(t => t.Tahun == 2027).Sumber);
        Assert.Equal("Tahun Baru 2028 Masehi", timpaan.Cari(T(2028, 1, 1))!.Nama);
        Assert.Equal(KalenderLibur.Keyakinan_Perkiraan, timpaan.Tahun.Single(t => t.Tahun == 2028).Keyakinan);
        Assert.Equal(17, timpaan.Tahun.Single(t => t.Tahun == 2026).Hari.Count(h => h.Jenis == JenisLibur.LiburNasional));
    }

    [Theory]
    [InlineData("""{"tahun":[{"tahun":2027,"sumber":"x","keyakinan":"resmi","hapus":["2027-03-17"]}]}""", "tahun[0].hapus[0]: 2027-03-17 tidak ada di kalender bawaan")]
    [InlineData("""{"tahun":[{"tahun":2027,"sumber":"x","keyakinan":"resmi","libur":[{"tanggal":"2027-03-15","nama":"a"}],"hapus":["2027-03-15"]}]}""", "tahun[0].hapus[0]: 2027-03-15 juga ditambahkan di berkas ini")]
    [InlineData("""{"tahun":[{"tahun":2027,"sumber":"x","keyakinan":"resmi","hapus":["2026-12-24"]}]}""", "tahun[0].hapus[0]: 2026-12-24 bukan di tahun 2027")]
    [InlineData("""{"tahun":[{"tahun":2027,"keyakinan":"resmi"}]}""", "tahun[0].sumber: harus teks yang tidak kosong")]
    public void Timpaan_Salah_DitolakMenyebutEntri(string json, string pesan)
    {
        var e = Assert.Throws<KalenderTidakValidException>(() => Nasional.DenganTimpaan(json, "timpaan.json"));
        Assert.Contains(pesan, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BerkasBawaan_TidakBolehMemakaiHapus() =>
        Assert.Contains("tahun[0].hapus: kunci tidak dikenal", Assert.Throws<KalenderTidakValidException>(() => KalenderLibur.Baca(
            """{"tahun":[{"tahun":2026,"sumber":"x","keyakinan":"resmi","libur":[],"cutiBersama":[],"hapus":[]}]}""", "uji.json")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(2026, 9, 30, new int[0])]
    [InlineData(2026, 12, 4, new int[0])] // 2027 is in, from its decree
    [InlineData(2027, 9, 30, new int[0])]
    [InlineData(2027, 10, 1, new[] { 2028 })] // from 1 October next year's decree is due
    [InlineData(2028, 2, 1, new[] { 2028 })] // a year without data is always reported
    public void PerluDiperbarui_TahunIniDanMulai1OktoberTahunDepan(int y, int m, int d, int[] tahun) =>
        Assert.Equal(tahun, Nasional.PerluDiperbarui(T(y, m, d)).Select(t => t.Tahun));

    [Fact]
    public void PerluDiperbarui_TahunPerkiraan_DisebutDenganKeyakinannya()
    {
        var perkiraan = Nasional.DenganTimpaan("""{"tahun":[{"tahun":2027,"sumber":"x","keyakinan":"perkiraan"}]}""", "uji.json");

        Assert.Equal([(2027, (string?)KalenderLibur.Keyakinan_Perkiraan)], perkiraan.PerluDiperbarui(T(2026, 10, 1)));
        Assert.Empty(perkiraan.PerluDiperbarui(T(2026, 9, 30)));
    }

    [Theory]
    [InlineData(2026, 3, 20, false)] // cuti bersama Idul Fitri (Friday)
    [InlineData(2026, 8, 17, false)] // Proklamasi (Monday)
    [InlineData(2026, 12, 24, false)] // cuti bersama Natal
    [InlineData(2026, 11, 28, false)] // Saturday
    [InlineData(2026, 11, 29, false)] // Sunday
    [InlineData(2026, 11, 30, true)]
    [InlineData(2026, 3, 25, true)]
    [InlineData(2030, 6, 3, true)] // a year without data: only weekends are off
    public void HariKerja_SeninSampaiJumatKecualiLiburDanCutiBersama(int y, int m, int d, bool kerja) =>
        Assert.Equal(kerja, Kalender.HariKerja(Kantor, T(y, m, d)));

    [Fact]
    public void LiburKantor_HanyaBerlakuUntukKantorItu_DanAkhirPekanTetapLibur()
    {
        var kalender = new KalenderKerja(Nasional, [(Kantor, new HariLibur(T(2026, 12, 1), "HUT daerah", JenisLibur.LiburNasional))]);

        Assert.False(kalender.HariKerja(Kantor, T(2026, 12, 1)));
        Assert.Equal(JenisLibur.LiburKantor, kalender.Libur(Kantor, T(2026, 12, 1))!.Jenis);
        Assert.True(kalender.HariKerja("KPPN-LAIN", T(2026, 12, 1)));
        Assert.False(kalender.HariKerja(Kantor, T(2026, 12, 5)));
    }

    [Fact]
    public void HariKerjaBerikut_MelompatiAkhirPekanDanLebaran()
    {
        // Thursday 19 March 2026 is Nyepi; Friday cuti bersama, the weekend is Idul Fitri, Monday and Tuesday cuti bersama.
        Assert.Equal(T(2026, 3, 25), Kalender.HariKerjaBerikut(Kantor, T(2026, 3, 17)));
        Assert.Equal(T(2026, 3, 17), Kalender.HariKerjaPadaAtauSebelum(Kantor, T(2026, 3, 22)));
        Assert.Equal(T(2026, 11, 30), Kalender.HariKerjaBerikut(Kantor, T(2026, 11, 27)));
    }

    [Fact]
    public void TambahDanHitungHariKerja_SalingMembalik()
    {
        Assert.Equal(T(2026, 3, 26), Kalender.TambahHariKerja(Kantor, T(2026, 3, 16), 3)); // 17, 25, 26
        Assert.Equal(3, Kalender.HitungHariKerja(Kantor, T(2026, 3, 16), T(2026, 3, 26)));
        Assert.Equal(0, Kalender.HitungHariKerja(Kantor, T(2026, 3, 26), T(2026, 3, 16)));
        Assert.Equal(T(2026, 3, 16), Kalender.TambahHariKerja(Kantor, T(2026, 3, 16), 0));
        for (var n = 0; n < 40; n++)
        {
            var d = Kalender.TambahHariKerja(Kantor, T(2026, 12, 1), n);
            Assert.Equal(n, Kalender.HitungHariKerja(Kantor, T(2026, 12, 1), d));
        }
    }

    [Fact]
    public void TenggatCpnsBaru_15HariKerjaSetelahMulai()
    {
        // TMT CPNS March 2026 in the NIP; starts on Monday 16 March 2026: 17, 25, 26, 27, 30, 31 March, 1, 2, 6, 7, 8, 9, 10, 13, 14 April (3 April is Good Friday).
        var cpns = new Pegawai(Nip.Parse("200010312026032001"), "CPNS", "c@x", "CPNS", Kantor, null, false, T(2026, 3, 16));
        var tenggat = TenggatSkp.UntukPegawai(2026, cpns, Kalender, Kantor);

        Assert.True(TenggatSkp.CpnsBaru(cpns));
        Assert.Equal(T(2026, 4, 14), tenggat.Tanggal);
        Assert.True(tenggat.KarenaMulaiTengahTahun);
        Assert.Equal(TenggatSkp.HariSetelahMulai, Kalender.HitungHariKerja(Kantor, T(2026, 3, 16), tenggat.Tanggal));
    }

    [Fact]
    public void TenggatPindahan_Tetap15HariKalender()
    {
        var pindahan = new Pegawai(Nip.Parse("199004162011121002"), "Pindahan", "p@x", "Pelaksana", Kantor, null, false, T(2026, 3, 16));

        Assert.False(TenggatSkp.CpnsBaru(pindahan));
        Assert.Equal(T(2026, 3, 31), TenggatSkp.UntukPegawai(2026, pindahan, Kalender, Kantor).Tanggal);
        Assert.Equal(T(2026, 1, 31), TenggatSkp.UntukPegawai(2026, pindahan with { TanggalMulai = null }, Kalender, Kantor).Tanggal);
    }

    [Fact]
    public void TenggatMulaiTahunDepan_TidakMengubahTenggatTahunIni()
    {
        var cpns = new Pegawai(Nip.Parse("200010312027032001"), "CPNS", "c@x", "CPNS", Kantor, null, false, T(2027, 3, 1));

        Assert.Equal(T(2026, 1, 31), TenggatSkp.UntukPegawai(2026, cpns, Kalender, Kantor).Tanggal);
    }

    [Theory]
    [InlineData("""{"tahun":[{"tahun":2026,"sumber":"x","keyakinan":"resmi","libur":[{"tanggal":"2027-01-01","nama":"a"}],"cutiBersama":[]}]}""", "tahun[0].libur[0].tanggal: 2027-01-01 bukan di tahun 2026")]
    [InlineData("""{"tahun":[{"tahun":2026,"sumber":"x","keyakinan":"resmi","libur":[{"tanggal":"2026-02-30","nama":"a"}],"cutiBersama":[]}]}""", "tahun[0].libur[0].tanggal: '2026-02-30' bukan tanggal")]
    [InlineData("""{"tahun":[{"tahun":2026,"sumber":"x","keyakinan":"resmi","libur":[{"tanggal":"2026-01-01","nama":"a"}],"cutiBersama":[{"tanggal":"2026-01-01","nama":"b"}]}]}""", "tahun[0].cutiBersama[0].tanggal: 2026-01-01 sudah ada")]
    [InlineData("""{"tahun":[{"tahun":2026,"sumber":"x","keyakinan":"resmi","libur":[],"cutiBersama":[],"hariRaya":[]}]}""", "tahun[0].hariRaya: kunci tidak dikenal")]
    [InlineData("""{"tahun":[{"tahun":2026,"sumber":"x","keyakinan":"mungkin","libur":[],"cutiBersama":[]}]}""", "tahun[0].keyakinan: 'mungkin' tidak dikenal")]
    [InlineData("""{"tahun":[{"tahun":2026,"sumber":"","keyakinan":"resmi","libur":[{"tanggal":"2026-01-01","nama":"a","perkiraan":"ya"}],"cutiBersama":[]}]}""", "tahun[0].libur[0].perkiraan: harus true atau false")]
    [InlineData("""{"tahun":[{"tahun":2026,"sumber":"x","keyakinan":"resmi","libur":[],"cutiBersama":[]},{"tahun":2026,"sumber":"x","keyakinan":"resmi","libur":[],"cutiBersama":[]}]}""", "tahun[1].tahun: 2026 muncul dua kali")]
    public void Baca_BerkasSalah_DitolakMenyebutKunci(string json, string pesan)
    {
        var e = Assert.Throws<KalenderTidakValidException>(() => KalenderLibur.Baca(json, "uji.json"));
        Assert.Contains(pesan, e.Message, StringComparison.Ordinal);
        Assert.IsType<DomainException>(e, exactMatch: false);
    }
}

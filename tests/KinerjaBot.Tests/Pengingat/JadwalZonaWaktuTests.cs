using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Pengiriman;
using Kinerja.Testing.Builders;
using Kinerja.Testing.CardLint;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Pengingat;

/// <summary>
/// The daily run in WIB, WITA and WIT with a fake clock: it works on the office's local date, skips weekends, national
/// holidays, cuti bersama and the office's own days off, and the SKP reminders land on the right working days.
/// </summary>
public sealed class JadwalZonaWaktuTests
{
    public static TheoryData<string> Zona => new() { "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura" };

    /// <summary>An office in one zone: a head, a Kasubbag and a pelaksana whose 2027 SKP is a draft.</summary>
    internal static DataKantor Kantor(string kode, string zona) => Kantor(kode, zona, tahunKontrak: 2027);

    /// <summary>
    /// That office with its contracts of <paramref name="tahunKontrak"/> only (2027: the pelaksana's a draft, the
    /// Kasubbag's approved; another year: the 2027 rows of iku.csv were never imported).
    /// </summary>
    private static DataKantor Kantor(string kode, string zona, int tahunKontrak)
    {
        Assert.True(ZonaWaktu.TryParse(zona, out var z));
        var draft = KontrakBuilder.Untuk(NipContoh.Pelaksana).Tahun(tahunKontrak);
        var disetujui = KontrakBuilder.Untuk(NipContoh.KasubbagUmum).Tahun(tahunKontrak);
        if (tahunKontrak == 2027)
        {
            draft = draft.Status(StatusSkp.Draft);
            disetujui = disetujui.Status(StatusSkp.Disetujui);
        }

        return new DataKantorBuilder().Zona(z)
            .Unit(kode, LevelUnit.Three).Unit(kode + "-UMUM", LevelUnit.Four, kode)
            .Kepala(kode, NipContoh.KepalaKppn)
            .Kepala(kode + "-UMUM", NipContoh.KasubbagUmum, NipContoh.KepalaKppn)
            .Pelaksana(kode + "-UMUM", NipContoh.Pelaksana, NipContoh.KasubbagUmum)
            .Kontrak(draft.DenganIku(IkuBuilder.Maximize().DenganTarget(1, 100)))
            .Kontrak(disetujui.DenganIku(IkuBuilder.Maximize().DenganTarget(1, 100)))
            .Build();
    }

    [Theory]
    [MemberData(nameof(Zona))]
    public async Task PengingatSkp_JatuhPadaHariKerjaTerakhirSebelumHMinus_TenggatMinggu31Januari2027(string zona)
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 4, 8, zona));
        await h.SimpanAsync(Kantor("KPPN-UJI", zona));

        var perHari = new Dictionary<DateOnly, string[]>();
        for (var d = new DateOnly(2027, 1, 4); d <= new DateOnly(2027, 1, 31); d = d.AddDays(1))
        {
            h.Pada(d.Year, d.Month, d.Day, 8, zona);
            var sebelum = h.Pengiriman.Buku.Count;
            var hasil = await h.JalankanAsync("KPPN-UJI");
            if (hasil is null)
            {
                perHari[d] = ["libur"];
                continue;
            }

            var baru = h.Pengiriman.Buku.Skip(sebelum).Select(r => r.Kunci).Where(k => k.Jenis == JenisPengiriman.PengingatSkp).ToList();
            if (baru.Count > 0)
            {
                perHari[d] = [.. baru.Select(k => k.Kurun).Distinct()];
                // The approved contract's owner is never reminded; the draft's owner and the two without a 2027 contract are.
                Assert.DoesNotContain(baru, k => k.Penerima == NipContoh.KasubbagUmum);
                Assert.Equal(2, baru.Count);
            }
        }

        // 31 Jan 2027 is a Sunday: H-1 (Sat 30) → Fri 29, H-3 Thu 28, H-7 (Sun 24) → Fri 22, H-14 (Sun 17) → Fri 15.
        Assert.Equal(["2027-H14"], perHari[new DateOnly(2027, 1, 15)]);
        Assert.Equal(["2027-H7"], perHari[new DateOnly(2027, 1, 22)]);
        Assert.Equal(["2027-H3"], perHari[new DateOnly(2027, 1, 28)]);
        Assert.Equal(["2027-H1"], perHari[new DateOnly(2027, 1, 29)]);
        // Weekends and Isra Mikraj (5 January 2027, SKB) are skipped.
        Assert.Equal(["libur"], perHari[new DateOnly(2027, 1, 5)]);
        Assert.Equal(["libur"], perHari[new DateOnly(2027, 1, 9)]);
        Assert.Equal(["libur"], perHari[new DateOnly(2027, 1, 31)]);
        Assert.Equal(9, perHari.Count(p => p.Value is ["libur"])); // four weekends and 5 January
    }

    public static TheoryData<string> ZonaKontrakBelumDimuat => new() { "Asia/Jakarta", "Asia/Makassar" };

    /// <summary>Two coordinators configured for the office (the builder's units are not named Subbagian Umum).</summary>
    private static Dictionary<string, string?> DuaKoordinator(string kode) => new()
    {
        [$"Kinerja:Koordinator:Kantor:{kode}:0"] = NipContoh.KasubbagUmum.Value,
        [$"Kinerja:Koordinator:Kantor:{kode}:1"] = NipContoh.KepalaKppn.Value,
    };

    [Fact]
    public async Task KontrakTahunIniBelumDimuat_TanpaKoordinator_TidakAdaYangDikirim_OperatorDiperingatkan()
    {
        // No coordinator configured, and the builder's units are not named Subbagian Umum: nobody to alert in Teams.
        var log = new Auth.CapturedLogs();
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 15, 8, "Asia/Jakarta"), new Dictionary<string, string?>(),
            s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(log));
        await h.SimpanAsync(Kantor("KPPN-UJI", "Asia/Jakarta", tahunKontrak: 2026));

        await h.JalankanAsync("KPPN-UJI");

        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.KontrakBelumDimuat));
        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp));
        var w = Assert.Single(log.Entries, e => e.EventId == 9542);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, w.Level);
        Assert.Contains("KPPN-UJI", w.Message, StringComparison.Ordinal);
        Assert.Contains("2027", w.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ZonaKontrakBelumDimuat))]
    public async Task KontrakTahunIniBelumDimuat_HMinus_KeSetiapKoordinator_BukanKePegawai_DilewatiSetelahDiimpor(string zona)
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 14, 8, zona), DuaKoordinator("KPPN-UJI"));
        await h.SimpanAsync(Kantor("KPPN-UJI", zona, tahunKontrak: 2026));

        // Thursday 14 January is a working day but no H-n of 31 January (a Sunday: H-14 is moved back to Friday 15th).
        Assert.NotNull(await h.JalankanAsync("KPPN-UJI"));
        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.KontrakBelumDimuat));
        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp));

        h.Pada(2027, 1, 15, 8, zona);
        await h.JalankanAsync("KPPN-UJI");
        var kedua = await h.JalankanAsync("KPPN-UJI");

        var peringatan = h.Pengiriman.Jenis(JenisPengiriman.KontrakBelumDimuat);
        Assert.Equal(new[] { NipContoh.KasubbagUmum, NipContoh.KepalaKppn }.OrderBy(n => n.Value), peringatan.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.All(peringatan, k => Assert.Equal("2027-H14", k.Kurun));
        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp)); // nobody can submit: the employees are not reminded
        Assert.Equal(0, kedua!.Baru);

        var pesan = await h.SusunAsync(peringatan[0]);
        Assert.NotNull(pesan);
        Assert.True(pesan.BisaDitunda);
        var teks = Support.CardJson.AllText(pesan.Kartu.ToJson());
        Assert.Contains("tidak ada pegawai yang dapat mengajukan SKP 2027", teks, StringComparison.Ordinal);
        Assert.Contains("31 Januari 2027", teks, StringComparison.Ordinal);
        // Working days from Friday 15 January (included) to Sunday 31st: 15, 18–22, 25–29.
        Assert.Contains("11 hari kerja lagi, termasuk hari ini", teks, StringComparison.Ordinal);
        Assert.Contains("3 orang", teks, StringComparison.Ordinal);
        Assert.Contains("KinerjaBot import", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(pesan.Kartu.ToJson().ToJsonString());

        // The 2027 contracts are imported before the alert is sent: it is not needed any more.
        await h.SimpanAsync(Kantor("KPPN-UJI", zona));
        Assert.Null(await h.SusunAsync(peringatan[0]));
        Assert.Null(await h.SusunAsync(peringatan[1]));

        // From then on the employees are reminded as usual and the coordinators are not alerted again.
        h.Pada(2027, 1, 22, 8, zona);
        await h.JalankanAsync("KPPN-UJI");
        var pengingat = h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp);
        Assert.Equal([NipContoh.KepalaKppn, NipContoh.Pelaksana], pengingat.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.All(pengingat, k => Assert.Equal("2027-H7", k.Kurun));
        Assert.Equal(2, h.Pengiriman.Jenis(JenisPengiriman.KontrakBelumDimuat).Count);
    }

    [Theory]
    [MemberData(nameof(ZonaKontrakBelumDimuat))]
    public async Task KontrakTahunIniBelumDimuat_HariBukanHMinus_TidakAdaApaPun_HMinusLainMasingMasingSekali(string zona)
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 4, 8, zona), DuaKoordinator("KPPN-UJI"));
        await h.SimpanAsync(Kantor("KPPN-UJI", zona, tahunKontrak: 2026));

        var perHari = new Dictionary<DateOnly, List<string>>();
        for (var d = new DateOnly(2027, 1, 4); d <= new DateOnly(2027, 2, 5); d = d.AddDays(1))
        {
            h.Pada(d.Year, d.Month, d.Day, 8, zona);
            var sebelum = h.Pengiriman.Buku.Select(r => r.Kunci).ToHashSet();
            await h.JalankanAsync("KPPN-UJI");
            var baru = h.Pengiriman.Jenis(JenisPengiriman.KontrakBelumDimuat).Where(k => !sebelum.Contains(k)).ToList();
            if (baru.Count > 0)
            {
                Assert.Equal(2, baru.Count);
                perHari[d] = [.. baru.Select(k => k.Kurun).Distinct()];
            }
        }

        // The same days as the employees' reminders (31 January 2027 is a Sunday): H-14 Fri 15, H-7 Fri 22, H-3 Thu 28,
        // H-1 Fri 29; nothing on any other day, nothing after the deadline.
        Assert.Equal(
            new Dictionary<DateOnly, List<string>>
            {
                [new(2027, 1, 15)] = ["2027-H14"], [new(2027, 1, 22)] = ["2027-H7"], [new(2027, 1, 28)] = ["2027-H3"], [new(2027, 1, 29)] = ["2027-H1"],
            },
            perHari);
        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp));
    }

    [Fact]
    public async Task PengingatSkp_TenggatPribadiCpnsBaru15HariKerja_HMinusLewatPerencanaHarian()
    {
        // A new CPNS (TMT CPNS July 2027 in the NIP) starts on Monday 5 July 2027: the deadline is 15 working days later,
        // Monday 26 July. H-14 = 12 July, H-7 = 19 July, H-3 = Friday 23 July, H-1 = Sunday 25 July → moved back to
        // Friday 23 July, where only the more urgent H-1 goes.
        var cpns = Nip.Parse("199901012027071001");
        var data = Kantor("KPPN-UJI", "Asia/Jakarta");
        data.TambahPegawai(new Pegawai(cpns, "Citra Ayu Lestari", "citra.lestari@kemenkeu.example", "CPNS Pelaksana", "KPPN-UJI-UMUM",
            NipContoh.KasubbagUmum, false, new DateOnly(2027, 7, 5)));
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 7, 1, 8));
        await h.SimpanAsync(data);

        var perHari = new Dictionary<DateOnly, string>();
        PesanTerjadwal? pesan = null;
        for (var d = new DateOnly(2027, 7, 1); d <= new DateOnly(2027, 7, 30); d = d.AddDays(1))
        {
            h.Pada(d.Year, d.Month, d.Day, 8);
            var sebelum = h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp).Where(k => k.Penerima == cpns).Select(k => k.Kurun).ToHashSet();
            await h.JalankanAsync("KPPN-UJI");
            foreach (var k in h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp).Where(k => k.Penerima == cpns && !sebelum.Contains(k.Kurun)))
            {
                perHari.Add(d, k.Kurun);
                pesan = await h.SusunAsync(k);
            }
        }

        Assert.Equal(
            new Dictionary<DateOnly, string> { [new(2027, 7, 12)] = "2027-H14", [new(2027, 7, 19)] = "2027-H7", [new(2027, 7, 23)] = "2027-H1" },
            perHari);
        // The last one built (H-1, on 23 July) names the personal deadline.
        Assert.Contains("26 Juli 2027", Support.CardJson.AllText(pesan!.Kartu.ToJson()), StringComparison.Ordinal);
        Assert.True(pesan.BisaDitunda);
    }

    [Fact]
    public async Task SatuSaatYangSama_HariLokalBerbedaPerZona()
    {
        // 14 Jan 2027 16:30 UTC is Thursday 23:30 WIB but Friday 00:30 WITA and 01:30 WIT: only the eastern offices are at H-14.
        var saat = new DateTimeOffset(2027, 1, 14, 16, 30, 0, TimeSpan.Zero);
        var hasil = new Dictionary<string, int>();
        foreach (var zona in new[] { "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura" })
        {
            using var h = new PengingatHarness(saat);
            await h.SimpanAsync(Kantor("KPPN-UJI", zona));
            await h.JalankanAsync("KPPN-UJI");
            hasil[zona] = h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp).Count;
        }

        Assert.Equal(0, hasil["Asia/Jakarta"]);
        Assert.Equal(2, hasil["Asia/Makassar"]);
        Assert.Equal(2, hasil["Asia/Jayapura"]);
    }

    [Theory]
    [InlineData("Asia/Makassar", 2026, 3, 20, false)] // cuti bersama Idul Fitri
    [InlineData("Asia/Makassar", 2026, 3, 23, false)] // cuti bersama Idul Fitri
    [InlineData("Asia/Jayapura", 2026, 8, 17, false)] // Proklamasi
    [InlineData("Asia/Jakarta", 2026, 12, 24, false)] // cuti bersama Natal
    [InlineData("Asia/Jakarta", 2026, 11, 28, false)] // Saturday
    [InlineData("Asia/Makassar", 2026, 3, 25, true)]
    [InlineData("Asia/Jayapura", 2026, 12, 23, true)]
    public async Task HarianJob_TidakBerjalanPadaLiburCutiBersamaDanAkhirPekan(string zona, int y, int m, int d, bool berjalan)
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(y, m, d, 8, zona));
        await h.SimpanAsync(Kantor("KPPN-UJI", zona));

        var hasil = await h.JalankanAsync("KPPN-UJI");

        Assert.Equal(berjalan, hasil is not null);
    }

    [Fact]
    public async Task LiburKantorDariKonfigurasi_HanyaKantorItu_DanPengingatMajuSehari()
    {
        var konfigurasi = new Dictionary<string, string?>
        {
            ["Kinerja:Kalender:LiburKantor:0:Kantor"] = "KPPN-WIT",
            ["Kinerja:Kalender:LiburKantor:0:Tanggal"] = "2027-01-15",
            ["Kinerja:Kalender:LiburKantor:0:Nama"] = "Hari jadi kota",
        };
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 14, 8, "Asia/Jayapura"), konfigurasi);
        await h.SimpanAsync(Kantor("KPPN-WIT", "Asia/Jayapura"));

        var kamis = await h.JalankanAsync("KPPN-WIT");
        h.Pada(2027, 1, 15, 8, "Asia/Jayapura");
        var jumat = await h.JalankanAsync("KPPN-WIT");

        Assert.NotNull(kamis);
        Assert.Null(jumat);
        Assert.All(h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp), k => Assert.Equal("2027-H14", k.Kurun));
        Assert.Equal(2, h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp).Count);
    }
}

using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Testing.CardLint;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Pengingat;

/// <summary>
/// The SKP planners against the demo office (KPPN Metro, 2027 contracts draft/diajukan/dikembalikan): who gets what,
/// exactly once, and skip-if-done when the message is built at send time.
/// </summary>
public sealed class PerencanaSkpDemoTests
{
    private const string Kantor = "KPPN-METRO";
    private static readonly Nip Putri = Nip.Parse("199909142021072001"); // 2027 dikembalikan
    private static readonly Nip Nurul = Nip.Parse("199611192019032005"); // 2027 draft
    private static readonly Nip Lestari = Nip.Parse("199312012015032004"); // 2027 diajukan
    private static readonly Nip Fajar = Nip.Parse("199806212020031006"); // 2027 diajukan
    private static readonly Nip Bagus = Nip.Parse("198211052003121004");

    private static async Task<PengingatHarness> DemoAsync()
    {
        // Imported on Monday 4 January 2027, 09:00 WIB: the demo's diajukan contracts are seeded as submitted that day.
        var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 4, 9));
        await h.ImporDemoAsync();
        return h;
    }

    private static readonly Nip Ratna = Nip.Parse("198407222006122001"); // Kepala Subbagian Umum: the demo's coordinator
    private static readonly string[] TabelTahunan = ["iku.csv", "target.csv", "realisasi.csv", "perilaku.csv", "skp.csv", "inisiatif.csv"];

    /// <summary>The demo office as if its 2027 rows had never been imported: every table of a year without 2027.</summary>
    private static void TulisDemoTanpaTahun(string folder, int tahun)
    {
        foreach (var berkas in Directory.GetFiles(Kinerja.Testing.RepoPaths.DemoData, "*.csv"))
        {
            var baris = File.ReadAllLines(berkas);
            var nama = Path.GetFileName(berkas);
            File.WriteAllLines(Path.Combine(folder, nama), TabelTahunan.Contains(nama) ? [baris[0], .. baris.Skip(1).Where(b => !b.StartsWith($"{tahun},", StringComparison.Ordinal))] : baris);
        }
    }

    /// <summary>
    /// What the alert tells the coordinator to import: the current unit.csv and pegawai.csv, iku.csv and target.csv with
    /// only the year's rows (skp.csv too, to seed its states), realisasi.csv and perilaku.csv with their header only.
    /// </summary>
    private static void TulisImporSatuTahun(string folder, int tahun)
    {
        foreach (var nama in (string[])["unit.csv", "pegawai.csv", "iku.csv", "target.csv", "skp.csv", "realisasi.csv", "perilaku.csv"])
        {
            var baris = File.ReadAllLines(Path.Combine(Kinerja.Testing.RepoPaths.DemoData, nama));
            File.WriteAllLines(Path.Combine(folder, nama), nama switch
            {
                "unit.csv" or "pegawai.csv" => baris,
                "realisasi.csv" or "perilaku.csv" => [baris[0]],
                _ => [baris[0], .. baris.Skip(1).Where(b => b.StartsWith($"{tahun},", StringComparison.Ordinal))],
            });
        }
    }

    private static MomenKantor Momen(PengingatHarness h)
    {
        var lokal = TimeZoneInfo.ConvertTime(h.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        return new MomenKantor(h.Time.GetUtcNow(), "Asia/Jakarta", DateOnly.FromDateTime(lokal.DateTime));
    }

    [Fact]
    public async Task PengingatH1_KeSemuaYangBelumMengajukan_SekaliSaja()
    {
        using var h = await DemoAsync();
        h.Pada(2027, 1, 29, 8);

        var pertama = await h.JalankanAsync(Kantor);
        var kedua = await h.JalankanAsync(Kantor);

        var sudah = DemoCsv.DenganStatus(2027, "diajukan", "disetujui");
        var diharapkan = DemoCsv.Pegawai.Except(sudah).OrderBy(n => n.Value).ToList();
        var terencana = h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp);
        Assert.Equal(diharapkan, terencana.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.All(terencana, k => Assert.Equal("2027-H1", k.Kurun));
        Assert.DoesNotContain(terencana, k => k.Penerima == Lestari);
        Assert.True(pertama!.Baru >= diharapkan.Count); // other kinds are due that day too
        Assert.Equal(0, kedua!.Baru);
        Assert.Equal(pertama.Baru, kedua.SudahAda);
    }

    [Fact]
    public async Task PengingatSkp_DisusunSaatKirim_DilewatiSetelahDiajukan()
    {
        using var h = await DemoAsync();
        h.Pada(2027, 1, 29, 8);
        await h.JalankanAsync(Kantor);

        var putri = await h.SusunAsync(new KunciPengiriman(JenisPengiriman.PengingatSkp, "2027-H1", Kantor, Putri));
        var nurul = await h.SusunAsync(new KunciPengiriman(JenisPengiriman.PengingatSkp, "2027-H1", Kantor, Nurul));
        Assert.NotNull(putri);
        Assert.True(putri.BisaDitunda);
        var teks = CardJson.AllText(putri.Kartu.ToJson());
        Assert.True(teks.Contains("dikembalikan atasan", StringComparison.Ordinal), teks);
        Assert.Contains("31 Januari 2027", teks, StringComparison.Ordinal);
        Assert.Contains("(2 hari lagi)", putri.Ringkasan, StringComparison.Ordinal); // H-1 fell on Friday: the deadline is Sunday
        await CardLinter.Shared.AssertValidAsync(putri.Kartu.ToJson().ToJsonString());

        // Nurul submits her draft in the afternoon: the reminder still in the ledger is not needed any more.
        var skp = (await h.Kontrak.MuatAsync(new KunciSkp(Kantor, 2027, Nurul), CancellationToken.None))!;
        skp.Ajukan(new Pelaku(Nurul, "Nurul Fadhilah"), Momen(h), true, Saluran.Teams);
        Assert.True((await h.Kontrak.SimpanAsync(skp, CancellationToken.None)).Tersimpan);

        Assert.NotNull(nurul);
        Assert.Null(await h.SusunAsync(new KunciPengiriman(JenisPengiriman.PengingatSkp, "2027-H1", Kantor, Nurul)));
    }

    [Fact]
    public async Task Kontrak2027BelumDiimpor_H14KeKoordinator_ImporTahunItuSaja_PeringatanDilewati_PegawaiDiingatkanLagi()
    {
        var folder = Directory.CreateTempSubdirectory("kinerja-tanpa-2027-").FullName;
        var impor = Directory.CreateTempSubdirectory("kinerja-impor-2027-").FullName;
        try
        {
            TulisDemoTanpaTahun(folder, 2027);
            TulisImporSatuTahun(impor, 2027);
            using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 4, 9));
            var importer = h.Services.GetRequiredService<KinerjaBot.Import.KantorImporter>();
            await importer.ImporAsync(folder, CancellationToken.None);
            Assert.Equal([2026], (await h.Kantor.MuatAsync(Kantor, CancellationToken.None))!.TahunKontrak);

            // Friday 15 January 2027: H-14 of Sunday 31 January.
            h.Pada(2027, 1, 15, 8);
            await h.JalankanAsync(Kantor);

            var peringatan = Assert.Single(h.Pengiriman.Jenis(JenisPengiriman.KontrakBelumDimuat));
            Assert.Equal(new KunciPengiriman(JenisPengiriman.KontrakBelumDimuat, "2027-H14", Kantor, Ratna), peringatan);
            Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp));
            var pesan = (await h.SusunAsync(peringatan))!;
            Assert.StartsWith($"Kontrak kinerja (IKU) 2027 KPPN Metro belum dimuat: {DemoCsv.Pegawai.Count} pegawai belum dapat mengajukan SKP 2027. Tenggat 31 Januari 2027", pesan.Ringkasan, StringComparison.Ordinal);
            Assert.True(pesan.BisaDitunda);
            Assert.Contains("Yth. Ratna Dewi Anggraini,", CardJson.AllText(pesan.Kartu.ToJson()), StringComparison.Ordinal);

            // The coordinator does what the card says: only the 2027 rows, realisasi/perilaku with their header only.
            h.Pada(2027, 1, 15, 10);
            await importer.ImporAsync(impor, CancellationToken.None);
            var data = (await h.Kantor.MuatAsync(Kantor, CancellationToken.None))!;
            Assert.Equal([2026, 2027], data.TahunKontrak); // the 2026 year is kept
            Assert.NotNull(data.PeriodeTerakhirDenganRealisasi(2026));
            Assert.Null(await h.SusunAsync(peringatan));

            // Friday 22 January (H-7): the employees who have not submitted are reminded; the coordinator is not alerted again.
            h.Pada(2027, 1, 22, 8);
            await h.JalankanAsync(Kantor);
            var belum = DemoCsv.Pegawai.Except(DemoCsv.DenganStatus(2027, "diajukan", "disetujui")).OrderBy(n => n.Value);
            Assert.Equal(belum, h.Pengiriman.Jenis(JenisPengiriman.PengingatSkp).Select(k => k.Penerima).OrderBy(n => n.Value));
            Assert.Single(h.Pengiriman.Jenis(JenisPengiriman.KontrakBelumDimuat));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            Directory.Delete(impor, recursive: true);
        }
    }

    [Fact]
    public async Task RekapKoordinator_JanuariTanpaKontrakTahunItu_MenyatakannyaDiAtas_BukanDaftarKosong()
    {
        var folder = Directory.CreateTempSubdirectory("kinerja-tanpa-2027-").FullName;
        try
        {
            TulisDemoTanpaTahun(folder, 2027);
            // Monday 11 January 2027, the first working day of ISO week 2.
            using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2027, 1, 11, 8));
            await h.Services.GetRequiredService<KinerjaBot.Import.KantorImporter>().ImporAsync(folder, CancellationToken.None);

            await h.JalankanAsync(Kantor);

            var rekap = Assert.Single(h.Pengiriman.Jenis(JenisPengiriman.RekapKoordinator));
            Assert.Equal(Ratna, rekap.Penerima);
            var pesan = (await h.SusunAsync(rekap))!;
            Assert.StartsWith($"Rekap SKP 2027 KPPN Metro: Kontrak kinerja (IKU) 2027 KPPN Metro belum dimuat: {DemoCsv.Pegawai.Count} pegawai belum dapat mengajukan SKP 2027. Tenggat 31 Januari 2027 (",
                pesan.Ringkasan, StringComparison.Ordinal);
            var kartu = pesan.Kartu.ToJson();
            var body = kartu["body"]!.AsArray();
            // Right under the heading and the date line, before any list.
            Assert.Contains("tidak ada pegawai yang dapat mengajukan SKP 2027", body[2]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
            var teks = CardJson.AllText(kartu);
            Assert.DoesNotContain("Belum mengajukan SKP", teks, StringComparison.Ordinal);
            Assert.DoesNotContain("Menunggu persetujuan atasan", teks, StringComparison.Ordinal);
            Assert.Contains("Tidak dapat dihubungi KinerjaBot", teks, StringComparison.Ordinal);
            await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Persetujuan_Setelah2HariKerjaKeAtasan_5HariKerjaKeAtasanPejabatPenilai()
    {
        using var h = await DemoAsync();
        var diajukan = DemoCsv.DenganStatus(2027, "diajukan");

        // 5 January 2027 is Isra Mikraj (SKB): the second working day after the 4th is the 7th.
        h.Pada(2027, 1, 5, 8);
        Assert.Null(await h.JalankanAsync(Kantor));
        h.Pada(2027, 1, 6, 8);
        await h.JalankanAsync(Kantor);
        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.PersetujuanSkp));
        h.Pada(2027, 1, 7, 8);
        await h.JalankanAsync(Kantor);
        var pengingat = h.Pengiriman.Jenis(JenisPengiriman.PersetujuanSkp);
        Assert.Equal(diajukan.Count, pengingat.Count);
        Assert.Equal(diajukan.Select(n => DemoCsv.Atasan(n)!.Value).OrderBy(n => n.Value), pengingat.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.Contains(pengingat, k => k.Kurun == $"2027-{Lestari.Value}-v1" && k.Penerima == Bagus);

        foreach (var (y, m, d) in new[] { (2027, 1, 8), (2027, 1, 11) })
        {
            h.Pada(y, m, d, 8);
            await h.JalankanAsync(Kantor);
        }

        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.EskalasiSkp));
        h.Pada(2027, 1, 12, 8);
        await h.JalankanAsync(Kantor);
        var eskalasi = h.Pengiriman.Jenis(JenisPengiriman.EskalasiSkp);
        Assert.Equal(diajukan.Select(n => DemoCsv.Atasan(DemoCsv.Atasan(n)!.Value)!.Value).OrderBy(n => n.Value), eskalasi.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.Equal(diajukan.Count, h.Pengiriman.Jenis(JenisPengiriman.PersetujuanSkp).Count); // still one nudge each

        // At send time: Bagus approved Lestari's contract; Fajar's still waits.
        var data = (await h.Kantor.MuatAsync(Kantor, CancellationToken.None))!;
        var skp = (await h.Kontrak.MuatAsync(new KunciSkp(Kantor, 2027, Lestari), CancellationToken.None))!;
        var izin = OtorisasiSkp.PeriksaKeputusan(data, skp, Bagus, [], new DateOnly(2027, 1, 12)).Izin!;
        Assert.True(skp.Setujui(izin, Momen(h), 1, Saluran.Teams).Berhasil);
        Assert.True((await h.Kontrak.SimpanAsync(skp, CancellationToken.None)).Tersimpan);

        Assert.Null(await h.SusunAsync(pengingat.Single(k => k.Kurun.Contains(Lestari.Value, StringComparison.Ordinal))));
        Assert.Null(await h.SusunAsync(eskalasi.Single(k => k.Kurun.Contains(Lestari.Value, StringComparison.Ordinal))));
        var fajar = await h.SusunAsync(pengingat.Single(k => k.Kurun.Contains(Fajar.Value, StringComparison.Ordinal)));
        var fajarEskalasi = await h.SusunAsync(eskalasi.Single(k => k.Kurun.Contains(Fajar.Value, StringComparison.Ordinal)));
        Assert.Contains("Fajar Nugraha", fajar!.Ringkasan, StringComparison.Ordinal);
        Assert.True(fajar.Ringkasan.Contains("5 hari kerja", StringComparison.Ordinal), fajar.Ringkasan); // 6, 7, 8, 11, 12 January
        Assert.Contains("Bagus Prasetyo Nugroho", fajarEskalasi!.Ringkasan, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(fajar.Kartu.ToJson().ToJsonString());
        await CardLinter.Shared.AssertValidAsync(fajarEskalasi.Kartu.ToJson().ToJsonString());
    }

    [Fact]
    public async Task RekapKoordinator_SeninPertama_KeKasubbagUmum_SekaliSeminggu()
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 11, 27, 9));
        await h.ImporDemoAsync();

        foreach (var d in new[] { 30, 1, 2 })
        {
            h.Pada(2026, d == 30 ? 11 : 12, d, 8);
            await h.JalankanAsync(Kantor);
        }

        var rekap = Assert.Single(h.Pengiriman.Jenis(JenisPengiriman.RekapKoordinator));
        Assert.Equal("2026-W49", rekap.Kurun);
        Assert.Equal(Nip.Parse("198407222006122001"), rekap.Penerima); // Kepala Subbagian Umum

        var pesan = (await h.SusunAsync(rekap))!;
        var belum = DemoCsv.Pegawai.Except(DemoCsv.DenganStatus(2027, "diajukan", "disetujui")).Count();
        Assert.StartsWith($"Rekap SKP 2027 KPPN Metro: {belum} belum diajukan, {DemoCsv.DenganStatus(2027, "diajukan").Count} belum disetujui, {DemoCsv.Pegawai.Count} tidak terjangkau.", pesan.Ringkasan, StringComparison.Ordinal);
        Assert.False(pesan.BisaDitunda);
        await CardLinter.Shared.AssertValidAsync(pesan.Kartu.ToJson().ToJsonString());
    }

    [Fact]
    public async Task RekapKoordinator_YangBelumPernahChatBukanTidakTerjangkau_DisebutTerpisah()
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 11, 30, 8));
        await h.ImporDemoAsync();
        // Bagus is linked to his Teams account but has never chatted: the engine reaches him through the proactive install.
        await h.Services.GetRequiredService<IPenggunaStore>().SimpanAsync(
            new PenggunaTerkait("7a1d4e2b-0000-4000-8000-052003121004", Kantor, Bagus, "bagus.nugroho@kemenkeu.example", h.Time.GetUtcNow()), CancellationToken.None);

        await h.JalankanAsync(Kantor);

        var pesan = (await h.SusunAsync(Assert.Single(h.Pengiriman.Jenis(JenisPengiriman.RekapKoordinator))))!;
        Assert.Contains($"{DemoCsv.Pegawai.Count - 1} tidak terjangkau. 1 belum pernah chat (dihubungi otomatis).", pesan.Ringkasan, StringComparison.Ordinal);
        var kartu = pesan.Kartu.ToJson();
        Assert.Contains("Belum pernah chat (KinerjaBot memasang dirinya untuk mereka) (1)", CardJson.AllText(kartu), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    [Fact]
    public async Task RekapKoordinator_MenyebutRingkasanNilaiYangDitahanDanAlasannya()
    {
        // Monday 2 November 2026: TW III is final by date; Nurul's realisation of 2b.005 is missing, so her summary waits.
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 11, 2, 8));
        await h.ImporDemoAsync();

        await h.JalankanAsync(Kantor);

        var pesan = (await h.SusunAsync(Assert.Single(h.Pengiriman.Jenis(JenisPengiriman.RekapKoordinator))))!;
        Assert.Contains("Ringkasan nilai TW III 2026 ditahan untuk", pesan.Ringkasan, StringComparison.Ordinal);
        var teks = CardJson.AllText(pesan.Kartu.ToJson());
        Assert.Contains("Nurul Fadhilah", teks, StringComparison.Ordinal);
        Assert.Contains("realisasi IKU 2b.005 belum ada", teks, StringComparison.Ordinal);
        Assert.Contains("1 Desember 2026 dikirim sebagai nilai sementara", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(pesan.Kartu.ToJson().ToJsonString());
    }

    [Fact]
    public async Task RekapKoordinator_KoordinatorDariKonfigurasi()
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 11, 30, 8), new Dictionary<string, string?>
        {
            ["Kinerja:Koordinator:Kantor:KPPN-METRO:0"] = "199505112018031005",
        });
        await h.ImporDemoAsync();

        await h.JalankanAsync(Kantor);

        Assert.Equal([Nip.Parse("199505112018031005")], h.Pengiriman.Jenis(JenisPengiriman.RekapKoordinator).Select(k => k.Penerima));
    }
}

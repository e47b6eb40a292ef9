using System.Diagnostics;
using System.Globalization;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using Kinerja.Testing;
using KinerjaBot.Import;
using KinerjaBot.Storage;
using KinerjaBot.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Benchmarks;

/// <summary>
/// <c>-- --tables</c>: the Azure Tables adapters against Azurite (started here, in memory, on a free port): the time and
/// the number of HTTP requests to load one office's recap inputs (KPPN Metro), one "nilai saya" card's inputs, and a
/// synthetic Kanwil of 10 offices. Requests are counted by <see cref="PenghitungPermintaanTables"/>, the pipeline
/// policy every Tables client carries. 5 warm-up and 30 measured runs per scenario; median, p90, min and max.
/// </summary>
internal static class TablesBeban
{
    private const int Pemanasan = 5;
    private const int Ukur = 30;

    public static async Task<int> JalankanAsync(TextWriter output)
    {
        var root = Directory.CreateTempSubdirectory("kinerja-bench-tables-");
        await using var azurite = await AzuriteProses.StartAsync();
        try
        {
            var konfigurasi = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kinerja:Storage:Provider"] = "tables",
                ["Kinerja:Storage:TablesConnectionString"] = azurite.ConnectionString,
                ["Kinerja:Storage:TablesPrefix"] = "Bench",
                ["Kinerja:Storage:SqlitePath"] = Path.Combine(root.FullName, "tidak-dipakai.db"),
            }).Build();
            await using var layanan = new ServiceCollection().AddLogging().AddKinerjaStorage(konfigurasi).AddKinerjaImport().BuildServiceProvider();
            var importer = layanan.GetRequiredService<KantorImporter>();
            var penilaian = layanan.GetRequiredService<DataPenilaian>();
            var pengguna = layanan.GetRequiredService<IPenggunaStore>();
            var penghitung = layanan.GetRequiredService<PenghitungPermintaanTables>();

            var metro = Path.Combine(root.FullName, "kppn-metro");
            Directory.CreateDirectory(metro);
            foreach (var file in Directory.EnumerateFiles(RepoPaths.DemoData, "*.csv"))
            {
                File.Copy(file, Path.Combine(metro, Path.GetFileName(file)));
            }

            await importer.ImporAsync(metro, CancellationToken.None);
            foreach (var folder in KanwilSintetis.Tulis(root.FullName, 10))
            {
                await importer.ImporAsync(folder, CancellationToken.None);
            }

            await pengguna.SimpanAsync(new PenggunaTerkait("aad-lestari", "KPPN-METRO", Kinerja.Domain.Organisasi.Nip.Parse("199312012015032004"),
                "lestari.handayani@kemenkeu.example", new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)), CancellationToken.None);
            var kanwil = KanwilSintetis.Kode(10);
            var kantor = layanan.GetRequiredService<IKantorStore>();
            var percakapan = layanan.GetRequiredService<IPercakapanStore>();
            foreach (var kode in kanwil.Prepend("KPPN-METRO"))
            {
                await TautkanAsync(kantor, pengguna, percakapan, kode);
            }

            // The store calls of one "nilai saya" turn, in the turn's order (tests/KinerjaBot.Tests TableRequestCountTests
            // checks the same count through the whole host): the recorder (locale, reference), the resolver (linked user,
            // e-mail re-check), the handler's inputs.
            var giliran = 0;
            async Task<Kinerja.Domain.Kinerja.DataKantor?> NilaiSayaGiliranAsync()
            {
                var pada = new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero).AddSeconds(++giliran);
                await percakapan.SimpanLokalAsync("aad-lestari", new LokalPengguna("id-ID", "Asia/Jakarta", pada), CancellationToken.None);
                await percakapan.SimpanReferensiAsync(new ReferensiPercakapan("aad-lestari", "https://smba.trafficmanager.net/apac/", "a:1personal-lestari",
                    null, "29:1lestari", "28:app", "msteams", pada), CancellationToken.None);
                var p = await pengguna.CariAsync("aad-lestari", CancellationToken.None);
                var cocok = await kantor.CariByEmailAsync(p!.Email, CancellationToken.None);
                return await penilaian.MuatAsync(cocok!.Value.KodeKantor, CancellationToken.None);
            }

            output.WriteLine($"Azure Tables on Azurite 3.37.0 (in memory, 127.0.0.1:{azurite.Port.ToString(CultureInfo.InvariantCulture)}), {Pemanasan} warm-up + {Ukur} measured runs");
            output.WriteLine("| scenario | requests | median ms | p90 ms | min ms | max ms |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            await UkurAsync(output, penghitung, "recap inputs, KPPN Metro (25 people, 2 years)", () => penilaian.MuatAsync("KPPN-METRO", CancellationToken.None));
            await UkurAsync(output, penghitung, "\"nilai saya\" inputs (user link + KPPN Metro)", async () =>
            {
                var p = await pengguna.CariAsync("aad-lestari", CancellationToken.None);
                return await penilaian.MuatAsync(p!.KodeKantor, CancellationToken.None);
            });
            await UkurAsync(output, penghitung, "\"nilai saya\" whole turn's store calls (recorder + resolver + inputs), KPPN Metro", NilaiSayaGiliranAsync);
            await UkurAsync(output, penghitung, "reach list, KPPN Metro (25 linked)", async () =>
            {
                await percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", CancellationToken.None);
                return null;
            });
            await UkurAsync(output, penghitung, "reach list, Kanwil of 10 offices (250 linked), sequential", async () =>
            {
                foreach (var kode in kanwil)
                {
                    await percakapan.DaftarTidakTerjangkauAsync(kode, CancellationToken.None);
                }

                return null;
            });
            await UkurAsync(output, penghitung, "recap inputs, Kanwil of 10 offices (250 people), sequential", async () =>
            {
                foreach (var kode in kanwil)
                {
                    await penilaian.MuatAsync(kode, CancellationToken.None);
                }

                return null;
            });
            await UkurAsync(output, penghitung, "recap inputs, Kanwil of 10 offices, 10 in parallel", async () =>
            {
                await Task.WhenAll(kanwil.Select(k => penilaian.MuatAsync(k, CancellationToken.None)));
                return null;
            });
            return 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>Links every person of the office not linked yet, a quarter each with a live chat, a removed app, a refusal, no chat.</summary>
    private static async Task TautkanAsync(IKantorStore kantor, IPenggunaStore pengguna, IPercakapanStore percakapan, string kode)
    {
        var t = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
        var semua = (await kantor.MuatAsync(kode, CancellationToken.None))!.Pegawai;
        for (var i = 0; i < semua.Count; i++)
        {
            if (await pengguna.CariByNipAsync(kode, semua[i].Nip, CancellationToken.None) is not null)
            {
                continue; // Lestari, linked as "aad-lestari" for the "nilai saya" scenarios
            }

            var aad = $"aad-{kode}-{i}".ToLowerInvariant();
            await pengguna.SimpanAsync(new PenggunaTerkait(aad, kode, semua[i].Nip, semua[i].Email, t), CancellationToken.None);
            if (i % 4 != 3)
            {
                await percakapan.SimpanReferensiAsync(new ReferensiPercakapan(aad, "https://smba.trafficmanager.net/apac/", "a:1personal-" + aad, null, null,
                    "28:app", "msteams", t.AddMinutes(1), i % 4 == 1 ? t.AddMinutes(1) : null), CancellationToken.None);
            }

            if (i % 4 == 2)
            {
                await percakapan.TandaiTidakTerjangkauAsync(aad, new TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser",
                    t.AddMinutes(2)), CancellationToken.None);
            }
        }
    }

    private static async Task UkurAsync(TextWriter output, PenghitungPermintaanTables penghitung, string nama, Func<Task<Kinerja.Domain.Kinerja.DataKantor?>> operasi)
    {
        for (var i = 0; i < Pemanasan; i++)
        {
            await operasi();
        }

        var waktu = new List<double>();
        var permintaan = new HashSet<long>();
        for (var i = 0; i < Ukur; i++)
        {
            var sebelum = penghitung.Jumlah;
            var sw = Stopwatch.StartNew();
            await operasi();
            waktu.Add(sw.Elapsed.TotalMilliseconds);
            permintaan.Add(penghitung.Jumlah - sebelum);
        }

        waktu.Sort();
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"| {nama} | {string.Join("/", permintaan)} | {waktu[waktu.Count / 2]:F1} | {waktu[(int)(waktu.Count * 0.9)]:F1} | {waktu[0]:F1} | {waktu[^1]:F1} |"));
    }
}

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

            output.WriteLine($"Azure Tables on Azurite 3.37.0 (in memory, 127.0.0.1:{azurite.Port.ToString(CultureInfo.InvariantCulture)}), {Pemanasan} warm-up + {Ukur} measured runs");
            output.WriteLine("| scenario | requests | median ms | p90 ms | min ms | max ms |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            await UkurAsync(output, penghitung, "recap inputs, KPPN Metro (25 people, 2 years)", () => penilaian.MuatAsync("KPPN-METRO", CancellationToken.None));
            await UkurAsync(output, penghitung, "\"nilai saya\" inputs (user link + KPPN Metro)", async () =>
            {
                var p = await pengguna.CariAsync("aad-lestari", CancellationToken.None);
                return await penilaian.MuatAsync(p!.KodeKantor, CancellationToken.None);
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

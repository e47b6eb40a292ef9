using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengiriman;
using Kinerja.Testing.Connector;
using KinerjaBot.Penjadwalan;
using KinerjaBot.Tests.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Tests.Pengiriman;

/// <summary>
/// The recovery job on a real Hangfire server (SQLite storage) and the real clock: ledger rows that no job will pick up
/// any more are queued again and sent once; rows a live job still names are left to it; progress is logged per run.
/// </summary>
public sealed class PemulihanTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-pemulihan-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Hangfire may still hold its file for a moment; the OS cleans temp.
        }
    }

    private static KunciPengiriman Kunci(int i, string kurun = "2026-12") => new(PenyusunPesanUji.JenisUji, kurun, PengirimanHost.Kantor, PengirimanHost.Nip(i));

    [Fact]
    public async Task BarisTanpaJobYangHidup_DiantrekanUlang_TerkirimTepatSekali_YangMasihDalamJobDibiarkan()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.BatasTenant = 1000;
        await PengirimanHost.IsiPenerimaAsync(Path.Combine(_dir.FullName, "kinerja.db"), connector, 30);
        await using var host = new PengirimanHost(_dir.FullName)
            .With("Kinerja:Jadwal:BatasTakTerlihat", "00:00:02")
            .With("Kinerja:Pengiriman:TenggangPemulihan", "00:00:03");
        var buku = host.Services.GetRequiredService<IBukuPengirimanStore>();
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();

        // 20–29: still named by a live job (standing for a long queue of work not reached yet): not queued twice. 510 jobs
        // created after it put it on the second page of Hangfire's monitoring API (newest first), which the recovery must read.
        var menunggu = Enumerable.Range(20, 10).Select(i => KunciTeks.Tulis(Kunci(i))).ToArray();
        jobs.Schedule<PekerjaPengiriman>(j => j.KirimAsync(menunggu, CancellationToken.None), TimeSpan.FromHours(1));
        foreach (var lain in Enumerable.Range(1000, 510))
        {
            jobs.Schedule<PekerjaPengiriman>(j => j.KirimAsync(new[] { KunciTeks.Tulis(Kunci(lain, "2026-LAIN")) }, CancellationToken.None), TimeSpan.FromHours(1));
        }

        // 10–19: their batch was deleted (as Hangfire does after a job's last failed attempt).
        var dihapus = Enumerable.Range(10, 10).Select(i => KunciTeks.Tulis(Kunci(i))).ToArray();
        var idDihapus = jobs.Schedule<PekerjaPengiriman>(j => j.KirimAsync(dihapus, CancellationToken.None), TimeSpan.FromHours(1));
        Assert.True(jobs.Delete(idDihapus));

        // The ledger rows, 0–9 without any job: the process stopped after writing them and before queuing their job.
        var sekarang = DateTimeOffset.UtcNow;
        foreach (var i in Enumerable.Range(0, 30))
        {
            Assert.True(await buku.TambahAsync(CatatanPengiriman.Baru(new RencanaKirim(Kunci(i), sekarang), sekarang), CancellationToken.None));
        }

        // Not before the invisibility window and the margin have passed: a worker might still be about to take them.
        await JalankanPemulihanAsync(host);
        Assert.Equal(0, connector.TotalDiterima);

        var sisa = TimeSpan.FromSeconds(5.5) - (DateTimeOffset.UtcNow - sekarang);
        if (sisa > TimeSpan.Zero)
        {
            await Task.Delay(sisa);
        }

        await JalankanPemulihanAsync(host);
        await TungguAsync(async () => (await buku.CariAsync(Kunci(19), CancellationToken.None))!.Status == StatusPengiriman.Terkirim
                                      && (await buku.CariAsync(Kunci(9), CancellationToken.None))!.Status == StatusPengiriman.Terkirim);
        await JalankanPemulihanAsync(host);
        await Task.Delay(500);

        for (var i = 0; i < 30; i++)
        {
            var c = (await buku.CariAsync(Kunci(i), CancellationToken.None))!;
            var diterima = connector.Diterima.GetValueOrDefault(PengirimanHost.Percakapan(i));
            Assert.True(i < 20 ? (c.Status, diterima) == (StatusPengiriman.Terkirim, 1) : (c.Status, diterima) == (StatusPengiriman.Direncanakan, 0),
                $"person {i}: {c.Status}, {diterima} message(s)");
        }
    }

    [Fact]
    public async Task Kemajuan_DicatatSelamaBerjalanDanSekaliSaatSelesai()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.BatasTenant = 1000;
        connector.Jeda = TimeSpan.FromMilliseconds(100);
        const int N = 40;
        await PengirimanHost.IsiPenerimaAsync(Path.Combine(_dir.FullName, "kinerja.db"), connector, N);
        foreach (var i in new[] { 3, 17, 31 })
        {
            connector.Diblokir[PengirimanHost.Percakapan(i)] = true;
        }

        var log = new CapturedLogs();
        await using var host = new PengirimanHost(_dir.FullName)
            .With("Kinerja:Connector:PermintaanPerDetikPerTenant", "8")
            .With("Logging:LogLevel:Kinerja.Jobs.Pengiriman", "Information")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(log));
        var massal = host.Services.GetRequiredService<IPengirimanMassal>();
        var buku = host.Services.GetRequiredService<IBukuPengirimanStore>();

        await massal.RencanakanAsync([.. Enumerable.Range(0, N).Select(i => new RencanaKirim(Kunci(i), DateTimeOffset.UtcNow))], CancellationToken.None);
        await TungguAsync(() => Task.FromResult(connector.TotalDiterima >= 4));
        await JalankanPemulihanAsync(host);
        await FanOutTests.TungguSelesaiAsync(buku, TimeSpan.FromMinutes(1));
        await JalankanPemulihanAsync(host);
        await JalankanPemulihanAsync(host);

        var berjalan = log.Entries.Where(e => e.EventId == 9518).Select(e => e.Message).ToList();
        Assert.NotEmpty(berjalan);
        Assert.All(berjalan, m => Assert.Matches(@"^Delivery uji-pengiriman 2026-12 KPPN-UJI: \d+ of 40 sent, \d+ unreachable, 0 failed \(0 may have been delivered\), 0 skipped, [1-9]\d* still planned$", m));
        var selesai = Assert.Single(log.Entries, e => e.EventId == 9519);
        Assert.Equal((LogLevel.Information, "Delivery uji-pengiriman 2026-12 KPPN-UJI finished: 37 of 40 sent, 3 unreachable, 0 failed (0 may have been delivered), 0 skipped"),
            (selesai.Level, selesai.Message));
    }

    /// <summary>Runs the recovery job through the Hangfire server (its own queue) and waits until it succeeded.</summary>
    internal static async Task JalankanPemulihanAsync(PengirimanHost host)
    {
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = host.Services.GetRequiredService<JobStorage>();
        var id = jobs.Enqueue<PekerjaPengiriman>(j => j.PulihkanAsync(CancellationToken.None));
        var batas = Stopwatch.StartNew();
        while (true)
        {
            using (var koneksi = storage.GetConnection())
            {
                var state = koneksi.GetStateData(id);
                if (state?.Name == SucceededState.StateName)
                {
                    return;
                }

                Assert.True(state?.Name != FailedState.StateName, $"recovery failed: {state?.Reason} {(state?.Data is { } d && d.TryGetValue("ExceptionMessage", out var m) ? m : null)}");
            }

            Assert.True(batas.Elapsed < TimeSpan.FromMinutes(2), "recovery did not run within 2 minutes");
            await Task.Delay(100);
        }
    }

    private static async Task TungguAsync(Func<Task<bool>> kondisi)
    {
        var batas = Stopwatch.StartNew();
        while (!await kondisi())
        {
            Assert.True(batas.Elapsed < TimeSpan.FromMinutes(1), "condition not met within a minute");
            await Task.Delay(100);
        }
    }
}

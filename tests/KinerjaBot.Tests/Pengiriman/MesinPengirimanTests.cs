using System.Net;
using Hangfire;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengiriman;
using Kinerja.Testing.Connector;
using KinerjaBot.Entra;
using KinerjaBot.Penjadwalan;
using KinerjaBot.Reach;
using KinerjaBot.Tests.Reach;
using KinerjaBot.Tests.Storage;
using KinerjaBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Pengiriman;

/// <summary>
/// The delivery engine against the fake Bot Connector (and the fake Graph) on the paths the fan-out does not take:
/// a long <c>Retry-After</c>, a conversation's own limit and 429s, a 503 on the POST, and a person reached only through
/// the proactive install.
/// </summary>
public sealed class MesinPengirimanTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-mesin-");

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

    private string Db => Path.Combine(_dir.FullName, "kinerja.db");

    private static KunciPengiriman Kunci(int i, string kurun = "2026-12") => new(PenyusunPesanUji.JenisUji, kurun, PengirimanHost.Kantor, PengirimanHost.Nip(i));

    /// <summary>
    /// Teams answers 429 with <c>Retry-After: 300</c>, six times in a row (more than <c>PercobaanMaksimum</c>). Each time the
    /// delivery is planned again for when Teams said, with its job scheduled then, and not counted as a failed attempt;
    /// after the pause it is delivered. The test runs the scheduled job itself, on a fake clock.
    /// </summary>
    [Fact]
    public async Task RetryAfter300Detik_DitungguLaluTerkirim_TidakGagal()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.RetryAfterDetik = 300;
        connector.Throttle429Sebanyak[PengirimanHost.Percakapan(0)] = 6;
        await PengirimanHost.IsiPenerimaAsync(Db, connector, 1);
        var jam = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new PengirimanHost(_dir.FullName)
            .WithServices(s => s.AddSingleton<TimeProvider>(jam));
        var buku = host.Services.GetRequiredService<IBukuPengirimanStore>();
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var kunci = Kunci(0);
        // The ledger row only: this test plays the Hangfire server itself (the host's server never sees a job that is due
        // on the fake clock: the retries are scheduled 300 s of fake time ahead, which is minutes of real time).
        Assert.True(await buku.TambahAsync(CatatanPengiriman.Baru(new RencanaKirim(kunci, jam.GetUtcNow()), jam.GetUtcNow()), CancellationToken.None));
        Assert.True(host.Services.GetRequiredService<IOptions<PengirimanOptions>>().Value.PercobaanMaksimum < 6);

        for (var ke = 1; ke <= 6; ke++)
        {
            await JalankanJobAsync(host, kunci);

            var c = (await buku.CariAsync(kunci, CancellationToken.None))!;
            Assert.Equal((StatusPengiriman.Direncanakan, 0, jam.GetUtcNow() + TimeSpan.FromSeconds(300), (DateTimeOffset?)null),
                (c.Status, c.Percobaan, c.KirimSetelah, c.MulaiKirimPada));
            var terjadwal = monitoring.ScheduledJobs(0, 1000).Select(j => j.Value)
                .Where(j => j.Job?.Args is [string[] k, ..] && k.Contains(KunciTeks.Tulis(kunci)) && j.EnqueueAt > jam.GetUtcNow().UtcDateTime.AddSeconds(1)).ToList();
            var job = Assert.Single(terjadwal);
            Assert.InRange(job.EnqueueAt, c.KirimSetelah.UtcDateTime.AddSeconds(-1), c.KirimSetelah.UtcDateTime.AddSeconds(1));
            Assert.Equal(ke, connector.Percobaan[PengirimanHost.Percakapan(0)]);
            Assert.Equal(0, connector.TotalDiterima);

            // Before the pause is over the same job sends nothing (the delivery is not due, the tenant is paused).
            await JalankanJobAsync(host, kunci);
            Assert.Equal(ke, connector.Percobaan[PengirimanHost.Percakapan(0)]);
            jam.Advance(TimeSpan.FromSeconds(300));
        }

        await JalankanJobAsync(host, kunci);

        var terkirim = (await buku.CariAsync(kunci, CancellationToken.None))!;
        Assert.Equal((StatusPengiriman.Terkirim, false), (terkirim.Status, terkirim.MungkinTerkirim));
        Assert.Equal(1, connector.Diterima[PengirimanHost.Percakapan(0)]);
    }

    /// <summary>
    /// Twenty deliveries to one person at once (the conversation's 7/1 s and 8/2 s apply) and ten people whose first
    /// attempt Teams throttles with 429: each message arrives exactly once, the throttled ones after their
    /// <c>Retry-After</c> within the same attempt.
    /// </summary>
    [Fact]
    public async Task BanyakPesanKeSatuPercakapan_Dan429_SemuaTepatSekali()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.BatasTenant = 1000;
        await PengirimanHost.IsiPenerimaAsync(Db, connector, 11);
        foreach (var i in Enumerable.Range(1, 10))
        {
            connector.Throttle429[PengirimanHost.Percakapan(i)] = true;
        }

        await using var host = new PengirimanHost(_dir.FullName)
            .With("Kinerja:Connector:PermintaanPerDetikPerTenant", "1000")
            .With("Kinerja:Jadwal:JumlahPekerja", "8");
        var buku = host.Services.GetRequiredService<IBukuPengirimanStore>();
        var rencana = Enumerable.Range(1, 20).Select(p => new RencanaKirim(Kunci(0, $"2026-P{p:D2}"), DateTimeOffset.UtcNow))
            .Concat(Enumerable.Range(1, 10).Select(i => new RencanaKirim(Kunci(i), DateTimeOffset.UtcNow)))
            .ToList();

        // One job per delivery, so that workers race for the one conversation.
        foreach (var r in rencana)
        {
            await host.Services.GetRequiredService<IPengirimanMassal>().RencanakanAsync([r], CancellationToken.None);
        }

        await TungguSemuaSelesaiAsync(buku, rencana.Select(r => r.Kunci));

        foreach (var r in rencana)
        {
            var c = (await buku.CariAsync(r.Kunci, CancellationToken.None))!;
            Assert.Equal((StatusPengiriman.Terkirim, 0), (c.Status, c.Percobaan));
        }

        Assert.Equal(20, connector.Diterima[PengirimanHost.Percakapan(0)]);
        Assert.All(Enumerable.Range(1, 10), i =>
        {
            Assert.Equal(1, connector.Diterima[PengirimanHost.Percakapan(i)]);
            Assert.Equal(2, connector.Percobaan[PengirimanHost.Percakapan(i)]);
        });
        Assert.Equal(30, connector.TotalDiterima);
    }

    /// <summary>
    /// A 503 to the POST of a message. The fake answers it before delivering, but a real connector may fail after it
    /// stored the message, and the client cannot tell the two apart: it is reported as "mungkin terkirim" and never
    /// replayed (ConnectorClient: 5xx on a POST that creates a message is ambiguous).
    /// </summary>
    [Fact]
    public async Task Post503_DicatatMungkinTerkirim_TidakDiulang()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.BatasTenant = 1000;
        connector.Gagal503[PengirimanHost.Percakapan(1)] = true;
        await PengirimanHost.IsiPenerimaAsync(Db, connector, 2);
        await using var host = new PengirimanHost(_dir.FullName).With("Kinerja:Pengiriman:JedaCobaLagi", "00:00:01");
        var buku = host.Services.GetRequiredService<IBukuPengirimanStore>();

        await host.Services.GetRequiredService<IPengirimanMassal>().RencanakanAsync(
            [new RencanaKirim(Kunci(0), DateTimeOffset.UtcNow), new RencanaKirim(Kunci(1), DateTimeOffset.UtcNow)], CancellationToken.None);
        await TungguSemuaSelesaiAsync(buku, [Kunci(0), Kunci(1)]);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var gagal = (await buku.CariAsync(Kunci(1), CancellationToken.None))!;
        Assert.Equal((StatusPengiriman.Gagal, true), (gagal.Status, gagal.MungkinTerkirim));
        Assert.Contains("503", gagal.Keterangan, StringComparison.Ordinal);
        Assert.Equal(1, connector.Percobaan[PengirimanHost.Percakapan(1)]);
        Assert.False(connector.Diterima.ContainsKey(PengirimanHost.Percakapan(1)));
        var ringkasan = (await buku.RingkasAsync(PengirimanHost.Kantor, CancellationToken.None)).Single();
        Assert.Equal((1, 1, 1), (ringkasan.Berstatus(StatusPengiriman.Terkirim), ringkasan.Berstatus(StatusPengiriman.Gagal), ringkasan.MungkinTerkirim));
    }

    private const string ManifestId = "5e1a9d3c-8b7f-4c2e-9a61-0d4b7e2f3a10";
    private const string KatalogId = "b1c5353a-7aca-41b3-830f-27d5218fe0e5";
    private const string TenantId = "7a1d4e2b-0000-4000-8000-00000000a001";
    private const string InstalasiBagus = "N2ExZDRlMmItMDAwMC00MDAwLTgwMDAtMDUyMDAzMTIxMDA0IyNiMWM1MzUzYS03YWNhLTQxYjMtODMwZi0yN2Q1MjE4ZmUwZTU=";
    private const string ChatBagus = "19:7a1d4e2b-0000-4000-8000-052003121004_0b5c7e1a-4d2f-4e8b-9a3c-6f1d2e0b7a55@unq.gbl.spaces";

    /// <summary>
    /// Two people linked to Teams accounts who never chatted with the bot: for one, Graph installs the app and gives the
    /// chat, and the reminder is delivered there; for the other Graph refuses (403), and the delivery is closed as
    /// unreachable with the reason.
    /// </summary>
    [Fact]
    public async Task TanpaPercakapan_DipasangLewatGraph_LaluTerkirim_PenolakanDicatatDenganAlasan()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.BatasTenant = 1000;
        var bagus = KantorKecil.Aad(KantorKecil.Bagus);
        var maya = KantorKecil.Aad(KantorKecil.Maya);
        var graph = new FakeGraph()
            .Get("/appCatalogs/teamsApps", "appcatalog-teamsapps.json", q => q.Contains($"$filter=externalId eq '{ManifestId}'", StringComparison.Ordinal))
            .Post($"/users/{bagus}/teamwork/installedApps", HttpStatusCode.Created)
            .Get($"/users/{bagus}/teamwork/installedApps", "installedapps-bagus.json", q => q.Contains($"$filter=teamsApp/id eq '{KatalogId}'", StringComparison.Ordinal))
            .Get($"/users/{bagus}/teamwork/installedApps/{InstalasiBagus}/chat", "chat-bagus.json")
            .Post($"/users/{maya}/teamwork/installedApps", HttpStatusCode.Forbidden, "error-install-forbidden.json");
        using (var store = new TestStore(Db))
        {
            var pada = DateTimeOffset.UtcNow;
            await store.Pengguna.SimpanAsync(new PenggunaTerkait(bagus, PengirimanHost.Kantor, KantorKecil.Bagus, "bagus.nugroho@kemenkeu.example", pada), CancellationToken.None);
            await store.Pengguna.SimpanAsync(new PenggunaTerkait(maya, PengirimanHost.Kantor, KantorKecil.Maya, "maya@kemenkeu.example", pada), CancellationToken.None);
        }

        await using var host = new PengirimanHost(_dir.FullName)
            .With("Kinerja:Graph:TenantId", TenantId)
            .With("Kinerja:Graph:ClientId", "3f2b8c1d-0000-4000-8000-00000000c003")
            .With("Kinerja:Graph:ClientSecret", "rahasia-uji")
            .With("Kinerja:Graph:ManifestId", ManifestId)
            .With("Kinerja:Jangkauan:BotId", "28:" + ManifestId)
            .WithServices(s =>
            {
                // Graph answers from the recorded fixtures, through the real SDK.
                s.RemoveAll<IDirectory>();
                s.AddSingleton<IDirectory>(sp => new GraphDirectory(graph.Client(), sp.GetRequiredService<IOptions<GraphOptions>>(), NullLogger<GraphDirectory>.Instance));

                // The installed chat lives on the fake connector (http on loopback), not on Teams' https service URL.
                s.RemoveAll<IValidateOptions<JangkauanOptions>>();
                s.PostConfigure<JangkauanOptions>(o => o.ServiceUrl = connector.ServiceUrl);
            });
        var buku = host.Services.GetRequiredService<IBukuPengirimanStore>();
        var kunciBagus = new KunciPengiriman(PenyusunPesanUji.JenisUji, "2026-12", PengirimanHost.Kantor, KantorKecil.Bagus);
        var kunciMaya = new KunciPengiriman(PenyusunPesanUji.JenisUji, "2026-12", PengirimanHost.Kantor, KantorKecil.Maya);

        await host.Services.GetRequiredService<IPengirimanMassal>().RencanakanAsync(
            [new RencanaKirim(kunciBagus, DateTimeOffset.UtcNow), new RencanaKirim(kunciMaya, DateTimeOffset.UtcNow)], CancellationToken.None);
        await TungguSemuaSelesaiAsync(buku, [kunciBagus, kunciMaya]);

        var terkirim = (await buku.CariAsync(kunciBagus, CancellationToken.None))!;
        Assert.Equal((StatusPengiriman.Terkirim, ChatBagus), (terkirim.Status, terkirim.ConversationId));
        Assert.Equal(1, connector.Diterima[ChatBagus]);
        var aktivitas = connector.Aktivitas[ChatBagus];
        Assert.Equal((TenantId, bagus), (aktivitas["conversation"]!["tenantId"]!.GetValue<string>(), aktivitas["recipient"]!["aadObjectId"]!.GetValue<string>()));
        Assert.Equal(ChatBagus, (await host.Services.GetRequiredService<IPercakapanStore>().CariAsync(bagus, CancellationToken.None))!.Referensi!.ConversationId);

        var ditolak = (await buku.CariAsync(kunciMaya, CancellationToken.None))!;
        Assert.Equal((StatusPengiriman.TidakTerjangkau, (AlasanTidakTerjangkau?)AlasanTidakTerjangkau.DinonaktifkanAdmin), (ditolak.Status, ditolak.Alasan));
        Assert.Equal(1, connector.TotalDiterima);
        graph.AssertNoUnexpectedCalls();
    }

    /// <summary>What the Hangfire server does with a delivery job: the job class from a scope, its method run.</summary>
    private static async Task JalankanJobAsync(PengirimanHost host, KunciPengiriman kunci)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PekerjaPengiriman>().KirimAsync([KunciTeks.Tulis(kunci)], CancellationToken.None);
    }

    private static async Task TungguSemuaSelesaiAsync(IBukuPengirimanStore buku, IEnumerable<KunciPengiriman> kunci)
    {
        var daftar = kunci.ToList();
        var batas = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var terbuka = 0;
            foreach (var k in daftar)
            {
                if ((await buku.CariAsync(k, CancellationToken.None))?.Status is null or StatusPengiriman.Direncanakan)
                {
                    terbuka++;
                }
            }

            if (terbuka == 0)
            {
                return;
            }

            Assert.True(batas.Elapsed < TimeSpan.FromMinutes(1), $"{terbuka} deliveries still planned after a minute");
            await Task.Delay(100);
        }
    }
}

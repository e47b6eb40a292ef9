using System.Net;
using KinerjaBot.Protocol.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Connector;

/// <summary>
/// Teams' limits are kept by the client, which waits (on the fake clock) instead of failing: per conversation
/// 7/1 s, 8/2 s, 60/30 s, 1800/3600 s; per tenant evenly spaced slots, never more than the limit in any second (1 s +
/// the jitter allowance), a small burst after a quiet moment; a 429 pauses every sender of the tenant. Counts per window
/// on the fake clock, never wall time.
/// </summary>
public sealed class ConnectorRateLimitTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    /// <summary>The default pacing: 28 per second with 25 ms of jitter allowed, one slot every 1.025 s / 28.</summary>
    private static readonly TimeSpan Jarak = TimeSpan.FromTicks((TimeSpan.FromMilliseconds(1025).Ticks + 27) / 28);

    /// <summary>When a wait for <paramref name="slot"/> ends: waits are counted in whole milliseconds, rounded up.</summary>
    private static TimeSpan Bangun(TimeSpan slot) => TimeSpan.FromMilliseconds(Math.Ceiling(slot.TotalMilliseconds));

    /// <summary>The per-conversation tests: a tenant limit that never interferes.</summary>
    private static void TenantLonggar(ConnectorOptions o)
    {
        o.PermintaanPerDetikPerTenant = 1000;
        o.BurstTenant = 1000;
    }

    [Fact]
    public async Task PesanKedelapanDalamSatuDetik_Menunggu()
    {
        using var h = ConnectorHarness.Development(TenantLonggar);
        for (var i = 0; i < 7; i++)
        {
            await h.Kirim("a:personal");
        }

        var kedelapan = h.Kirim("a:personal");
        await h.Menunggu(1);
        Assert.Equal(7, h.Connector.Count);

        h.Time.Advance(TimeSpan.FromSeconds(1) - Ms);
        Assert.Equal(7, h.Connector.Count);
        h.Time.Advance(Ms);
        await kedelapan;
        Assert.Equal(8, h.Connector.Count);
    }

    [Fact]
    public async Task PesanKesembilanDalamDuaDetik_MenungguWalauDetikKeduaBaruSatu()
    {
        using var h = ConnectorHarness.Development(TenantLonggar);
        for (var i = 0; i < 7; i++)
        {
            await h.Kirim("a:personal");
        }

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Kirim("a:personal"); // the 8th within 2 s: allowed (8/2 s)
        var kesembilan = h.Kirim("a:personal");
        await h.Menunggu(1);
        Assert.Equal(8, h.Connector.Count);

        h.Time.Advance(TimeSpan.FromSeconds(1) - Ms);
        Assert.Equal(8, h.Connector.Count);
        h.Time.Advance(Ms);
        await kesembilan;
        Assert.Equal(9, h.Connector.Count);
    }

    [Fact]
    public async Task Pesan61DalamTigaPuluhDetik_MenungguSampaiPesanPertamaKeluarJendela()
    {
        using var h = ConnectorHarness.Development(TenantLonggar);

        // 4 a second for 15 seconds: within 7/1 s and 8/2 s, 60 in all.
        for (var detik = 0; detik < 15; detik++)
        {
            for (var i = 0; i < 4; i++)
            {
                await h.Kirim("a:personal");
            }

            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(60, h.Connector.Count);
        var ke61 = h.Kirim("a:personal"); // t = 15 s
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(15) - Ms);
        Assert.Equal(60, h.Connector.Count);
        h.Time.Advance(Ms); // t = 30 s: the first message left the 30 s window
        await ke61;
        Assert.Equal(61, h.Connector.Count);
    }

    [Fact]
    public async Task PercakapanLain_TidakIkutMenunggu()
    {
        using var h = ConnectorHarness.Development(TenantLonggar);
        for (var i = 0; i < 7; i++)
        {
            await h.Kirim("a:sibuk");
        }

        var menunggu = h.Kirim("a:sibuk");
        await h.Menunggu(1);
        await h.Kirim("a:lain");

        Assert.Equal(8, h.Connector.Count);
        Assert.False(menunggu.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await menunggu;
    }

    [Fact]
    public async Task Limiter_1800PerJam_Yang1801Menunggu()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        var limiter = new ConnectorRateLimiter(Options.Create(new ConnectorOptions()), time, NullLogger<ConnectorRateLimiter>.Instance);

        // 60 every 30 s (4 a second for 15 s, then 15 s quiet), 30 times: 1800 in 900 s.
        for (var blok = 0; blok < 30; blok++)
        {
            for (var detik = 0; detik < 15; detik++)
            {
                for (var i = 0; i < 4; i++)
                {
                    var slot = limiter.AcquireAsync(ConnectorLimit.Tulis, "a:ramai", ConnectorHarness.Tenant, CancellationToken.None);
                    Assert.True(slot.IsCompletedSuccessfully, $"blok {blok}, detik {detik}");
                }

                time.Advance(TimeSpan.FromSeconds(1));
            }

            time.Advance(TimeSpan.FromSeconds(15));
        }

        var ke1801 = limiter.AcquireAsync(ConnectorLimit.Tulis, "a:ramai", ConnectorHarness.Tenant, CancellationToken.None).AsTask();
        Assert.False(ke1801.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2700) - Ms); // t = 3600 s − 1 ms
        Assert.False(ke1801.IsCompleted);
        time.Advance(Ms); // the very first call leaves the hour
        await ke1801;
    }

    [Fact]
    public async Task Tenant_SlotBerjarakSama_TidakPernahLebihDariBatasDalamSatuDetik_DanMencapaiLajunya()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        var gate = new InProcessTenantGate(Options.Create(new ConnectorOptions()), time);
        var mulai = time.GetUtcNow();
        var slot = new List<TimeSpan>();

        // 600 callers: a backlog at the start, then the clock moves in uneven steps (waits that wake late, quiet
        // moments) while more callers come; every slot is where the gate put it.
        var langkah = new Random(6);
        for (var i = 0; i < 600; i++)
        {
            if (i >= 200)
            {
                time.Advance(TimeSpan.FromMilliseconds(langkah.Next(0, i % 50 == 0 ? 3000 : 60)));
            }

            var s = await gate.ReserveAsync(ConnectorHarness.Tenant, TimeSpan.FromMinutes(2), CancellationToken.None);
            Assert.True(s.Reserved);
            Assert.Equal(time.GetUtcNow() + s.Wait, s.Pada);
            slot.Add(s.Pada - mulai);
        }

        // Never more than 28 in any window of 1 s + 25 ms (so in any second, even when calls arrive 25 ms early or late).
        slot.Sort();
        for (var i = 0; i + 28 < slot.Count; i++)
        {
            Assert.True(slot[i + 28] - slot[i] >= TimeSpan.FromMilliseconds(1025), $"slots {i}…{i + 28} within {(slot[i + 28] - slot[i]).TotalMilliseconds} ms");
        }

        // The first four go at once (the burst), the backlog is then served at the pace: 28 per 1.025 s, i.e. ≥ 97 % of
        // the limit in the first 10 seconds.
        Assert.Equal(4, slot.Count(s => s == TimeSpan.Zero));
        Assert.Equal(Jarak, slot[4]);
        Assert.InRange(slot.Count(s => s < TimeSpan.FromSeconds(10)), (int)(0.97 * 28 * 10), 28 * 10);
    }

    [Fact]
    public async Task Tenant_MelebihiBurst_MenungguSatuJarak_TenantLainTidak()
    {
        using var h = ConnectorHarness.Development();
        for (var i = 0; i < 4; i++)
        {
            await h.Kirim($"a:orang-{i}");
        }

        var kelima = h.Kirim("a:orang-4");
        await h.Menunggu(1);
        await h.Kirim("a:orang-lain", ConnectorHarness.TenantLain);
        Assert.Equal(5, h.Connector.Count);

        h.Time.Advance(Bangun(Jarak) - Tick);
        Assert.Equal(5, h.Connector.Count);
        h.Time.Advance(Tick);
        await kelima;
        Assert.Equal(6, h.Connector.Count);
    }

    [Fact]
    public async Task Tenant_PenungguBangunTerlambatDalamToleransi_TetapMengirim_SlotBerikutnyaTidakBergeser()
    {
        using var h = ConnectorHarness.Development();
        var kirim = Enumerable.Range(0, 6).Select(i => h.Kirim($"a:orang-{i}")).ToList();
        await h.Menunggu(2); // 4 went at once, 2 hold the slots one and two intervals ahead

        // The first waiter wakes 20 ms late (within the 25 ms allowance): it still goes, and the next slot stays where
        // it was — the pace catches up instead of drifting.
        h.Time.Advance(Bangun(Jarak) + TimeSpan.FromMilliseconds(20));
        await kirim[4];
        Assert.Equal(5, h.Connector.Count);
        h.Time.Advance(Bangun(Jarak * 2) - Bangun(Jarak) - TimeSpan.FromMilliseconds(20));
        await kirim[5];
        Assert.Equal(6, h.Connector.Count);
    }

    [Fact]
    public async Task Tenant_PanggilanYangBerangkatTerlaluLambatSetelahSlotnya_MengambilSlotBaru()
    {
        using var h = ConnectorHarness.Development(o => o.BurstTenant = 1);
        await h.Kirim("a:satu"); // slot 0

        // "a:dua" holds slot 1 and writes its in-flight mark (the hook right before the POST); five others hold 2 … 6.
        var tanda = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var kedua = h.Client.SendToConversationAsync(ConnectorHarness.Loopback, "a:dua", ConnectorHarness.Pesan("a:dua"), _ => tanda.Task, CancellationToken.None);
        var lain = Enumerable.Range(0, 5).Select(i => h.Kirim($"a:lain-{i}")).ToList();
        await h.Menunggu(6);
        h.Time.Advance(Bangun(Jarak));
        await ConnectorHarness.Until(() => h.Limiter.Waiting == 5, "a:dua di tanda sedang dikirim");

        // The mark takes 100 ms, more than the 25 ms allowance (slots 2 and 3 go meanwhile): "a:dua" does not leave
        // 100 ms after its slot, it waits for a new one, after slot 6.
        h.Time.Advance(Bangun(Jarak * 2) - Bangun(Jarak));
        await h.Terkirim(2);
        h.Time.Advance(Bangun(Jarak * 3) - Bangun(Jarak * 2));
        await h.Terkirim(3);
        h.Time.Advance(TimeSpan.FromMilliseconds(100) - (Bangun(Jarak * 3) - Bangun(Jarak)));
        tanda.SetResult();
        await h.Menunggu(4);
        h.Time.Advance(Bangun(Jarak * 4) - Bangun(Jarak) - TimeSpan.FromMilliseconds(100));
        await h.Terkirim(4);
        h.Time.Advance(Bangun(Jarak * 5) - Bangun(Jarak * 4));
        await h.Terkirim(5);
        h.Time.Advance(Bangun(Jarak * 6) - Bangun(Jarak * 5));
        await Task.WhenAll(lain);
        Assert.Equal(6, h.Connector.Count);
        Assert.False(kedua.IsCompleted);
        h.Time.Advance(Bangun(Jarak * 7) - Bangun(Jarak * 6));
        await kedua;
        Assert.Equal("a%3Adua", h.Connector.Requests[^1].Uri.Segments[^2].TrimEnd('/'));
    }

    [Fact]
    public async Task Tenant_BatasDapatDiatur_JendelaDiperiksaJugaSetelahBurst()
    {
        using var h = ConnectorHarness.Development(o => o.PermintaanPerDetikPerTenant = 2);
        await h.Kirim("a:satu");
        await h.Kirim("a:dua"); // the burst is at most the limit: 2

        // The third would be the 3rd within 1 s + 25 ms: it waits until the first has left that window.
        var ketiga = h.Kirim("a:tiga");
        await h.Menunggu(1);
        Assert.Equal(2, h.Connector.Count);
        h.Time.Advance(TimeSpan.FromMilliseconds(1025) - Tick);
        Assert.Equal(2, h.Connector.Count);
        h.Time.Advance(Tick);
        await ketiga;
    }

    [Fact]
    public async Task Persiapan_DitulisSebelumSlot_PostBerangkatTepatPadaSlot()
    {
        // 2 per second: the third call's slot is 1,025 ms after the first two. With a 100 ms lead it wakes at 925 ms,
        // prepares (the in-flight mark), and the POST still waits for the slot itself.
        using var h = ConnectorHarness.Development(o =>
        {
            o.PermintaanPerDetikPerTenant = 2;
            o.WaktuPersiapan = TimeSpan.FromMilliseconds(100);
        });
        await h.Kirim("a:satu");
        await h.Kirim("a:dua");
        var disiapkanPada = TimeSpan.MinValue;
        var mulai = h.Time.GetTimestamp();
        var ketiga = h.Client.SendToConversationAsync(ConnectorHarness.Loopback, "a:tiga", ConnectorHarness.Pesan("a:tiga"), _ =>
        {
            disiapkanPada = h.Time.GetElapsedTime(mulai);
            return Task.CompletedTask;
        }, CancellationToken.None);
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromMilliseconds(925) - Tick);
        Assert.Equal(TimeSpan.MinValue, disiapkanPada);
        h.Time.Advance(Tick);
        await ConnectorHarness.Until(() => disiapkanPada != TimeSpan.MinValue, "persiapan berjalan");
        Assert.Equal(TimeSpan.FromMilliseconds(925), disiapkanPada);
        await h.Menunggu(1); // prepared, now waiting for the slot
        h.Time.Advance(TimeSpan.FromMilliseconds(100) - Tick);
        Assert.Equal(2, h.Connector.Count);
        h.Time.Advance(Tick);
        await ketiga;
        Assert.Equal(3, h.Connector.Count);
    }

    [Fact]
    public async Task PersiapanLebihLamaDariLeadDanToleransi_SlotDilepas_PostMenungguSlotBaru()
    {
        // 2 per second, no burst: a slot every 1,025 / 2 = 512.5 ms.
        using var h = ConnectorHarness.Development(o =>
        {
            o.PermintaanPerDetikPerTenant = 2;
            o.BurstTenant = 1;
            o.WaktuPersiapan = TimeSpan.FromMilliseconds(100);
        });
        await h.Kirim("a:satu");

        // Slot at 512.5 ms, woken at 413 ms (waits round up to whole milliseconds); the in-flight write takes 200 ms,
        // so the call is ready at 613 ms, 100.5 ms after its slot: more than the 25 ms allowed. It gives the slot up
        // and takes the next, one interval later at 1,025 ms, instead of reaching the service bunched with later slots.
        var kedua = h.Client.SendToConversationAsync(ConnectorHarness.Loopback, "a:dua", ConnectorHarness.Pesan("a:dua"), _ =>
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(200));
            return Task.CompletedTask;
        }, CancellationToken.None);
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromMilliseconds(413));
        await ConnectorHarness.Until(() => h.Time.GetUtcNow() - ConnectorHarness.Awal >= TimeSpan.FromMilliseconds(613), "persiapan berjalan");
        await h.Menunggu(1); // the new slot
        h.Time.Advance(TimeSpan.FromMilliseconds(412) - Tick);
        Assert.Equal(1, h.Connector.Count);
        h.Time.Advance(Tick);
        await kedua;
        Assert.Equal(2, h.Connector.Count);
    }

    [Fact]
    public async Task Tenant_JedaSaatMenungguSlot_PenungguIkutBerhentiSampaiJedaSelesai()
    {
        using var h = ConnectorHarness.Development();
        for (var i = 0; i < 4; i++)
        {
            await h.Kirim($"a:orang-{i}");
        }

        var kelima = h.Kirim("a:orang-4"); // holds the slot one interval ahead
        await h.Menunggu(1);
        h.Limiter.PauseTenant(ConnectorHarness.Tenant, TimeSpan.FromSeconds(2)); // a 429 elsewhere

        h.Time.Advance(Bangun(Jarak)); // its slot came, but the tenant is paused: it waits for the pause's end
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(2) - Bangun(Jarak) - Tick);
        Assert.Equal(4, h.Connector.Count);
        h.Time.Advance(Tick);
        await kelima;
        Assert.Equal(5, h.Connector.Count);
    }

    [Fact]
    public async Task Jawaban429DenganRetryAfter3_SemuaPengirimTenantBerhenti_LaluBerhasil()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Respond = (r, n, _) => Task.FromResult(n == 0 ? Throttled("3") : FakeConnector.Created($"activity-{n}"));

        var a = h.Kirim("a:satu");
        await h.Menunggu(1); // the throttled sender waits for the pause
        var b = h.Kirim("a:dua"); // another sender to the same tenant: paused too, no request
        await h.Menunggu(2);
        await h.Kirim("a:tiga", ConnectorHarness.TenantLain); // another tenant is not paused
        Assert.Equal(2, h.Connector.Count);

        h.Time.Advance(TimeSpan.FromSeconds(3) - Ms);
        Assert.Equal(2, h.Connector.Count);
        h.Time.Advance(Ms); // the pause is over: both get a slot (within the burst)
        await Task.WhenAll(a, b);

        var urutan = h.Connector.Requests.Select(r => r.Uri.Segments[^2].TrimEnd('/')).ToList();
        Assert.Equal(4, urutan.Count);
        Assert.Equal(["a%3Asatu", "a%3Atiga"], urutan.Take(2));
        Assert.Equal(["a%3Adua", "a%3Asatu"], urutan.Skip(2).Order());
        Assert.Contains(h.Logs.Lines, l => l.EventId == 2105);
    }

    [Fact]
    public async Task Jawaban429DenganRetryAfterTanggal_DihormatiSampaiTanggalItu()
    {
        using var h = ConnectorHarness.Development();
        var sampai = h.Time.GetUtcNow().AddSeconds(5).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        h.Connector.Respond = (r, n, _) => Task.FromResult(n == 0 ? Throttled(sampai) : FakeConnector.Created("activity-2"));

        var kirim = h.Kirim("a:satu");
        await h.Menunggu(1);
        h.Time.Advance(TimeSpan.FromSeconds(5) - Ms);
        Assert.Equal(1, h.Connector.Count);
        h.Time.Advance(Ms);

        Assert.Equal("activity-2", (await kirim).Id);
        Assert.Equal(2, h.Connector.Count);
    }

    [Fact]
    public async Task Jawaban429DenganRetryAfterTerlaluLama_ThrottledTanpaMenunggu_PengirimLainJuga()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => Throttled("600"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:satu"));
        var lain = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:dua"));

        Assert.Equal((ConnectorErrorKind.Throttled, TimeSpan.FromSeconds(600)), (e.Kind, e.RetryAfter));
        Assert.Equal(ConnectorErrorKind.Throttled, lain.Kind);
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public async Task Jawaban429Terus_ThrottledSetelahTigaPercobaanUlang()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => Throttled("1"));

        var kirim = h.Kirim("a:satu");
        for (var n = 1; n <= 3; n++)
        {
            await h.Menunggu(1);
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await h.Terkirim(n + 1);
        }

        var e = await Assert.ThrowsAsync<ConnectorException>(() => kirim);
        Assert.Equal(ConnectorErrorKind.Throttled, e.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, e.Status);
        Assert.Equal(4, h.Connector.Count);
    }

    [Fact]
    public async Task MenungguSlot_DapatDibatalkan()
    {
        using var h = ConnectorHarness.Development(TenantLonggar);
        for (var i = 0; i < 7; i++)
        {
            await h.Kirim("a:personal");
        }

        using var batal = new CancellationTokenSource();
        var kedelapan = h.Client.SendToConversationAsync(ConnectorHarness.Loopback, "a:personal", ConnectorHarness.Pesan("a:personal"), batal.Token);
        await h.Menunggu(1);
        await batal.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kedelapan);
        Assert.Equal(7, h.Connector.Count);
    }

    private static HttpResponseMessage Throttled(string retryAfter)
    {
        var response = FakeConnector.Error(HttpStatusCode.TooManyRequests, "Throttled", "Too many requests.");
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }
}

using KinerjaBot.Penjadwalan;
using KinerjaBot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KinerjaBot.Tests.Connector;

/// <summary>
/// The tenant gate shared by instances through PostgreSQL (the private cluster test.sh starts, <c>KINERJA_TEST_POSTGRES</c>;
/// a schema per test): two gates — as two instances would, each with its own connection pool — sharing one tenant never
/// put more slots into any window than the limit, and a 429 pause recorded by one holds for the other. Slots are
/// compared on the database's clock, as the gate hands them out; nothing here measures wall time.
/// </summary>
public sealed class GerbangTenantPostgreSqlTests : IAsyncLifetime
{
    private const string Tenant = "7a1d4e2b-0000-4000-8000-00000000a001";
    private readonly string _skema = "gerbang_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<PostgreSqlTenantGate> _gerbang = [];
    private string _postgres = "";

    public Task InitializeAsync()
    {
        _postgres = Kinerja.Testing.PostgresUji.ConnectionString();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var g in _gerbang)
        {
            await g.DisposeAsync();
        }

        if (_postgres.Length > 0)
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_skema} CASCADE;", connection);
            await cmd.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task DuaInstansSatuTenant_TidakPernahLebihDariBatasDalamJendelaManapun_DanTetapPadaLajunya()
    {
        const int Batas = 50;
        var satu = Gerbang(Batas);
        var dua = Gerbang(Batas);

        // 16 callers (8 per instance) claim 600 slots between them, as fast as they can: 12 seconds of slots.
        var slot = new List<(int Instans, DateTimeOffset Pada)>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async k =>
        {
            var gerbang = k % 2 == 0 ? satu : dua;
            for (var i = 0; i < 600 / 16 + (k < 600 % 16 ? 1 : 0); i++)
            {
                var s = await gerbang.ReserveAsync(Tenant, TimeSpan.FromMinutes(2), CancellationToken.None);
                Assert.True(s.Reserved);
                lock (slot)
                {
                    slot.Add((k % 2, s.Pada));
                }
            }
        }));

        Assert.Equal(600, slot.Count);
        Assert.All(new[] { 0, 1 }, instans => Assert.Contains(slot, s => s.Instans == instans));
        var pada = slot.Select(s => s.Pada).Order().ToList();
        Assert.Equal(pada.Count, pada.Distinct().Count());

        // Never 51 within 1 s + 25 ms, so not beyond 50 in any second even with 25 ms of jitter between the instances.
        for (var i = 0; i + Batas < pada.Count; i++)
        {
            Assert.True(pada[i + Batas] - pada[i] >= TimeSpan.FromMilliseconds(1025), $"slots {i}…{i + Batas} within {(pada[i + Batas] - pada[i]).TotalMilliseconds} ms");
        }

        // And at the pace, not below it: 600 slots one interval (20.5 ms) apart, give or take the first claim's moment.
        var interval = TenantPacing.Interval(new ConnectorOptions { PermintaanPerDetikPerTenant = Batas });
        Assert.InRange(pada[^1] - pada[0], interval * 599, interval * 599 + TimeSpan.FromMilliseconds(500));

        // Another tenant is not behind this one's queue: its first slot is now.
        var lain = await dua.ReserveAsync("0b5e9c1d-0000-4000-8000-00000000b002", TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.True(lain.Wait < TimeSpan.FromMilliseconds(100), $"waits {lain.Wait}");
        Assert.True(lain.Pada < pada[^1] - TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task JedaDariSatuInstans_DihormatiInstansLain_JedaTerlaluLamaTidakDitunggu()
    {
        var satu = Gerbang(28);
        var dua = Gerbang(28);
        Assert.True((await dua.ReserveAsync(Tenant, TimeSpan.FromMinutes(2), CancellationToken.None)).Wait < TimeSpan.FromMilliseconds(100));

        // Instance one gets a 429 with Retry-After 20 s: instance two's next slot is after the pause, and it knows.
        await satu.PauseAsync(Tenant, TimeSpan.FromSeconds(20));
        var (_, jedaSampai) = await BarisAsync();
        var s = await dua.ReserveAsync(Tenant, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.True(s.Reserved);
        Assert.True(s.Pada >= jedaSampai, $"slot {s.Pada:O} before the pause's end {jedaSampai:O}");
        Assert.InRange(s.Wait, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
        Assert.InRange(dua.PausedFor(Tenant), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));

        // A pause longer than the client waits out (RetryAfterMaksimum, 2 min): no slot is taken, the caller is told.
        await satu.PauseAsync(Tenant, TimeSpan.FromMinutes(10));
        var (slotSebelum, _) = await BarisAsync();
        var ditolak = await dua.ReserveAsync(Tenant, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.False(ditolak.Reserved);
        Assert.InRange(ditolak.PausedFor!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.Equal(slotSebelum, (await BarisAsync()).SlotBerikut);

        // Through the limiter of the other instance: Throttled with the pause, no waiting.
        var limiter = new ConnectorRateLimiter(Options.Create(new ConnectorOptions()), dua, TimeProvider.System, NullLogger<ConnectorRateLimiter>.Instance);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => limiter.AcquireAsync(ConnectorLimit.Tulis, "a:satu", Tenant, CancellationToken.None).AsTask());
        Assert.Equal(ConnectorErrorKind.Throttled, e.Kind);
        Assert.True(e.RetryAfter > TimeSpan.FromMinutes(9));
    }

    [Theory]
    [InlineData("postgresql", typeof(PostgreSqlTenantGate))]
    [InlineData("sqlite", typeof(InProcessTenantGate))]
    public void GerbangMengikutiPenyimpananHangfire(string penyimpanan, Type gerbang)
    {
        var konfigurasi = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kinerja:Jadwal:Penyimpanan"] = penyimpanan,
            ["Kinerja:Jadwal:PostgreSqlConnectionString"] = _postgres,
        }).Build();
        var services = new ServiceCollection();
        services.AddKinerjaPenjadwalan(konfigurasi);
        services.AddKinerjaConnector(konfigurasi);

        Assert.Equal(gerbang, Assert.Single(services, d => d.ServiceType == typeof(ITenantGate)).ImplementationType);
    }

    private PostgreSqlTenantGate Gerbang(int batas)
    {
        var gerbang = new PostgreSqlTenantGate(
            Options.Create(new PenjadwalanOptions { Penyimpanan = "postgresql", PostgreSqlConnectionString = _postgres, PostgreSqlSchema = _skema }),
            Options.Create(new ConnectorOptions { PermintaanPerDetikPerTenant = batas }),
            TimeProvider.System,
            NullLogger<PostgreSqlTenantGate>.Instance);
        _gerbang.Add(gerbang);
        return gerbang;
    }

    private async Task<(DateTimeOffset SlotBerikut, DateTimeOffset JedaSampai)> BarisAsync()
    {
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT slot_berikut, jeda_sampai FROM {_skema}.{PostgreSqlTenantGate.Table} WHERE tenant = $1", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Tenant });
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero));
    }
}

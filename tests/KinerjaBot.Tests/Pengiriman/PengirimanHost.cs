using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using Kinerja.Testing.Builders;
using Kinerja.Testing.Connector;
using KinerjaBot.Tests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Pengiriman;

/// <summary>
/// The bot in process with the real clock, real Hangfire (SQLite storage next to the store's SQLite file, in a temp
/// folder) and the real connector client talking HTTP to a <see cref="FakeBotConnector"/>. People of the synthetic
/// office <see cref="Kantor"/> are linked to Teams accounts whose chats live on the fake connector.
/// </summary>
public sealed class PengirimanHost : WebApplicationFactory<Program>
{
    public const string Kantor = "KPPN-UJI";
    public const string Tenant = "tenant-uji";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public PengirimanHost(string dir)
    {
        Dir = dir;
        _settings["Kinerja:Storage:SqlitePath"] = DbPath;
        _settings["Kinerja:Pengiriman:PesanUji"] = "true";
        _settings["Kinerja:Jadwal:IntervalAntrian"] = "00:00:00.100";
        _settings["Logging:LogLevel:Default"] = "Warning";
    }

    public string Dir { get; }

    public string DbPath => Path.Combine(Dir, "kinerja.db");

    public PengirimanHost With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public PengirimanHost WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>The conversation id of synthetic person <paramref name="i"/>.</summary>
    public static string Percakapan(int i) => $"a:uji-{i}";

    public static string Aad(int i) => $"00000000-0000-4000-8000-{i:D12}";

    /// <summary>Links people 0 … n-1 of <see cref="Kantor"/> to Teams chats on <paramref name="connector"/> (before the host starts).</summary>
    public static async Task IsiPenerimaAsync(string dbPath, FakeBotConnector connector, int n)
    {
        var pada = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var store = new TestStore(dbPath);
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var nip = NipSintetis.Ke(i);
            await store.Pengguna.SimpanAsync(new PenggunaTerkait(Aad(i), Kantor, nip, $"uji{i}@kemenkeu.example", pada), ct);
            await store.Percakapan.SimpanReferensiAsync(
                new ReferensiPercakapan(Aad(i), connector.ServiceUrl, Percakapan(i), Tenant, $"29:uji-{i}", "28:kinerjabot", "msteams", pada), ct);
        });
    }

    public static Nip Nip(int i) => NipSintetis.Ke(i);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }
}

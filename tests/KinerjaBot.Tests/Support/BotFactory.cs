using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using KinerjaBot.Protocol.Connector;

namespace KinerjaBot.Tests.Support;

/// <summary>
/// The bot in process (WebApplicationFactory) on a real SQLite file in a temp folder, the demo office loaded on
/// start, the clock fixed, and the connector replaced at the HTTP edge by a <see cref="RecordingConnector"/>.
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kinerjabot-host-").FullName;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public BotFactory(string environment = "Development")
    {
        Environment = environment;
        _settings["Kinerja:Storage:SqlitePath"] = Path.Combine(_dir, "kinerja.db");
        _settings["Kinerja:Demo:MuatSaatKosong"] = "true";
        _settings["Kinerja:Koordinator:Nama"] = "Ratna Dewi Anggraini (Manajer Kinerja Pegawai)";
        _settings["Kinerja:Koordinator:Email"] = "ratna.anggraini@kemenkeu.example";

        // The clock stands still, and the tenant's pacing lets only a burst go at one instant: these tests are about the
        // protocol, so the tenant limit stays out of their way (pacing: ConnectorRateLimitTests).
        _settings["Kinerja:Connector:PermintaanPerDetikPerTenant"] = "1000";
        _settings["Kinerja:Connector:BurstTenant"] = "1000";
    }

    public string Environment { get; }

    public RecordingConnector Connector { get; } = new();

    /// <summary>
    /// 28 November 2026, 10.10 WIB. The connector's rate limiter and retry backoff wait on this clock: a test that sends
    /// more than 7 messages to one conversation, or makes the connector answer 429/5xx to a GET, must advance it.
    /// </summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 3, 10, 0, TimeSpan.Zero));

    public BotFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces services at the edges (e.g. the HTTP handler of the OpenID metadata), after the bot's own.</summary>
    public BotFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddHttpClient<IConnectorClient, ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => Connector);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }
}

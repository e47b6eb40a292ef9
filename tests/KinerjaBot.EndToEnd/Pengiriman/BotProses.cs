using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengiriman;
using Kinerja.Testing;
using Kinerja.Testing.Builders;
using Kinerja.Testing.Connector;
using KinerjaBot.Penjadwalan;
using KinerjaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.EndToEnd.Pengiriman;

/// <summary>The built KinerjaBot as its own process with the given configuration (environment variables); SIGKILL-able.</summary>
public sealed class BotProses : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private BotProses(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool Berjalan => !_process.HasExited;

    public static async Task<BotProses> StartAsync(string workDir, IReadOnlyDictionary<string, string> konfigurasi)
    {
        var dll = FindBotDll();
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.GetDirectoryName(dll)! })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Kinerja.Jobs"] = "Information";
        foreach (var (k, v) in StoreUji.Terapkan(konfigurasi))
        {
            info.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var self = new BotProses(process, port);
        process.OutputDataReceived += (_, e) => self.Tulis(e.Data);
        process.ErrorDataReceived += (_, e) => self.Tulis(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var batas = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"KinerjaBot exited with {process.ExitCode}:\n{self.Log}");
            }

            try
            {
                using var r = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return self;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (batas.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"KinerjaBot did not answer /healthz within 60 s:\n{self.Log}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Runs the bot with this configuration until it exits by itself (a bad configuration): exit code and output.</summary>
    public static async Task<(int KodeKeluar, string Keluaran)> JalankanSampaiKeluarAsync(string workDir, IReadOnlyDictionary<string, string> konfigurasi)
    {
        var dll = FindBotDll();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{FreePort()}", "--contentRoot", Path.GetDirectoryName(dll)! })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (k, v) in StoreUji.Terapkan(konfigurasi))
        {
            info.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        }

        using var process = Process.Start(info)!;
        var keluaran = process.StandardOutput.ReadToEndAsync();
        var galat = process.StandardError.ReadToEndAsync();
        using var batas = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(batas.Token);
        return (process.ExitCode, await keluaran + await galat);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks.</summary>
    public async Task BunuhAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await BunuhAsync();
        }

        _process.Dispose();
    }

    private void Tulis(string? baris)
    {
        if (baris is not null)
        {
            lock (_log)
            {
                _log.AppendLine(baris);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBotDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "bot", "bin", configuration, "net10.0", "KinerjaBot.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"KinerjaBot is not built: {dll} is missing.");
    }
}

/// <summary>
/// The store and the schedule as a bot instance sees them, from the test process: the same registrations
/// (AddKinerjaStorage, AddKinerjaPenjadwalan without a Hangfire server) on the same configuration.
/// </summary>
public sealed class KlienPengiriman : IDisposable
{
    public const string Kantor = "KPPN-UJI";

    private readonly ServiceProvider _services;

    public KlienPengiriman(IReadOnlyDictionary<string, string> konfigurasi)
    {
        var nilai = StoreUji.Terapkan(konfigurasi).ToDictionary(p => p.Key, p => (string?)p.Value);
        nilai["Kinerja:Jadwal:Server"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(nilai).Build();
        _services = new ServiceCollection().AddLogging().AddKinerjaStorage(configuration).AddKinerjaPenjadwalan(configuration).BuildServiceProvider();
    }

    public IBukuPengirimanStore Buku => _services.GetRequiredService<IBukuPengirimanStore>();

    public IPengirimanMassal Massal => _services.GetRequiredService<IPengirimanMassal>();

    public T Layanan<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static string Percakapan(int i) => string.Create(CultureInfo.InvariantCulture, $"a:uji-{i}");

    /// <summary>Links people 0 … n-1 of <see cref="Kantor"/> to chats on <paramref name="connector"/>.</summary>
    public async Task IsiPenerimaAsync(FakeBotConnector connector, int n)
    {
        var pada = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var pengguna = _services.GetRequiredService<IPenggunaStore>();
        var percakapan = _services.GetRequiredService<IPercakapanStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var aad = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{i:D12}");
            await pengguna.SimpanAsync(new PenggunaTerkait(aad, Kantor, NipSintetis.Ke(i), $"uji{i}@kemenkeu.example", pada), ct);
            await percakapan.SimpanReferensiAsync(new ReferensiPercakapan(aad, connector.ServiceUrl, Percakapan(i), "tenant-uji", $"29:uji-{i}", "28:kinerjabot", "msteams", pada), ct);
        });
    }

    /// <summary>Plans the test message for people 0 … n-1 (kind <see cref="PenyusunPesanUji.JenisUji"/>), due now.</summary>
    public Task<HasilRencana> RencanakanAsync(int n, string kurun) =>
        Massal.RencanakanAsync([.. Enumerable.Range(0, n).Select(i =>
            new RencanaKirim(new KunciPengiriman(PenyusunPesanUji.JenisUji, kurun, Kantor, NipSintetis.Ke(i)), DateTimeOffset.UtcNow))], CancellationToken.None);

    /// <summary>Waits until nothing of the run is planned any more.</summary>
    public async Task<RingkasanPengiriman> TungguSelesaiAsync(string kurun, TimeSpan batas, Func<string> log)
    {
        var habis = Stopwatch.StartNew();
        while (true)
        {
            var r = (await Buku.RingkasAsync(Kantor, CancellationToken.None)).Single(x => x.Kurun == kurun);
            if (r.Berstatus(StatusPengiriman.Direncanakan) == 0)
            {
                return r;
            }

            if (habis.Elapsed > batas)
            {
                throw new TimeoutException($"still {r.Berstatus(StatusPengiriman.Direncanakan)} planned after {batas}:\n{log()}");
            }

            await Task.Delay(250);
        }
    }

    public void Dispose() => _services.Dispose();
}

/// <summary>
/// The store of the delivery tests: SQLite at the test's <c>Kinerja:Storage:SqlitePath</c> (default), or with
/// <c>KINERJA_E2E_STORE=tables</c> (test.sh's second pass) Azure Tables on one Azurite shared by every process of the
/// run (started on first use, killed when the test process exits), with one table prefix per test derived from that
/// path: the bot processes and the test's own client of one test see the same tables, two tests never. Hangfire keeps
/// the storage the test chose (SQLite beside that path, or PostgreSQL).
/// </summary>
public static class StoreUji
{
    private static readonly Lazy<Task<AzuriteProses>> Azurite = new(async () =>
    {
        var azurite = await AzuriteProses.StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    });

    /// <summary>The store the delivery tests run on: <c>sqlite</c> or <c>tables</c>.</summary>
    public static string Store { get; } = Environment.GetEnvironmentVariable("KINERJA_E2E_STORE")?.Trim().ToLowerInvariant() is "tables" ? "tables" : "sqlite";

    /// <summary>The test's configuration, on Azure Tables when the run asks for it.</summary>
    public static IReadOnlyDictionary<string, string> Terapkan(IReadOnlyDictionary<string, string> konfigurasi)
    {
        if (Store != "tables" || konfigurasi.ContainsKey("Kinerja:Storage:Provider"))
        {
            return konfigurasi;
        }

        var azurite = Task.Run(() => Azurite.Value).GetAwaiter().GetResult();
        var tempat = konfigurasi.TryGetValue("Kinerja:Storage:SqlitePath", out var p) ? p : "kinerja.db";
        var prefix = "E2e" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(tempat)))[..20];
        return new Dictionary<string, string>(konfigurasi)
        {
            ["Kinerja:Storage:Provider"] = "tables",
            ["Kinerja:Storage:TablesConnectionString"] = azurite.ConnectionString,
            ["Kinerja:Storage:TablesPrefix"] = prefix,
        };
    }
}

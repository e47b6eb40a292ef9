using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kinerja.Testing;

/// <summary>
/// Azurite's table service (the official Azure Storage emulator, stack.md) on a free loopback port, in memory: started
/// and stopped (process tree killed) by its owner — the storage tests' collection fixture and the end-to-end tier when
/// it runs the bot on Azure Tables.
/// </summary>
public sealed class AzuriteProses : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly StringBuilder _log = new();
    private Process? _azurite;

    public int Port { get; private set; }

    /// <summary>The account connection string of the emulator on its port (stack.md).</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;");

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

    public static async Task<AzuriteProses> StartAsync()
    {
        var proses = new AzuriteProses();
        await proses.MulaiAsync();
        return proses;
    }

    private async Task MulaiAsync()
    {
        var bin = Path.Combine(RepoPaths.TestTools, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {RepoPaths.TestTools} (test.sh does).");
        }

        Port = FreePort();
        var info = new ProcessStartInfo(bin) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence", "--disableTelemetry", "--silent" })
        {
            info.ArgumentList.Add(arg);
        }

        _azurite = new Process { StartInfo = info, EnableRaisingEvents = true };
        _azurite.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_log) { _log.AppendLine(e.Data); } } };
        _azurite.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_log) { _log.AppendLine(e.Data); } } };
        _azurite.Start();
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_azurite.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_azurite.ExitCode}:\n{Log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{Port} within 30 s:\n{Log}", e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
            await _azurite.WaitForExitAsync();
        }

        _azurite?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

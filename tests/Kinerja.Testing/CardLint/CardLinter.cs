using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Kinerja.Testing.CardLint;

/// <summary>The linter's answer for one card.</summary>
/// <param name="Bytes">UTF-8 size of the compact card JSON that was linted.</param>
/// <param name="Errors">Every problem found; empty when the card is valid.</param>
public sealed record CardLintResult(int Bytes, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Lints Adaptive Card JSON with the official renderer through <c>tests/tools/card-lint.js</c> (see the script's
/// header for every check). One long-lived <c>node</c> process answers one JSON line per card; calls are serialised,
/// so one instance is safe to share between parallel tests. Use <see cref="Shared"/>: one process per test assembly,
/// started on first use and ended when the test host exits. Takes a JSON string so this project needs no card model.
/// </summary>
public sealed class CardLinter : IDisposable
{
    private static readonly Lazy<CardLinter> SharedInstance = new(CreateShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _toolsDirectory;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private bool _disposed;

    public CardLinter(string toolsDirectory, TimeSpan? timeout = null)
    {
        _toolsDirectory = toolsDirectory;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The linter of this test assembly (tests/tools of the repository).</summary>
    public static CardLinter Shared => SharedInstance.Value;

    public static string Script(string toolsDirectory) => Path.Combine(toolsDirectory, "card-lint.js");

    /// <summary>Every problem with the card; empty when it is valid.</summary>
    public async Task<IReadOnlyList<string>> LintAsync(string cardJson, CancellationToken cancellationToken = default) =>
        (await LintDetailedAsync(cardJson, cancellationToken).ConfigureAwait(false)).Errors;

    /// <summary>Fails the test listing every problem (and the card's size) when the card is not valid.</summary>
    public async Task AssertValidAsync(string cardJson, CancellationToken cancellationToken = default)
    {
        var result = await LintDetailedAsync(cardJson, cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            Assert.Fail($"Adaptive Card tidak valid ({result.Errors.Count} masalah, {result.Bytes} byte):{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", result.Errors));
        }
    }

    public async Task<CardLintResult> LintDetailedAsync(string cardJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cardJson);
        var line = OneLine(cardJson);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var process = _process is { HasExited: false } p ? p : await StartAsync(cancellationToken).ConfigureAwait(false);
            await process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = await ReadLineAsync(process, cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(answer);
            var errors = doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            return new CardLintResult(doc.RootElement.GetProperty("bytes").GetInt32(), errors);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            Stop();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The linter reads one card per line: pretty-printed JSON is compacted (size is measured on that form).</summary>
    private static string OneLine(string json)
    {
        if (json.AsSpan().IndexOfAny('\n', '\r') < 0)
        {
            return json;
        }

        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Compact) ?? "null";
        }
        catch (JsonException)
        {
            return json.ReplaceLineEndings(" "); // the linter answers "not JSON"
        }
    }

    private async Task<Process> StartAsync(CancellationToken cancellationToken)
    {
        Stop();
        var script = Script(_toolsDirectory);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Card linter script not found: {script}");
        }

        if (!Directory.Exists(Path.Combine(_toolsDirectory, "node_modules", "adaptivecards")))
        {
            throw new InvalidOperationException(
                $"The official Adaptive Cards renderer is not installed. Run `npm ci` in {_toolsDirectory} (installs adaptivecards@3.0.6 from package-lock.json).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _toolsDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The card linter needs Node.js (`node` on PATH, version 20 or later).", e);
        }

        lock (_stderr)
        {
            _stderr.Clear();
        }

        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        _process = process;
        var ready = await ReadLineAsync(process, cancellationToken).ConfigureAwait(false);
        if (!ready.Contains("\"ready\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"card-lint.js did not start: {ready}");
        }

        return process;
    }

    private async Task<string> ReadLineAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stop();
            throw new TimeoutException($"card-lint.js did not answer within {_timeout.TotalSeconds} s. {Stderr()}");
        }

        if (line is null)
        {
            // The process ended: give node a moment to flush stderr, then report what it said.
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            var exit = process.ExitCode;
            Stop();
            throw new InvalidOperationException($"card-lint.js ended (exit code {exit}). {Stderr()}");
        }

        return line;
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.Length == 0 ? "" : "Its stderr: " + _stderr.ToString().Trim();
        }
    }

    private void Stop()
    {
        if (_process is not { } p)
        {
            return;
        }

        _process = null;
        try
        {
            if (!p.HasExited)
            {
                p.StandardInput.Close(); // the script exits when stdin closes
                if (!p.WaitForExit(2000))
                {
                    p.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            p.Dispose();
        }
    }

    private static CardLinter CreateShared()
    {
        var linter = new CardLinter(RepoPaths.TestTools);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => linter.Dispose();
        return linter;
    }
}

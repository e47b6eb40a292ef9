using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Testing;

namespace KinerjaBot.EndToEnd;

/// <summary>
/// The end-to-end tier: the built KinerjaBot as its own process (Development, a fresh SQLite file, the demo office
/// loaded on first start) and the real Microsoft 365 Agents Playground (npm, pinned 0.2.28) as the Teams client,
/// driven through its HTTP and WebSocket API — nothing faked in between. With the environment variable
/// <c>KINERJA_E2E_STORE=tables</c> (test.sh's second pass) the bot runs on Azure Tables instead, on an Azurite this
/// fixture starts, with fresh tables; the fixture checks that the demo office did land there.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private readonly StringBuilder _botLog = new();
    private Process? _bot;
    private readonly List<PlaygroundInstance> _playgrounds = [];
    private string _workDir = "";
    private AzuriteProses? _azurite;

    /// <summary>The store the bot runs on: <c>sqlite</c> (default) or <c>tables</c> (<c>KINERJA_E2E_STORE</c>).</summary>
    public static string Store { get; } = Environment.GetEnvironmentVariable("KINERJA_E2E_STORE")?.Trim().ToLowerInvariant() is "tables" ? "tables" : "sqlite";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public int BotPort { get; private set; }

    /// <summary>The first Playground (Bagus, Kepala Seksi PDMS), started with the bot.</summary>
    public PlaygroundInstance Utama { get; private set; } = null!;

    public int PlaygroundPort => Utama.Port;

    public string Logs => $"--- bot ---\n{_botLog}" + string.Concat(_playgrounds.Select(l => $"\n--- playground :{l.Port} ---\n{l.Log}"));

    public async Task InitializeAsync()
    {
        _workDir = Directory.CreateTempSubdirectory("kinerjabot-e2e-").FullName;
        var botDll = FindBotDll();
        var playgroundBin = Path.Combine(RepoPaths.Playground, "node_modules", ".bin", "agentsplayground");
        if (!File.Exists(playgroundBin))
        {
            throw new InvalidOperationException($"Agents Playground is not installed: run `npm ci` in {RepoPaths.Playground} (test.sh does).");
        }

        BotPort = FreePort();
        var bot = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { botDll, "--urls", $"http://127.0.0.1:{BotPort}", "--contentRoot", Path.GetDirectoryName(botDll)! })
        {
            bot.ArgumentList.Add(arg);
        }

        bot.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        bot.Environment["DOTNET_ENVIRONMENT"] = "Development";
        bot.Environment["Kinerja__Storage__SqlitePath"] = Path.Combine(_workDir, "kinerja.db");
        var prefix = "E2e" + Guid.NewGuid().ToString("N")[..16];
        if (Store == "tables")
        {
            _azurite = await AzuriteProses.StartAsync();
            bot.Environment["Kinerja__Storage__Provider"] = "tables";
            bot.Environment["Kinerja__Storage__TablesConnectionString"] = _azurite.ConnectionString;
            bot.Environment["Kinerja__Storage__TablesPrefix"] = prefix;
        }

        bot.Environment["Kinerja__Demo__MuatSaatKosong"] = "true";
        bot.Environment["Logging__LogLevel__Default"] = "Information";
        _bot = Start(bot, _botLog);
        await WaitUntilAsync(() => GetOkAsync($"http://127.0.0.1:{BotPort}/healthz"), "KinerjaBot /healthz", _bot);
        if (_azurite is not null)
        {
            // The demo office is loaded on start: on this pass it must be in Azure Tables, or the bot is not on Tables.
            var kantor = new Azure.Data.Tables.TableClient(_azurite.ConnectionString, prefix + "Kantor");
            await WaitUntilAsync(async () =>
            {
                try
                {
                    return (await kantor.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("kantor|KPPN-METRO", "head")).HasValue;
                }
                catch (Azure.RequestFailedException)
                {
                    return false; // the table is created on the bot's first use
                }
            }, "demo office in Azure Tables", _bot);
        }

        Utama = await StartPlaygroundAsync("bagus-kasi-pdms.yml", "personal-chat-e2e", "group-chat-e2e");
    }

    /// <summary>The first Playground's configuration: personal chat id and current user id.</summary>
    public Task<(string ConversationId, string UserId)> ConfigAsync() => Utama.ConfigAsync();

    /// <summary>Opens the stream of the bot's messages in the first Playground (it replays the history on connect).</summary>
    public Task<PlaygroundStream> StreamAsync() => Utama.StreamAsync();

    public Task SayAsync(string conversationId, string userId, string text) => Utama.SayAsync(conversationId, userId, text);

    /// <summary>Clicks an Action.Execute in the first Playground: it sends the invoke and returns the bot's invoke response.</summary>
    public Task<JsonNode> InvokeAsync(string conversationId, string userId, string cardMessageId, JsonObject action) =>
        Utama.InvokeAsync(conversationId, userId, cardMessageId, action);

    /// <summary>
    /// Starts another Agents Playground on its own port and in its own working folder with its own
    /// <c>.m365agentsplayground.yml</c> (from <c>manifest/playground/{configFile}</c>), pointing at the same bot: a second
    /// Teams user (e.g. the owner of an SKP next to the supervisor of the first instance).
    /// </summary>
    public async Task<PlaygroundInstance> StartPlaygroundAsync(string configFile, string personalChatId, string groupChatId)
    {
        var dir = Path.Combine(_workDir, Path.GetFileNameWithoutExtension(configFile));
        Directory.CreateDirectory(dir);
        var config = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Playground, configFile));
        await File.WriteAllTextAsync(Path.Combine(dir, ".m365agentsplayground.yml"),
            config.Replace("__PERSONAL_CHAT_ID__", personalChatId, StringComparison.Ordinal)
                .Replace("__GROUP_CHAT_ID__", groupChatId, StringComparison.Ordinal));
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(RepoPaths.Playground, "node_modules", ".bin", "agentsplayground"))
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-e", $"http://127.0.0.1:{BotPort}/api/messages", "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        info.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(dir, "playground.log");
        var log = new StringBuilder();
        var process = Start(info, log);
        var instance = new PlaygroundInstance(Http, port, process, log);
        _playgrounds.Add(instance);
        await WaitUntilAsync(() => GetOkAsync($"http://127.0.0.1:{port}/_debug/ping"), $"Agents Playground ({configFile}) /_debug/ping", process);
        return instance;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _playgrounds.Select(l => l.Process).Append(_bot))
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process?.Dispose();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the OS.
        }
    }

    private static Process Start(ProcessStartInfo info, StringBuilder log)
    {
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> GetOkAsync(string url)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(url));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> ready, string what, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what}: the process exited with {process.ExitCode}.\n{Logs}");
            }

            if (await ready())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} did not answer within 60 s.\n{Logs}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The bot as built beside these tests (same configuration), run as its own process.</summary>
    private static string FindBotDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "bot", "bin", configuration, "net10.0", "KinerjaBot.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"KinerjaBot is not built: {dll} is missing.");
    }
}

/// <summary>The Playground's stream of the bot's messages.</summary>
public sealed class PlaygroundStream(ClientWebSocket socket) : IAsyncDisposable
{
    /// <summary>Waits for the next bot message (create or update) that satisfies <paramref name="match"/>.</summary>
    public async Task<JsonNode> NextAsync(Func<JsonNode, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cts.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The Playground closed the stream.");
            }

            var node = JsonNode.Parse(message.ToArray());
            if (node is not null && match(node))
            {
                return node;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        socket.Dispose();
    }
}

/// <summary>One Agents Playground (one Teams user) driven through its HTTP and WebSocket API.</summary>
public sealed class PlaygroundInstance(HttpClient http, int port, Process process, StringBuilder log)
{
    public int Port { get; } = port;

    internal Process Process { get; } = process;

    internal string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public Uri Uri => new($"http://127.0.0.1:{Port}/");

    /// <summary>GET <c>/_internal/v1/config</c> (as the Playground's page does on load): personal chat id and current user id.</summary>
    public async Task<(string ConversationId, string UserId)> ConfigAsync()
    {
        var config = JsonNode.Parse(await http.GetStringAsync(new Uri(Uri, "_internal/v1/config")))!;
        var root = config["config"] ?? config;
        return (root["personalChat"]!["id"]!.GetValue<string>(), root["currentUser"]!["id"]!.GetValue<string>());
    }

    /// <summary>Installs the app in the personal chat: the bot gets installationUpdate + conversationUpdate and stores the reference.</summary>
    public async Task InstallAsync(string conversationId)
    {
        using var response = await http.PostAsync(new Uri(Uri, $"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation"),
            new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"Playground refused the installation: {(int)response.StatusCode}");
    }

    public async Task<PlaygroundStream> StreamAsync()
    {
        var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        return new PlaygroundStream(ws);
    }

    public async Task SayAsync(string conversationId, string userId, string text)
    {
        var body = new JsonObject { ["type"] = "text", ["text"] = text, ["textFormat"] = "plain", ["from"] = new JsonObject { ["id"] = userId } };
        using var response = await http.PostAsync(new Uri(Uri, $"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages"),
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"Playground refused the message: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonNode> InvokeAsync(string conversationId, string userId, string cardMessageId, JsonObject action)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = action },
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = cardMessageId,
        };
        using var response = await http.PostAsync(new Uri(Uri, "_conversation/v1/invoke"), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Invoke failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}

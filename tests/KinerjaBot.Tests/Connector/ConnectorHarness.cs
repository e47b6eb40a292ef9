using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using KinerjaBot.Protocol;
using KinerjaBot.Protocol.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Connector;

/// <summary>One request the client put on the wire.</summary>
public sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, JsonNode? Body);

/// <summary>
/// The Bot Connector at the HTTP edge, speaking its wire format. Answers with <see cref="Respond"/> (by default
/// 201 with a fresh id); every request is recorded in order.
/// </summary>
public sealed class FakeConnector : HttpMessageHandler
{
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private int _count;

    /// <summary>The answer to request number <c>n</c> (0-based).</summary>
    public Func<SeenRequest, int, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (r, n, _) => Task.FromResult(Created($"activity-{n + 1}"));

    public IReadOnlyList<SeenRequest> Requests => [.. _seen];

    public int Count => Volatile.Read(ref _count);

    /// <summary>Answers in turn; the last answer repeats.</summary>
    public FakeConnector Sequence(params Func<HttpResponseMessage>[] answers)
    {
        Respond = (_, n, _) => Task.FromResult(answers[Math.Min(n, answers.Length - 1)]());
        return this;
    }

    public static HttpResponseMessage Created(string id) => Json(HttpStatusCode.Created, new JsonObject { ["id"] = id });

    public static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    /// <summary>The Bot Framework error shape, <c>{"error":{"code","message"}}</c>.</summary>
    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message = "") =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    public static HttpResponseMessage Raw(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        JsonNode? body = null;
        if (request.Content is not null)
        {
            var text = await request.Content.ReadAsStringAsync(cancellationToken);
            body = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
        }

        var seen = new SeenRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.ToString(), body);
        _seen.Enqueue(seen);
        var n = Interlocked.Increment(ref _count) - 1;
        return await Respond(seen, n, cancellationToken);
    }
}

/// <summary>
/// A <see cref="TokenCredential"/> that counts its calls and issues <c>token-1</c>, <c>token-2</c> … valid for
/// <see cref="Lifetime"/> on the fake clock. <see cref="Gate"/> holds acquisitions until released.
/// </summary>
public sealed class FakeCredential(TimeProvider time) : TokenCredential
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public TaskCompletionSource? Gate { get; set; }

    public Exception? Fail { get; set; }

    public List<string[]> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The connector asks asynchronously.");

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _calls);
        lock (Scopes)
        {
            Scopes.Add(requestContext.Scopes);
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Fail is { } fail)
        {
            throw fail;
        }

        return new AccessToken($"token-{n}", time.GetUtcNow() + Lifetime);
    }
}

/// <summary>Log lines kept for assertions (event id, level, text).</summary>
public sealed class ListLogger : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Text)> _lines = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Text)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((eventId.Id, logLevel, formatter(state, exception)));

    public void Dispose()
    {
    }
}

/// <summary>
/// A <see cref="ConnectorClient"/> built by hand (as the host would, without the host): fake connector, fake clock,
/// either development mode (no credentials) or production mode with a <see cref="FakeCredential"/> behind the real
/// <see cref="CredentialTokenProvider"/>. Backoff jitter is fixed at its middle so delays are exact.
/// </summary>
public sealed class ConnectorHarness : IDisposable
{
    public const string Loopback = "http://localhost:56150/_connector";
    public const string Teams = "https://smba.trafficmanager.net/teams/";
    public const string Tenant = "7a1d4e2b-0000-4000-8000-00000000a001";
    public const string TenantLain = "0b5e9c1d-0000-4000-8000-00000000b002";

    private readonly ILoggerFactory _loggers;
    private readonly HttpClient _http;

    private ConnectorHarness(bool production, Action<ConnectorOptions>? configure)
    {
        // The timing tests step the fake clock once per wait; the preparation lead (a second wait just before the slot)
        // has tests of its own that set it.
        var options = new ConnectorOptions { WaktuPersiapan = TimeSpan.Zero };
        configure?.Invoke(options);
        Options = options;
        _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        if (production)
        {
            Credential = new FakeCredential(Time);
            CredentialFactoryCalls = 0;
            Tokens = new CredentialTokenProvider(() =>
            {
                CredentialFactoryCalls++;
                return Credential;
            }, Time, _loggers.CreateLogger<CredentialTokenProvider>());
        }

        var credentials = Tokens is null ? ConnectorCredentials.Anonymous : new ConnectorCredentials(Tokens);
        Hosts = new ConnectorHostPolicy(credentials, wrapped, _loggers.CreateLogger<ConnectorHostPolicy>());
        Limiter = new ConnectorRateLimiter(wrapped, Time, _loggers.CreateLogger<ConnectorRateLimiter>());
        _http = new HttpClient(Connector);
        Client = new ConnectorClient(_http, credentials, Hosts, Limiter, new ConnectorBackoff(wrapped, () => 0.5), wrapped, Time, _loggers.CreateLogger<ConnectorClient>());
    }

    /// <summary>Where <see cref="Time"/> starts: 28 November 2026, 10.10 WIB.</summary>
    public static readonly DateTimeOffset Awal = new(2026, 11, 28, 3, 10, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Awal);

    public FakeConnector Connector { get; } = new();

    public ListLogger Logs { get; } = new();

    public ConnectorOptions Options { get; }

    public FakeCredential? Credential { get; }

    public int CredentialFactoryCalls { get; private set; }

    public CredentialTokenProvider? Tokens { get; }

    public ConnectorHostPolicy Hosts { get; }

    public ConnectorRateLimiter Limiter { get; }

    public ConnectorClient Client { get; }

    /// <summary>Development mode: no app id, no token, loopback only.</summary>
    public static ConnectorHarness Development(Action<ConnectorOptions>? configure = null) => new(production: false, configure);

    /// <summary>Production mode: a bot token from the fake credential, allow-listed https hosts only.</summary>
    public static ConnectorHarness Production(Action<ConnectorOptions>? configure = null) => new(production: true, configure);

    public static Activity Pesan(string conversationId, string tenantId = Tenant, string text = "Halo") => new()
    {
        Type = "message",
        Text = text,
        Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId },
    };

    /// <summary>Sends a message to a conversation of the given tenant.</summary>
    public Task<ResourceResponse> Kirim(string conversationId, string tenantId = Tenant, string serviceUrl = Loopback) =>
        Client.SendToConversationAsync(serviceUrl, conversationId, Pesan(conversationId, tenantId), CancellationToken.None);

    /// <summary>
    /// Waits (in real time, bounded) for something the client does on another thread after the fake clock moved.
    /// Only a guard against hanging: no test asserts on how long this takes.
    /// </summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 4000 && !condition(); i++)
        {
            await Task.Delay(2);
        }

        Assert.True(condition(), "Tidak terjadi: " + what);
    }

    /// <summary>
    /// The call's outcome when it ends without waiting: if the client parks to retry instead (a replay the test says
    /// must not happen), the test fails instead of hanging on the fake clock.
    /// </summary>
    public async Task<T> TanpaMenunggu<T>(Task<T> call)
    {
        await Until(() => call.IsCompleted || Limiter.Waiting > 0, "panggilan selesai atau menunggu");
        Assert.True(call.IsCompleted, "Klien menunggu untuk mengulang, padahal seharusnya langsung selesai.");
        return await call;
    }

    /// <summary>Waits until exactly <paramref name="n"/> callers are parked in the limiter (slot, pause or backoff).</summary>
    public Task Menunggu(int n) => Until(() => Limiter.Waiting == n, $"{n} pemanggil menunggu");

    public Task Terkirim(int n) => Until(() => Connector.Count == n, $"{n} permintaan terkirim");

    public void Dispose()
    {
        _http.Dispose();
        _loggers.Dispose();
        Connector.Dispose();
    }
}

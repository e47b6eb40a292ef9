using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kinerja.Testing.Connector;

/// <summary>
/// The Bot Connector service as a real HTTP server on a free loopback port (Kestrel), speaking the v3 wire format of
/// <c>POST /v3/conversations/{id}/activities</c> (botframework-protocol.md §2.2–2.3): 201 <c>{"id":…}</c> on success,
/// <c>{"error":{"code","message"}}</c> bodies on failure. It enforces what Teams enforces — per conversation 7 sends per
/// second and 8 per 2 seconds, and a per-tenant rate (sliding second) — with 429 and <c>Retry-After</c>, and it can
/// inject 403 <c>MessageWritesBlocked</c> for chosen conversations, 412, 503 and 429 on a first attempt (429 also on
/// the first N), and a 502 after the message was delivered (the ambiguous case). It counts every message delivered per conversation.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _diterima = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _percobaan = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _perPercakapan = new(StringComparer.Ordinal);
    private readonly Queue<long> _perTenant = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<long> _waktuTerima = new();
    private readonly ConcurrentQueue<long> _waktuPermintaan = new();
    private readonly ConcurrentDictionary<string, JsonNode> _aktivitas = new(StringComparer.Ordinal);
    private int _id;
    private int _tolakTenant;
    private int _tolakPercakapan;

    private FakeBotConnector(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The service URL to store in conversation references.</summary>
    public string ServiceUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/");

    /// <summary>Requests per sliding second to the tenant before a 429.</summary>
    public int BatasTenant { get; set; } = 30;

    /// <summary>The <c>Retry-After</c> (seconds) of a 429.</summary>
    public int RetryAfterDetik { get; set; } = 1;

    /// <summary>Conversations answered 403 <c>MessageWritesBlocked</c> (the user blocked the bot).</summary>
    public ConcurrentDictionary<string, bool> Diblokir { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversations whose first attempt gets a 412 (retried by the client).</summary>
    public ConcurrentDictionary<string, bool> Prasyarat412 { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversations whose first attempt gets a 429 with <c>Retry-After</c> (not counted against the rate).</summary>
    public ConcurrentDictionary<string, bool> Throttle429 { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversations whose first N attempts get a 429 with <c>Retry-After</c> (not counted against the rate).</summary>
    public ConcurrentDictionary<string, int> Throttle429Sebanyak { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversations whose first attempt gets a 503 before anything is delivered.</summary>
    public ConcurrentDictionary<string, bool> Gagal503 { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests per conversation, whatever their answer.</summary>
    public IReadOnlyDictionary<string, int> Percobaan => _percobaan;

    /// <summary>Conversations whose message is delivered but answered 502 (the sender cannot know it arrived).</summary>
    public ConcurrentDictionary<string, bool> GagalSetelahKirim { get; } = new(StringComparer.Ordinal);

    /// <summary>Optional delay of every answer (a slow connector).</summary>
    public TimeSpan Jeda { get; set; }

    /// <summary>Messages delivered per conversation.</summary>
    public IReadOnlyDictionary<string, int> Diterima => _diterima;

    public int TotalDiterima => _diterima.Values.Sum();

    /// <summary>The last activity delivered per conversation, as posted.</summary>
    public IReadOnlyDictionary<string, JsonNode> Aktivitas => _aktivitas;

    /// <summary>429s answered because the tenant's rate was exceeded.</summary>
    public int DitolakKarenaTenant => Volatile.Read(ref _tolakTenant);

    /// <summary>429s answered because a conversation's window was exceeded.</summary>
    public int DitolakKarenaPercakapan => Volatile.Read(ref _tolakPercakapan);

    /// <summary>Deliveries per second from the first to the last delivery.</summary>
    public double LajuTerima => Laju(_waktuTerima.ToArray());

    /// <summary>
    /// Requests counted against the tenant's limit per second, first to last: every request the limit let through,
    /// whatever its answer (delivered, 403, an injected 412 or 503). The pace a client keeps against the limit.
    /// </summary>
    public double LajuPermintaan => Laju(_waktuPermintaan.ToArray());

    /// <summary>
    /// How long the last <paramref name="fraksi"/> of the counted requests took after the rest: the tail of a fan-out
    /// (retries after a backoff), which weighs on a short run's average.
    /// </summary>
    public TimeSpan EkorPermintaan(double fraksi)
    {
        var w = _waktuPermintaan.ToArray();
        Array.Sort(w);
        if (w.Length < 2)
        {
            return TimeSpan.Zero;
        }

        var i = Math.Clamp((int)Math.Floor(w.Length * (1 - fraksi)) - 1, 0, w.Length - 1);
        return Stopwatch.GetElapsedTime(w[i], w[^1]);
    }

    /// <summary>Requests counted against the tenant's limit.</summary>
    public int TotalPermintaan => _waktuPermintaan.Count;

    private static double Laju(long[] w)
    {
        if (w.Length < 2)
        {
            return 0;
        }

        var detik = (w.Max() - w.Min()) / (double)Stopwatch.Frequency;
        return detik <= 0 ? 0 : (w.Length - 1) / detik;
    }

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeBotConnector? self = null;
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            return await self!.TerimaAsync(conversationId, body, http);
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        self = new FakeBotConnector(app, port);
        return self;
    }

    private async Task<IResult> TerimaAsync(string conversationId, JsonNode? body, HttpContext http)
    {
        if (Jeda > TimeSpan.Zero)
        {
            await Task.Delay(Jeda);
        }

        if (body?["type"]?.GetValue<string>() != "message")
        {
            return Galat(HttpStatusCode.BadRequest, "BadArgument", "Activity type must be message", null);
        }

        var ke = _percobaan.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        if ((ke == 1 && Throttle429.ContainsKey(conversationId)) || (Throttle429Sebanyak.TryGetValue(conversationId, out var sebanyak) && ke <= sebanyak))
        {
            return Galat(HttpStatusCode.TooManyRequests, "TooManyRequests", "Too many requests", RetryAfterDetik);
        }

        var sekarang = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            // Per tenant: a sliding second. Per conversation: 7 per second and 8 per two seconds. A request over a
            // limit is answered 429 and not counted.
            Buang(_perTenant, sekarang, TimeSpan.FromSeconds(1));
            if (_perTenant.Count >= BatasTenant)
            {
                _tolakTenant++;
                return Galat(HttpStatusCode.TooManyRequests, "TooManyRequests", "The tenant's rate limit was exceeded", RetryAfterDetik);
            }

            if (!_perPercakapan.TryGetValue(conversationId, out var jejak))
            {
                _perPercakapan[conversationId] = jejak = new Queue<long>();
            }

            Buang(jejak, sekarang, TimeSpan.FromSeconds(2));
            var dalamSatuDetik = jejak.Count(t => Stopwatch.GetElapsedTime(t, sekarang) < TimeSpan.FromSeconds(1));
            if (dalamSatuDetik >= 7 || jejak.Count >= 8)
            {
                _tolakPercakapan++;
                return Galat(HttpStatusCode.TooManyRequests, "TooManyRequests", "The conversation's rate limit was exceeded", RetryAfterDetik);
            }

            _perTenant.Enqueue(sekarang);
            jejak.Enqueue(sekarang);
            _waktuPermintaan.Enqueue(sekarang);
        }

        // Past the limits, the request counts against them whatever it is answered.
        if (ke == 1 && Gagal503.ContainsKey(conversationId))
        {
            return Galat(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "The service is temporarily unavailable", null);
        }

        if (ke == 1 && Prasyarat412.ContainsKey(conversationId))
        {
            return Galat(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "Precondition failed", null);
        }

        if (Diblokir.ContainsKey(conversationId))
        {
            return Galat(HttpStatusCode.Forbidden, "MessageWritesBlocked", "The bot is blocked by the user", null);
        }

        _diterima.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        _aktivitas[conversationId] = body!;
        _waktuTerima.Enqueue(sekarang);
        var id = "1:" + Interlocked.Increment(ref _id).ToString(CultureInfo.InvariantCulture);
        if (GagalSetelahKirim.ContainsKey(conversationId))
        {
            return Galat(HttpStatusCode.BadGateway, "BadGateway", "Upstream failed after accepting the message", null);
        }

        return Results.Json(new JsonObject { ["id"] = id }, statusCode: StatusCodes.Status201Created);
    }

    private static void Buang(Queue<long> jejak, long sekarang, TimeSpan jendela)
    {
        while (jejak.Count > 0 && Stopwatch.GetElapsedTime(jejak.Peek(), sekarang) >= jendela)
        {
            jejak.Dequeue();
        }
    }

    private static IResult Galat(HttpStatusCode status, string code, string message, int? retryAfter) =>
        new GalatResult((int)status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, retryAfter);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class GalatResult(int status, JsonObject body, int? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (retryAfter is { } r)
            {
                httpContext.Response.Headers.RetryAfter = r.ToString(CultureInfo.InvariantCulture);
            }

            return Results.Json(body, statusCode: status).ExecuteAsync(httpContext);
        }
    }
}

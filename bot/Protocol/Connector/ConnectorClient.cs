using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>The id the connector gave a sent activity (absent when the channel answers 202 without a body).</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The id of a conversation created for a proactive 1:1 message.</summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId, string? ServiceUrl);

/// <summary>
/// The Bot Connector REST operations KinerjaBot uses (botframework-protocol.md §2.2). Failures are
/// <see cref="ConnectorException"/>s whose <see cref="ConnectorException.Kind"/> says what to do next.
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken);

    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SendToConversationAsync(string, string, Activity, CancellationToken)"/> that calls
    /// <paramref name="sebelumPost"/> once the rate limiter has reserved the attempt's slot, at most
    /// <see cref="ConnectorOptions.WaktuPersiapan"/> before it, and only then waits for the slot and posts (again before a
    /// retried attempt): the delivery engine writes its in-flight mark there, so that time spent waiting for Teams'
    /// limits is not part of the window in which a crash leaves a send ambiguous, and the write is not between the slot
    /// and the POST (docs/pengiriman.md).
    /// </summary>
    async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        Func<CancellationToken, Task> sebelumPost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sebelumPost);
        await sebelumPost(cancellationToken).ConfigureAwait(false);
        return await SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false);
    }

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string userId, string? tenantId, string? botId, CancellationToken cancellationToken);

    /// <summary>The member, or null when the connector does not know the user (404).</summary>
    Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken);
}

/// <summary>
/// Hand-written connector client (the Bot Framework SDK is not installable here). Every call:
/// <list type="number">
/// <item>goes through <see cref="ConnectorHostPolicy"/> first — a refused service URL gets no request at all;</item>
/// <item>waits for its slot in <see cref="ConnectorRateLimiter"/> (Teams' per-conversation and per-tenant limits);</item>
/// <item>carries the bot token only to allow-listed https hosts, never in development mode;</item>
/// <item>is retried only when that cannot deliver a message twice: 429 (after <c>Retry-After</c>, paused for the whole
/// tenant), 412, and failures before the request left; GET, PUT and create-conversation also after 500/502/503/504 and
/// timeouts. A POST that creates a message and fails ambiguously is reported as
/// <see cref="ConnectorErrorKind.Ambiguous"/>, never replayed; a 401 is retried once with a fresh token.</item>
/// </list>
/// </summary>
public sealed class ConnectorClient(
    HttpClient http,
    ConnectorCredentials credentials,
    ConnectorHostPolicy hosts,
    ConnectorRateLimiter limiter,
    ConnectorBackoff backoff,
    IOptions<ConnectorOptions> options,
    TimeProvider time,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken)
    {
        var call = new Call(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}",
            ConnectorLimit.Tulis, conversationId, reply.TenantId, SafeToRepeat: false, Json(reply));
        using var response = await CallAsync(call, cancellationToken);
        return await ReadAsync<ResourceResponse>(response, cancellationToken) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var call = new Call(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities",
            ConnectorLimit.Tulis, conversationId, activity.TenantId, SafeToRepeat: false, Json(activity));
        using var response = await CallAsync(call, cancellationToken);
        return await ReadAsync<ResourceResponse>(response, cancellationToken) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        Func<CancellationToken, Task> sebelumPost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sebelumPost);
        var call = new Call(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities",
            ConnectorLimit.Tulis, conversationId, activity.TenantId, SafeToRepeat: false, Json(activity)) { BeforeSend = sebelumPost };
        using var response = await CallAsync(call, cancellationToken);
        return await ReadAsync<ResourceResponse>(response, cancellationToken) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        activity.Type ??= "message";

        // PUT replaces the activity with the same content: repeating it cannot show the user anything twice.
        var call = new Call(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}",
            ConnectorLimit.Tulis, conversationId, activity.TenantId, SafeToRepeat: true, Json(activity));
        using var response = await CallAsync(call, cancellationToken);
        return await ReadAsync<ResourceResponse>(response, cancellationToken) ?? new ResourceResponse(null);
    }

    public async Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string userId, string? tenantId, string? botId, CancellationToken cancellationToken)
    {
        // ConversationParameters for a proactive 1:1 (botframework-protocol.md §2.2): the user's id (29: id or AAD
        // object id) in members[0].id, the tenant both top level and in channelData.
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
        };
        if (botId is not null)
        {
            body["bot"] = new JsonObject { ["id"] = botId };
        }

        if (tenantId is not null)
        {
            body["tenantId"] = tenantId;
            body["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        }

        // Without an activity in the parameters this sends nothing: it returns the user's one personal chat with
        // the bot, so asking again after a lost answer is harmless.
        var call = new Call(HttpMethod.Post, serviceUrl, "v3/conversations",
            ConnectorLimit.Tulis, "1:1 " + userId, tenantId, SafeToRepeat: true, JsonSerializer.SerializeToUtf8Bytes(body, ProtocolJson.Options));
        using var response = await CallAsync(call, cancellationToken);
        var created = await ReadAsync<ConversationResourceResponse>(response, cancellationToken);
        return created is { Id.Length: > 0 }
            ? created
            : throw new ConnectorException(ConnectorErrorKind.InvalidResponse, "Connector tidak mengembalikan id percakapan", response.StatusCode);
    }

    public async Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var call = new Call(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(userId)}",
            ConnectorLimit.Baca, conversationId, TenantId: null, SafeToRepeat: true, Body: null);
        try
        {
            using var response = await CallAsync(call, cancellationToken);
            return await ReadAsync<TeamsChannelAccount>(response, cancellationToken);
        }
        catch (ConnectorException e) when (e.Kind == ConnectorErrorKind.NotFound)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> CallAsync(Call call, CancellationToken cancellationToken)
    {
        var uri = new Uri(hosts.Check(call.ServiceUrl), call.Path);
        var method = call.Method.Method;
        var path = uri.AbsolutePath;
        var o = options.Value;
        var retries = 0;
        var refreshed = false;
        while (true)
        {
            // The slot is reserved and the call wakes a little before it (Kinerja:Connector:WaktuPersiapan) to fetch the
            // token and let the caller write its in-flight mark; then it waits for the slot itself. Leaving too long
            // after it (a late wake-up, a preparation longer than its lead) or a 429 meanwhile: a new slot, so that
            // calls reach the service no further apart from their slots than the pacing allows for.
            var slot = await limiter.ReserveAsync(call.Limit, call.ConversationKey, call.TenantId, limiter.Lead, cancellationToken);
            var token = credentials.Tokens is { } tokens && hosts.MayCarryToken(uri) ? await tokens.GetTokenAsync(cancellationToken) : null;
            if (call.BeforeSend is { } beforeSend)
            {
                await beforeSend(cancellationToken);
            }

            await limiter.WaitForSlotAsync(slot, cancellationToken);
            var (response, failure, notSent) = await SendOnceAsync(call, uri, token, o.BatasWaktuPermintaan, cancellationToken);

            if (response is null)
            {
                var reason = failure is OperationCanceledException
                    ? $"tidak ada jawaban dalam {o.BatasWaktuPermintaan.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} detik"
                    : failure!.Message;
                if (!notSent && !call.SafeToRepeat)
                {
                    ConnectorLog.MaybeDelivered(logger, method, path, reason);
                    throw new ConnectorException(ConnectorErrorKind.Ambiguous, $"Pesan mungkin sudah terkirim (tidak dikirim ulang): {reason}", inner: failure);
                }

                if (retries < o.PercobaanUlang)
                {
                    await BackOffAsync(method, path, retries++, reason, cancellationToken);
                    continue;
                }

                ConnectorLog.Unreachable(logger, method, path, reason);
                throw new ConnectorException(ConnectorErrorKind.Transient, $"Connector tidak dapat dihubungi: {reason}", inner: failure);
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                ConnectorLog.Call(logger, method, path, status, retries);
                return response;
            }

            TimeSpan? retryAfter;
            string body;
            using (response)
            {
                retryAfter = RetryAfter(response.Headers.RetryAfter);
                body = await BodyAsync(response, cancellationToken);
            }

            var (code, message) = ConnectorErrorBody.Parse(body);
            ConnectorLog.Failed(logger, method, path, status, code);
            switch (status)
            {
                case 401 when token is not null && !refreshed:
                    // A token the connector no longer accepts (revoked, rotated secret): one fresh token, one more try.
                    refreshed = true;
                    await credentials.Tokens!.RefreshAsync(token, cancellationToken);
                    continue;

                case 429:
                    // Teams throttles per app per tenant: everyone sending to this tenant pauses, not just this call.
                    // The wait itself happens in the limiter, before the next attempt.
                    var pause = retryAfter ?? backoff.Delay(retries);
                    limiter.PauseTenant(call.TenantId, pause);
                    if (retries < o.PercobaanUlang && pause <= o.RetryAfterMaksimum)
                    {
                        retries++;
                        ConnectorLog.Retrying(logger, method, path, retries, pause.TotalSeconds, "429");
                        continue;
                    }

                    throw Final(response.StatusCode, code, message, body, pause);

                case 412:
                case 500 or 502 or 503 or 504 when call.SafeToRepeat:
                    if (retries < o.PercobaanUlang)
                    {
                        await BackOffAsync(method, path, retries++, status.ToString(CultureInfo.InvariantCulture), cancellationToken);
                        continue;
                    }

                    throw Final(response.StatusCode, code, message, body);

                case 500 or 502 or 503 or 504:
                    // A POST that creates a message: the service may have delivered it before failing. Not replayed.
                    ConnectorLog.MaybeDelivered(logger, method, path, status.ToString(CultureInfo.InvariantCulture));
                    throw new ConnectorException(ConnectorErrorKind.Ambiguous,
                        $"Pesan mungkin sudah terkirim (tidak dikirim ulang): connector menjawab {status} {code}".TrimEnd(), response.StatusCode, code);

                default:
                    throw Final(response.StatusCode, code, message, body);
            }
        }
    }

    /// <summary>One HTTP attempt under its own timeout; a failure says whether the request can have left.</summary>
    private async Task<(HttpResponseMessage? Response, Exception? Failure, bool NotSent)> SendOnceAsync(
        Call call, Uri uri, string? token, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = Request(call, uri, token);
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return (await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token), null, false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            // The per-attempt timeout: the request may well have arrived.
            return (null, e, false);
        }
        catch (HttpRequestException e)
        {
            return (null, e, NeverSent(e));
        }
    }

    private async Task BackOffAsync(string method, string path, int retry, string reason, CancellationToken cancellationToken)
    {
        var delay = backoff.Delay(retry);
        ConnectorLog.Retrying(logger, method, path, retry + 1, delay.TotalSeconds, reason);
        await limiter.DelayAsync(delay, cancellationToken);
    }

    private static ConnectorException Final(HttpStatusCode status, string? code, string? message, string body, TimeSpan? retryAfter = null)
    {
        var kind = ConnectorException.KindOf(status);
        return new ConnectorException(kind, $"Connector menjawab {(int)status} {code} {message}".TrimEnd(), status, code)
        {
            Alasan = kind == ConnectorErrorKind.Forbidden ? ConnectorErrorBody.Classify(code, message, body) : null,
            RetryAfter = retryAfter,
        };
    }

    private static HttpRequestMessage Request(Call call, Uri uri, string? token)
    {
        var request = new HttpRequestMessage(call.Method, uri);
        if (call.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>
    /// Failures that happen before a request is on the wire (no connection, no DNS answer, TLS refused): repeating
    /// them can never deliver twice. Everything else (connection reset, response cut off) may have arrived.
    /// </summary>
    private static bool NeverSent(HttpRequestException e) => e.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return string.Empty;
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        if (response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, ProtocolJson.Options);
        }
        catch (JsonException e)
        {
            throw new ConnectorException(ConnectorErrorKind.InvalidResponse, "Jawaban connector bukan JSON yang valid", response.StatusCode, inner: e);
        }
    }

    private static byte[] Json(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);

    private static string Esc(string segment) => Uri.EscapeDataString(segment);

    /// <summary>One connector operation: where, how it counts against the limits, and whether it may be repeated.</summary>
    private sealed record Call(
        HttpMethod Method,
        string ServiceUrl,
        string Path,
        ConnectorLimit Limit,
        string? ConversationKey,
        string? TenantId,
        bool SafeToRepeat,
        byte[]? Body)
    {
        /// <summary>Called once the rate limiter reserved this attempt's slot, just before it (its preparation lead).</summary>
        public Func<CancellationToken, Task>? BeforeSend { get; init; }
    }
}

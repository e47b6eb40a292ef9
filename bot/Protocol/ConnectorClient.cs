using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KinerjaBot.Protocol;

/// <summary>A connector call failed. <see cref="Code"/> is the connector's error code when it sent one.</summary>
public sealed class ConnectorException(string message, HttpStatusCode? status = null, string? code = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public string? Code { get; } = code;
}

/// <summary>The id the connector gave a sent activity (absent when the channel answers 202 without a body).</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The id of a conversation created for a proactive 1:1 message.</summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId, string? ServiceUrl);

/// <summary>The Bot Connector REST operations KinerjaBot uses (botframework-protocol.md §2.2).</summary>
public interface IConnectorClient
{
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken);

    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string userId, string? tenantId, string? botId, CancellationToken cancellationToken);

    /// <summary>The member, or null when the connector does not know the user (404).</summary>
    Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken);
}

/// <summary>
/// Hand-written connector client (the Bot Framework SDK is not installable here). Every URL goes through
/// <see cref="ServiceUrlPolicy"/> first: in development (anonymous) mode only loopback service URLs are called and
/// no token is ever attached.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, ServiceUrlPolicy policy, ILogger<ConnectorClient> logger) : IConnectorClient
{
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity reply, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", reply, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        activity.Type ??= "message";
        return SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string userId, string? tenantId, string? botId, CancellationToken cancellationToken)
    {
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

        using var response = await CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", JsonContent.Create(body, options: ProtocolJson.Options), cancellationToken);
        var created = await ReadAsync<ConversationResourceResponse>(response, cancellationToken);
        return created ?? throw new ConnectorException("Connector tidak mengembalikan id percakapan", response.StatusCode);
    }

    public async Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await CallAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Esc(conversationId)}/members/{Esc(userId)}", null, cancellationToken);
            return await ReadAsync<TeamsChannelAccount>(response, cancellationToken);
        }
        catch (ConnectorException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<ResourceResponse> SendAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(method, serviceUrl, path, JsonContent.Create(activity, options: ProtocolJson.Options), cancellationToken);
        return await ReadAsync<ResourceResponse>(response, cancellationToken) ?? new ResourceResponse(null);
    }

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string serviceUrl, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var baseUri = policy.Check(serviceUrl);
        var uri = new Uri(baseUri, path);
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            Log.ConnectorUnreachable(logger, method.Method, uri.AbsolutePath, e.Message);
            throw new ConnectorException($"Connector tidak dapat dihubungi: {e.Message}", inner: e);
        }

        if (response.IsSuccessStatusCode)
        {
            Log.ConnectorCall(logger, method.Method, uri.AbsolutePath, (int)response.StatusCode);
            return response;
        }

        using (response)
        {
            var code = await ReadErrorCodeAsync(response, cancellationToken);
            Log.ConnectorFailed(logger, method.Method, uri.AbsolutePath, (int)response.StatusCode, code);
            throw new ConnectorException($"Connector menjawab {(int)response.StatusCode} {code}".TrimEnd(), response.StatusCode, code);
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
            throw new ConnectorException("Jawaban connector bukan JSON yang valid", response.StatusCode, inner: e);
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Esc(string segment) => Uri.EscapeDataString(segment);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Connector {Method} {Path} → {Status}")]
        public static partial void ConnectorCall(ILogger logger, string method, string path, int status);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Connector {Method} {Path} failed with {Status} {Code}")]
        public static partial void ConnectorFailed(ILogger logger, string method, string path, int status, string? code);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Connector {Method} {Path} unreachable: {Reason}")]
        public static partial void ConnectorUnreachable(ILogger logger, string method, string path, string reason);
    }
}

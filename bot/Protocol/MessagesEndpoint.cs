using System.Text.Json;
using System.Text.Json.Nodes;
using KinerjaBot.Protocol.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace KinerjaBot.Protocol;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework HTTP contract (botframework-protocol.md §1.1). Malformed input gets
/// a 4xx and a log line, never a 500; an invoke answers with its invoke response; every other activity type gets a
/// 200 and is ignored until a feature needs it.
/// </summary>
public static partial class MessagesEndpoint
{
    /// <summary>Azure Bot Service limits payloads to 256 KB.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        BotAuthentication authentication,
        BotFrameworkTokenValidator tokens,
        ActivityDeduplicator deduplicator,
        IConnectorClient connector,
        IActivityHandler handler,
        TurnRunner runner,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("KinerjaBot.Protocol.Messages");
        var cancellationToken = http.RequestAborted;

        // Authentication first, from the header alone: an unauthenticated caller costs no body read (§1.2).
        BotConnectorToken? token = null;
        if (authentication.IsAnonymous)
        {
            // Anonymous mode cannot validate a token: a request that carries one is not from the Playground.
            if (http.Request.Headers.Authorization.Count > 0)
            {
                Log.Rejected(logger, 401, "Authorization header in development mode");
                return Results.Unauthorized();
            }
        }
        else if ((await tokens.ValidateAsync(http.Request.Headers.Authorization, cancellationToken)).Token is { } valid)
        {
            token = valid;
        }
        else
        {
            return Results.Unauthorized(); // the validator logged why
        }

        if (http.Request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            Log.Rejected(logger, 415, $"content type '{http.Request.ContentType}'");
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            Log.Rejected(logger, 413, $"body of {http.Request.ContentLength} bytes");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ProtocolJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            Log.Rejected(logger, 400, $"malformed JSON: {e.Message}");
            return Results.BadRequest();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Log.Rejected(logger, 413, "body over the limit");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (Missing(activity) is { } missing)
        {
            Log.Rejected(logger, 400, missing);
            return Results.BadRequest();
        }

        // What the token says must fit this activity: endorsed channel, serviceurl, tenant.
        if (!authentication.IsAnonymous && (token is null || !tokens.Authorizes(token, activity!)))
        {
            return Results.Unauthorized();
        }

        var turn = new Turn(activity!, connector);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ActivityId"] = activity!.Id, ["ActivityType"] = activity.Type });

        // Every validated activity, of any type, is seen by the observers (conversation references) before dispatch.
        await ActivityObservers.NotifyAsync(http.RequestServices, activity, cancellationToken);

        switch (activity.Type)
        {
            case "message":
                if (activity.Id is { Length: > 0 } id && !deduplicator.FirstTime(activity.Conversation!.Id!, id))
                {
                    Log.Duplicate(logger, id);
                    return Results.Ok();
                }

                await runner.RunAsync(activity.Id, (services, ct) => RunTurnAsync(services, activity, logger, (h, t) => h.OnMessageAsync(t, ct), ct));
                return Results.Ok();

            case "invoke":
                return await InvokeAsync(turn, handler, logger, cancellationToken);

            case "installationUpdate" when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                await runner.RunAsync(activity.Id, (services, ct) => RunTurnAsync(services, activity, logger, (h, t) => h.OnInstalledAsync(t, ct), ct));
                return Results.Ok();

            default:
                Log.Ignored(logger, activity.Type!);
                return Results.Ok();
        }
    }

    private static async Task<IResult> InvokeAsync(Turn turn, IActivityHandler handler, ILogger logger, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!string.Equals(activity.Name, "adaptiveCard/action", StringComparison.Ordinal))
        {
            Log.Ignored(logger, $"invoke {activity.Name}");
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        // Validate like the SDK (§4.3): value.action must be an Action.Execute with a verb.
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            Log.Rejected(logger, 400, "invoke without value.action");
            return InvokeJson(Error(400, "BadRequest", "Permintaan kartu tidak lengkap."));
        }

        if (!action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute")
        {
            Log.Rejected(logger, 400, "invoke action is not Action.Execute");
            return InvokeJson(Error(400, "NotSupported", "Jenis aksi kartu tidak didukung."));
        }

        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (string.IsNullOrWhiteSpace(verb))
        {
            Log.Rejected(logger, 400, "Action.Execute without verb");
            return InvokeJson(Error(400, "BadRequest", "Aksi kartu tanpa verb."));
        }

        var data = action.TryGetProperty("data", out var d) ? d.Clone() : default;
        var trigger = value.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        InvokeResponse response;
        try
        {
            response = await handler.OnCardActionAsync(turn, new AdaptiveCardInvoke(verb, data, trigger), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.TurnFailed(logger, e, activity.Id);
            response = Error(500, "InternalError", "Maaf, terjadi kesalahan saat memproses kartu. Silakan coba lagi.");
        }

        return InvokeJson(response);
    }

    /// <summary>One turn in its own scope; the one place its errors are answered (architecture.md habit 7).</summary>
    private static async Task RunTurnAsync(IServiceProvider services, Activity activity, ILogger logger,
        Func<IActivityHandler, Turn, Task> work, CancellationToken cancellationToken)
    {
        var handler = services.GetRequiredService<IActivityHandler>();
        var turn = new Turn(activity, services.GetRequiredService<IConnectorClient>());
        try
        {
            await work(handler, turn);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.TurnFailed(logger, e, activity.Id);
            try
            {
                await handler.OnTurnErrorAsync(turn, e, cancellationToken);
            }
            catch (Exception e2) when (e2 is not OperationCanceledException)
            {
                Log.ApologyFailed(logger, e2, activity.Id);
            }
        }
    }

    private static IResult InvokeJson(InvokeResponse response) =>
        response.Body is null ? Results.StatusCode(response.Status) : Results.Json(response.Body, ProtocolJson.Options, statusCode: response.Status);

    public static InvokeResponse Error(int status, string code, string message) => new(
        status,
        new JsonObject
        {
            ["statusCode"] = status,
            ["type"] = "application/vnd.microsoft.error",
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    public static InvokeResponse CardResponse(JsonObject card) => new(
        200,
        new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = "application/vnd.microsoft.card.adaptive",
            ["value"] = card,
        });

    public static InvokeResponse MessageResponse(string text) => new(
        200,
        new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = "application/vnd.microsoft.activity.message",
            ["value"] = text,
        });

    /// <summary>What a turn needs to be answered at all; null when nothing is missing.</summary>
    private static string? Missing(Activity? a)
    {
        if (a is null)
        {
            return "body is not an activity";
        }

        if (string.IsNullOrWhiteSpace(a.Type))
        {
            return "activity without type";
        }

        if (a.Type is not ("message" or "invoke" or "installationUpdate"))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(a.ServiceUrl))
        {
            return $"{a.Type} without serviceUrl";
        }

        if (string.IsNullOrWhiteSpace(a.Conversation?.Id))
        {
            return $"{a.Type} without conversation.id";
        }

        if (string.IsNullOrWhiteSpace(a.From?.Id))
        {
            return $"{a.Type} without from.id";
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Rejected activity with {Status}: {Reason}")]
        public static partial void Rejected(ILogger logger, int status, string reason);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Duplicate activity {ActivityId} acknowledged, not processed again")]
        public static partial void Duplicate(ILogger logger, string activityId);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Ignored activity {Kind}")]
        public static partial void Ignored(ILogger logger, string kind);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Turn failed for activity {ActivityId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string? activityId);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Could not send the apology for activity {ActivityId}")]
        public static partial void ApologyFailed(ILogger logger, Exception exception, string? activityId);
    }
}

using Kinerja.Domain.Ports;
using System.Text.Json;

namespace KinerjaBot.Protocol.Connector;

/// <summary>
/// Reads the connector's error bodies and tells why a 403 happened. Two shapes are seen:
/// <list type="bullet">
/// <item>the Bot Framework one, <c>{"error":{"code":"ConversationBlockedByUser","message":"…"}}</c>
/// (botframework-protocol.md §2.3);</item>
/// <item>the Teams messaging one, <c>{"errorCode":209,"message":"{\"subCode\": \"MessageWritesBlocked\", \"details\": …}"}</c>,
/// whose message is itself JSON (MicrosoftDocs/msteams-docs, bots/how-to/conversations/send-proactive-messages.md,
/// "Understand who blocked, muted, or uninstalled a bot").</item>
/// </list>
/// </summary>
public static class ConnectorErrorBody
{
    /// <summary>The code and message of an error body; nulls when the body says nothing readable.</summary>
    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (Text(error, "code"), Text(error, "message"));
            }

            // Teams messaging shape: the interesting part (subCode, details) is JSON inside "message".
            var message = Text(root, "message");
            if (message is { Length: > 0 } && message.TrimStart().StartsWith('{'))
            {
                try
                {
                    using var inner = JsonDocument.Parse(message);
                    if (inner.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        var subCode = Text(inner.RootElement, "subCode") ?? Text(inner.RootElement, "code");
                        var details = Text(inner.RootElement, "details") ?? Text(inner.RootElement, "message");
                        return (subCode ?? Text(root, "errorCode"), details ?? message);
                    }
                }
                catch (JsonException)
                {
                    // Not JSON after all: the message is plain text.
                }
            }

            return (Text(root, "code") ?? Text(root, "errorCode"), message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Why Teams refused (a 403). Codes and messages from the status-code table of MicrosoftDocs/msteams-docs,
    /// <c>msteams-platform/bots/build-conversational-capability.md</c> ("Status codes from bot conversational APIs"):
    /// <c>BotNotInConversationRoster</c> ("The bot isn't part of the conversation roster"),
    /// <c>ForbiddenOperationException</c> ("Bot isn't installed in user's personal scope"),
    /// <c>ConversationBlockedByUser</c> ("User blocked the conversation with the bot."),
    /// <c>BotDisabledByAdmin</c> ("The tenant admin disabled this bot"); and <c>MessageWritesBlocked</c>
    /// (subCode, "Thread is blocked from message writes"), which send-proactive-messages.md documents for a user who
    /// blocked or uninstalled the bot — taken as blocked, since uninstalling is what the roster codes report.
    /// The same "not installed" message also arrives with code <c>BadArgument</c> in the field (seen in public
    /// issue reports and SDK samples), so messages are matched when the code says nothing.
    /// </summary>
    public static AlasanTidakTerjangkau Classify(string? code, string? message, string? body = null)
    {
        switch (code)
        {
            case "BotNotInConversationRoster" or "ForbiddenOperationException":
                return AlasanTidakTerjangkau.BotTidakTerpasang;
            case "ConversationBlockedByUser" or "MessageWritesBlocked":
                return AlasanTidakTerjangkau.DiblokirPengguna;
            case "BotDisabledByAdmin":
                return AlasanTidakTerjangkau.DinonaktifkanAdmin;
        }

        foreach (var text in new[] { message, body })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (Has(text, "MessageWritesBlocked") || Has(text, "ConversationBlockedByUser") || Has(text, "blocked the conversation"))
            {
                return AlasanTidakTerjangkau.DiblokirPengguna;
            }

            if (Has(text, "BotDisabledByAdmin") || Has(text, "admin disabled"))
            {
                return AlasanTidakTerjangkau.DinonaktifkanAdmin;
            }

            if (Has(text, "BotNotInConversationRoster") || Has(text, "ForbiddenOperationException")
                || Has(text, "conversation roster") || Has(text, "not installed") || Has(text, "isn't installed"))
            {
                return AlasanTidakTerjangkau.BotTidakTerpasang;
            }
        }

        return AlasanTidakTerjangkau.Lainnya;
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KinerjaBot.Protocol;

/// <summary>
/// The subset of the Bot Framework Activity schema KinerjaBot reads and writes (botframework-protocol.md §3).
/// Unknown members are kept in <see cref="Extra"/> so nothing a channel sends is lost when logged at Trace.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Summary { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<JsonObject>? Entities { get; set; }

    public JsonElement? Value { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public JsonElement? ChannelData { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Tenant of the conversation: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    [JsonIgnore]
    public string? TenantId =>
        ChannelData is { ValueKind: JsonValueKind.Object } cd
        && cd.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : Conversation?.TenantId;

    /// <summary>True in a 1:1 chat with the bot; false in a group chat or a channel.</summary>
    [JsonIgnore]
    public bool IsPersonal =>
        Conversation is { } c && c.IsGroup != true
        && (c.ConversationType is null || string.Equals(c.ConversationType, "personal", StringComparison.OrdinalIgnoreCase));
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    public string? Name { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonNode? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }
}

/// <summary>
/// A member as <c>GET /v3/conversations/{id}/members/{userId}</c> returns it. Teams names the AAD id
/// <c>aadObjectId</c> or <c>objectId</c> depending on the endpoint (botframework-protocol.md §2.2): both are read.
/// </summary>
public sealed class TeamsChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? ObjectId { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? TenantId { get; set; }

    public string? UserRole { get; set; }

    [JsonIgnore]
    public string? AadId => AadObjectId ?? ObjectId;
}

/// <summary>The answer to an <c>invoke</c>: the HTTP status and body of the response to the channel (§4.3).</summary>
public sealed record InvokeResponse(int Status, JsonObject? Body);

public static class ProtocolJson
{
    /// <summary>camelCase, nulls omitted: the Bot Framework wire format.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Bahasa Indonesia text and symbols such as × stay as they are: escaping them would inflate cards
        // towards Teams' 28 KB limit. The payload is JSON over HTTP, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

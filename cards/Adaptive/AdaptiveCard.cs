using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kinerja.Cards;

/// <summary>
/// An Adaptive Card, schema 1.5: the highest version Teams renders for bot-sent cards and the lowest that has
/// Action.Execute and Table (botframework-protocol.md §4.1). Full width in Teams by default.
/// </summary>
public sealed class AdaptiveCard
{
    /// <summary>The <c>contentType</c> of the attachment that carries a card (and of an invoke response with a card).</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Teams' limit for a card payload (botframework-protocol.md §4.6): 28 KB of UTF-8 JSON.</summary>
    public const int MaksimalByte = 28 * 1024;

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-2)]
    public string Version { get; init; } = "1.5";

    public List<CardElement> Body { get; init; } = [];

    public List<CardAction> Actions { get; init; } = [];

    /// <summary>Shown by hosts that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }

    public string? Speak { get; init; }

    /// <summary>Language of the texts, for speech and hyphenation.</summary>
    public string? Lang { get; init; }

    /// <summary>Universal Actions' automatic refresh (botframework-protocol.md §4.4).</summary>
    public CardRefresh? Refresh { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; } = new();

    /// <summary>The card as a JSON object: the <c>content</c> of an attachment.</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, CardJson.Options)!.AsObject();

    /// <summary>Compact JSON, non-ASCII letters unescaped (what counts towards the 28 KB).</summary>
    public string ToJsonString() => JsonSerializer.Serialize(this, CardJson.Options);

    /// <summary>UTF-8 size of <see cref="ToJsonString"/>.</summary>
    public int UkuranByte() => JsonSerializer.SerializeToUtf8Bytes(this, CardJson.Options).Length;
}

public sealed class TeamsCardProperties
{
    /// <summary><c>Full</c>: the card uses the whole width of the chat.</summary>
    public string? Width { get; init; } = "Full";
}

public sealed class CardRefresh
{
    [JsonIgnore]
    public required ExecuteAction Action { get; init; }

    /// <summary>Declared as the base type so the serializer writes <c>"type":"Action.Execute"</c>.</summary>
    [JsonPropertyName("action")]
    [JsonInclude]
    private CardAction ActionJson => Action;

    /// <summary>MRIs of the users whose client refreshes automatically (max 60); empty (written as <c>[]</c>) = manual refresh only; null = everyone.</summary>
    [KeepEmpty]
    public List<string>? UserIds { get; init; }
}

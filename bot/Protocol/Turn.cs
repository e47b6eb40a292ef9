using System.Text.Json.Nodes;

namespace KinerjaBot.Protocol;

/// <summary>One inbound activity and the means to answer it in its conversation.</summary>
public sealed class Turn(Activity activity, IConnectorClient connector)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public Activity Activity { get; } = activity;

    public IConnectorClient Connector { get; } = connector;

    /// <summary>Answers in the same conversation, as a reply to the inbound activity when it has an id.</summary>
    public Task<ResourceResponse> ReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        Address(reply, Activity.Conversation);
        reply.ReplyToId = Activity.Id;
        return Activity.Id is { Length: > 0 } id
            ? Connector.ReplyToActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, id, reply, cancellationToken)
            : Connector.SendToConversationAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, reply, cancellationToken);
    }

    public Task<ResourceResponse> ReplyTextAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(Text(text), cancellationToken);

    public Task<ResourceResponse> ReplyCardAsync(JsonObject card, CancellationToken cancellationToken) =>
        ReplyAsync(Card(card), cancellationToken);

    /// <summary>Sends to the user's personal chat with the bot (created, or found, by the connector).</summary>
    public async Task<ResourceResponse> SendPersonalAsync(Activity message, CancellationToken cancellationToken)
    {
        var conversation = await Connector.CreatePersonalConversationAsync(
            Activity.ServiceUrl!, Activity.From!.Id!, Activity.TenantId, Activity.Recipient?.Id, cancellationToken);
        Address(message, new ConversationAccount { Id = conversation.Id, ConversationType = "personal", TenantId = Activity.TenantId });
        return await Connector.SendToConversationAsync(conversation.ServiceUrl ?? Activity.ServiceUrl!, conversation.Id, message, cancellationToken);
    }

    /// <summary>Replaces a card already sent (Action.Submit path: the submit's <c>replyToId</c> is the card's id).</summary>
    public Task<ResourceResponse> UpdateCardAsync(string activityId, JsonObject card, CancellationToken cancellationToken)
    {
        var update = Card(card);
        Address(update, Activity.Conversation);
        return Connector.UpdateActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId, update, cancellationToken);
    }

    public static Activity Text(string text) => new() { Type = "message", Text = text, TextFormat = "markdown" };

    /// <summary>A card-only message (no text: the Playground splits text + card in two and then returns no id).</summary>
    public static Activity Card(JsonObject card) => new()
    {
        Type = "message",
        Attachments = [new Attachment { ContentType = AdaptiveCardContentType, Content = card }],
    };

    private void Address(Activity reply, ConversationAccount? conversation)
    {
        reply.Type ??= "message";
        reply.ChannelId = Activity.ChannelId;
        reply.ServiceUrl = Activity.ServiceUrl;
        reply.From = Activity.Recipient;
        reply.Recipient = Activity.From;
        reply.Conversation = conversation;
        reply.Locale ??= "id-ID";
    }
}

using System.Text.Json.Nodes;

namespace KinerjaBot.Tests.Support;

/// <summary>Builds inbound activities the way Teams (and the Agents Playground) sends them.</summary>
public sealed class ActivityDriver
{
    public const string ServiceUrl = "http://localhost:56150/_connector";
    public const string BotId = "00000000-0000-0000-0000-00000000b011";
    public const string TenantId = "7a1d4e2b-0000-4000-8000-00000000a001";
    public const string PersonalConversation = "a:personal-bagus";

    private int _next;

    /// <summary>Demo people of KPPN Metro as the Playground configs name them, each in a personal chat of their own.</summary>
    public static ActivityDriver Lestari() => Orang("199312012015032004", "012015032004", "Lestari Handayani", "lestari.handayani", "a:personal-lestari");

    public static ActivityDriver Fajar() => Orang("199806212020031006", "212020031006", "Fajar Nugraha", "fajar.nugraha", "a:personal-fajar");

    public static ActivityDriver Hendarto() => Orang("197603141998031002", "141998031002", "Hendarto Wibisono", "hendarto.wibisono", "a:personal-hendarto");

    public static ActivityDriver Ratna() => Orang("198407222006122001", "222006122001", "Ratna Dewi Anggraini", "ratna.anggraini", "a:personal-ratna");

    /// <summary>The e-mail of the demo office for this driver's person (how the connector's member names them).</summary>
    public string? Email { get; init; } = "bagus.nugroho@kemenkeu.example";

    private static ActivityDriver Orang(string nip, string aadSuffix, string nama, string email, string conversationId) => new()
    {
        UserId = $"user-{nip}",
        AadObjectId = $"7a1d4e2b-0000-4000-8000-{aadSuffix}",
        UserName = nama,
        ConversationId = conversationId,
        Email = $"{email}@kemenkeu.example",
    };

    public string UserId { get; init; } = "user-198211052003121004";

    public string? AadObjectId { get; init; } = "7a1d4e2b-0000-4000-8000-052003121004";

    public string UserName { get; init; } = "Bagus Prasetyo Nugroho";

    public string ConversationId { get; init; } = PersonalConversation;

    public string ConversationType { get; init; } = "personal";

    public JsonObject Message(string text, JsonArray? entities = null)
    {
        var activity = Base("message");
        activity["text"] = text;
        activity["textFormat"] = "plain";
        if (entities is not null)
        {
            activity["entities"] = entities;
        }

        return activity;
    }

    /// <summary>An Action.Submit: a message with no text, the card data as <c>value</c> and the card's id.</summary>
    public JsonObject Submit(JsonObject value, string cardActivityId)
    {
        var activity = Base("message");
        activity["value"] = value;
        activity["replyToId"] = cardActivityId;
        return activity;
    }

    public JsonObject Invoke(string verb, JsonObject? data, string cardActivityId = "card-1")
    {
        var activity = Base("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardActivityId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = verb, ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public JsonObject Base(string type) => new()
    {
        ["type"] = type,
        ["id"] = $"act-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}",
        ["timestamp"] = "2026-11-28T03:10:00.000Z",
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = UserName, ["aadObjectId"] = AadObjectId },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = ConversationType, ["tenantId"] = TenantId, ["isGroup"] = ConversationType != "personal" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "KinerjaBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "id-ID",
        ["localTimezone"] = "Asia/Jakarta",
    };
}

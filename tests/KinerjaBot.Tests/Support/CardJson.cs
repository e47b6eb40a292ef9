using System.Text.Json.Nodes;

namespace KinerjaBot.Tests.Support;

/// <summary>Reading a card the bot sent, the way a person would look for a value on it.</summary>
public static class CardJson
{
    public static JsonObject CardOf(JsonNode? activity)
    {
        var attachment = activity?["attachments"]?[0] ?? throw new Xunit.Sdk.XunitException($"No attachment in {activity?.ToJsonString()}");
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]?.GetValue<string>());
        return attachment["content"]!.AsObject();
    }

    /// <summary>The element with the given id, anywhere in the card.</summary>
    public static JsonObject? ById(JsonNode node, string id)
    {
        if (node is JsonObject o)
        {
            if (o["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && o["id"]!.GetValue<string>() == id)
            {
                return o;
            }

            foreach (var (_, child) in o)
            {
                if (child is not null && ById(child, id) is { } found)
                {
                    return found;
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                if (child is not null && ById(child, id) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>Every text on the card (TextBlocks, facts, cells), to check that something is said.</summary>
    public static string AllText(JsonNode node)
    {
        var parts = new List<string>();
        Collect(node, parts);
        return string.Join("\n", parts);
    }

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in new[] { "text", "title", "value", "fallbackText" })
                {
                    if (o[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        parts.Add(v.GetValue<string>());
                    }
                }

                foreach (var (_, child) in o)
                {
                    Collect(child, parts);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, parts);
                }

                break;
        }
    }
}

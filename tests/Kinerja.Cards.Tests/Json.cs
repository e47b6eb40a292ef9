using System.Text.Json.Nodes;

namespace Kinerja.Cards.Tests;

/// <summary>Small queries over card JSON for the content tests.</summary>
internal static class Json
{
    /// <summary>Every object in the tree, depth first, including the root.</summary>
    public static IEnumerable<JsonObject> Objek(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, v) in o)
                {
                    foreach (var x in Objek(v))
                    {
                        yield return x;
                    }
                }

                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    foreach (var x in Objek(v))
                    {
                        yield return x;
                    }
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> Bertipe(JsonNode node, string type) =>
        Objek(node).Where(o => (string?)o["type"] == type);

    /// <summary>All TextBlock texts and fact titles/values, one per line: what a reader sees.</summary>
    public static string Teks(JsonNode node) => string.Join('\n', Objek(node).SelectMany(o =>
    {
        var t = (string?)o["type"];
        if (t == "TextBlock" && o["text"] is { } text)
        {
            return [(string)text!];
        }

        return o["title"] is JsonValue title && o["value"] is JsonValue value && t is null
            ? [$"{(string?)title}: {(string?)value}"]
            : Array.Empty<string>();
    }));

    /// <summary>The element with the given id.</summary>
    public static JsonObject DenganId(JsonNode node, string id) => Objek(node).Single(o => (string?)o["id"] == id);
}

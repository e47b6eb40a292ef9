using System.Globalization;
using System.Text.Json.Nodes;
using Kinerja.Testing;
using Kinerja.Testing.CardLint;

namespace KinerjaBot.EndToEnd;

[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}

/// <summary>
/// As a newcomer would: Bagus (the Playground's current user) types in his personal chat with KinerjaBot, and the
/// card that comes back carries the NKP of the acceptance recap.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class NilaiSayaEndToEndTests(PlaygroundFixture playground)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NilaiSaya_SebagaiBagus_KartuDenganNkpSesuaiRekapTw3()
    {
        var (conversation, user) = await playground.ConfigAsync();
        await using var stream = await playground.StreamAsync();
        var marker = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(); // the Playground stamps its messages with the wall clock

        await playground.SayAsync(conversation, user, "nilai saya");

        var message = await NextCardAsync(stream, marker, c => NkpText(c) is not null);
        var card = message["message"]!["attachments"]![0]!["content"]!;
        Assert.Equal(ExpectedNkp("TW3", "198211052003121004"), NkpText(card));
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task TombolTriwulanLain_MenggantiKartuDiTempatLewatActionExecute()
    {
        var (conversation, user) = await playground.ConfigAsync();
        await using var stream = await playground.StreamAsync();
        var marker = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(); // the Playground stamps its messages with the wall clock
        await playground.SayAsync(conversation, user, "nilai saya TW3");
        var message = await NextCardAsync(stream, marker, _ => true);
        var messageId = message["message"]!["messageId"]!.ToString();
        var card = message["message"]!["attachments"]![0]!["content"]!;

        // The card's own "TW I" button, as the Playground's UI would click it.
        var button = FindExecute(card, tw: 1) ?? throw new Xunit.Sdk.XunitException("No Action.Execute for TW I on the card: " + card.ToJsonString());
        var response = await playground.InvokeAsync(conversation, user, messageId, button);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        Assert.Equal(ExpectedNkp("TW1", "198211052003121004"), NkpText(response["value"]!));
        await CardLinter.Shared.AssertValidAsync(response["value"]!.ToJsonString());
    }

    [Fact]
    public async Task TeksTidakDikenal_KartuBantuanDenganSaran()
    {
        var (conversation, user) = await playground.ConfigAsync();
        await using var stream = await playground.StreamAsync();
        var marker = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(); // the Playground stamps its messages with the wall clock

        await playground.SayAsync(conversation, user, "nilai sya");

        var message = await NextCardAsync(stream, marker, c => c.ToJsonString().Contains("nilai saya", StringComparison.Ordinal));
        Assert.NotNull(message);
    }

    private async Task<JsonNode> NextCardAsync(PlaygroundStream stream, long after, Func<JsonNode, bool> card)
    {
        try
        {
            return await stream.NextAsync(
                n => n["action"]?.GetValue<string>() == "createMessage"
                    && n["message"]?["attachments"] is JsonArray { Count: > 0 } a
                    && a[0]?["content"] is { } content
                    && MessageTime(n) >= after
                    && card(content),
                Wait);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No card from the bot within {Wait.TotalSeconds} s.\n{playground.Logs}");
        }
    }

    private static long MessageTime(JsonNode n)
    {
        var id = n["message"]?["messageId"]?.ToString();
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : long.MaxValue;
    }

    private static string? NkpText(JsonNode card) => Find(card, "nkp")?["text"]?.GetValue<string>();

    private static JsonNode? Find(JsonNode? node, string id) => node switch
    {
        JsonObject o when o["id"] is JsonValue v && v.ToString() == id => o,
        JsonObject o => o.Select(p => Find(p.Value, id)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(c => Find(c, id)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static JsonObject? FindExecute(JsonNode? node, int tw) => node switch
    {
        JsonObject o when o["type"]?.ToString() == "Action.Execute" && o["data"]?["triwulan"]?.GetValue<int>() == tw => o.DeepClone().AsObject(),
        JsonObject o => o.Select(p => FindExecute(p.Value, tw)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(c => FindExecute(c, tw)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    /// <summary>The NKP of the acceptance recap, formatted as the card shows it (id-ID).</summary>
    private static string ExpectedNkp(string periode, string nip)
    {
        var row = File.ReadLines(RepoPaths.ExpectedRekap(periode)).Select(l => l.Split(',')).Single(c => c[1] == nip);
        return decimal.Parse(row[5], CultureInfo.InvariantCulture).ToString("N2", CultureInfo.GetCultureInfo("id-ID"));
    }
}

using System.Text.Json.Nodes;
using Kinerja.Testing.CardLint;

namespace KinerjaBot.EndToEnd;

/// <summary>One bot, two Agents Playgrounds: Bagus (supervisor, <c>bagus-kasi-pdms.yml</c>) and Lestari (owner, <c>lestari-pelaksana.yml</c>).</summary>
public sealed class DuaPlaygroundFixture : IAsyncLifetime
{
    public PlaygroundFixture Bot { get; } = new();

    public PlaygroundInstance Bagus { get; private set; } = null!;

    public PlaygroundInstance Lestari { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bot.InitializeAsync();
        Bagus = Bot.Utama;
        Lestari = await Bot.StartPlaygroundAsync("lestari-pelaksana.yml", "personal-chat-lestari", "group-chat-lestari");
    }

    public Task DisposeAsync() => Bot.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DuaPlaygroundCollection : ICollectionFixture<DuaPlaygroundFixture>
{
    public const string Name = "Two Agents Playgrounds";
}

/// <summary>
/// The SKP workflow as two people see it in their own Teams clients: Bagus returns Lestari's submitted 2027 SKP with a
/// note, Lestari's Playground gets the message, she resubmits from her card, Bagus's Playground receives the new
/// approval card, he approves it through the Playground's invoke API, Lestari's card in her chat is updated in place
/// (the Playground streams <c>updateMessage</c>), she is told and her card shows the approval with the audit entry.
/// </summary>
[Collection(DuaPlaygroundCollection.Name)]
public sealed class SkpEndToEndTests(DuaPlaygroundFixture dua)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DikembalikanDiajukanLagiDisetujui_DuaPlayground()
    {
        var (bagusChat, bagus) = await dua.Bagus.ConfigAsync();
        var (lestariChat, lestari) = await dua.Lestari.ConfigAsync();
        Assert.NotEqual(bagus, lestari);
        await dua.Bagus.InstallAsync(bagusChat);
        await dua.Lestari.InstallAsync(lestariChat);
        await using var bagusStream = await dua.Bagus.StreamAsync();
        await using var lestariStream = await dua.Lestari.StreamAsync();

        // Lestari looks at her SKP (the bot links her Teams account to her NIP).
        await dua.Lestari.SayAsync(lestariChat, lestari, "skp");
        var kartuLestari = await KartuAsync(lestariStream, c => Teks(c).Contains("SKP 2027 · Lestari Handayani", StringComparison.Ordinal));
        Assert.Contains("Diajukan", Teks(kartuLestari.Card), StringComparison.Ordinal);

        // Bagus: his approvals, Lestari's card opened from the list.
        await dua.Bagus.SayAsync(bagusChat, bagus, "persetujuan");
        var daftar = await KartuAsync(bagusStream, c => Teks(c).Contains("Persetujuan SKP", StringComparison.Ordinal));
        await CardLinter.Shared.AssertValidAsync(daftar.Card.ToJsonString());
        var buka = Aksi(daftar.Card, "lihatSkp", "199312012015032004");
        var kartuBagus = KartuInvoke(await dua.Bagus.InvokeAsync(bagusChat, bagus, daftar.MessageId, buka));

        // Return with a note (the Input.Text's value merged into the data, as the client does).
        var kembalikan = Aksi(kartuBagus, "kembalikanSkp", "199312012015032004");
        kembalikan["data"]!["catatan"] = "Target TW4 perlu dinaikkan";
        var dikembalikan = KartuInvoke(await dua.Bagus.InvokeAsync(bagusChat, bagus, daftar.MessageId, kembalikan));
        Assert.Contains("Dikembalikan", Teks(dikembalikan), StringComparison.Ordinal);
        await PesanAsync(lestariStream, "Target TW4 perlu dinaikkan");

        // Lestari resubmits from her card with the pernyataan kesanggupan ticked.
        var kartuDikembalikan = KartuInvoke(await dua.Lestari.InvokeAsync(lestariChat, lestari, kartuLestari.MessageId,
            Aksi(kartuLestari.Card, "lihatSkp", "199312012015032004")));
        var ajukan = Aksi(kartuDikembalikan, "ajukanSkp", "199312012015032004");
        ajukan["data"]!["kesanggupan"] = "true";
        var diajukan = KartuInvoke(await dua.Lestari.InvokeAsync(lestariChat, lestari, kartuLestari.MessageId, ajukan));
        Assert.Contains("Status: **Diajukan** · versi 2", Teks(diajukan), StringComparison.Ordinal);

        // Bagus's Playground receives the approval card proactively, and he approves it.
        var persetujuan = await KartuAsync(bagusStream, c => Teks(c).Contains("Lestari Handayani mengajukan SKP 2027", StringComparison.Ordinal));
        await CardLinter.Shared.AssertValidAsync(persetujuan.Card.ToJsonString());
        var setujui = Aksi(persetujuan.Card, "setujuiSkp", "199312012015032004");
        Assert.Equal(2, setujui["data"]!["versi"]!.GetValue<int>());
        var disetujui = KartuInvoke(await dua.Bagus.InvokeAsync(bagusChat, bagus, persetujuan.MessageId, setujui));
        Assert.Contains("Status: **Disetujui**", Teks(disetujui), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(disetujui.ToJsonString());

        // Lestari's card in her chat changes in place (PUT → the Playground's updateMessage), with the owner's view.
        var diperbarui = await PembaruanAsync(lestariStream, kartuLestari.MessageId, c => Teks(c).Contains("Status: **Disetujui** · versi 2", StringComparison.Ordinal));
        Assert.Contains("disetujui oleh Bagus Prasetyo Nugroho pada", Teks(diperbarui), StringComparison.Ordinal);
        Assert.DoesNotContain("Rincian hanya untuk", Teks(diperbarui), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(diperbarui.ToJsonString());

        // Lestari is told, and her card shows the approved state with the audit entry.
        await PesanAsync(lestariStream, "SKP ini disetujui oleh Bagus Prasetyo Nugroho");
        await dua.Lestari.SayAsync(lestariChat, lestari, "skp 2027");
        var akhir = await KartuAsync(lestariStream, c => Teks(c).Contains("Status: **Disetujui**", StringComparison.Ordinal));
        Assert.Contains("disetujui oleh Bagus Prasetyo Nugroho pada", Teks(akhir.Card), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(akhir.Card.ToJsonString());
    }

    private async Task<(string MessageId, JsonNode Card)> KartuAsync(PlaygroundStream stream, Func<JsonNode, bool> cocok)
    {
        try
        {
            var n = await stream.NextAsync(
                x => x["action"]?.GetValue<string>() == "createMessage"
                     && x["message"]?["attachments"] is JsonArray { Count: > 0 } a
                     && a[0]?["content"] is { } c && cocok(c),
                Wait);
            return (n["message"]!["messageId"]!.ToString(), n["message"]!["attachments"]![0]!["content"]!);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No matching card within {Wait.TotalSeconds} s.\n{dua.Bot.Logs}");
        }
    }

    /// <summary>The next <c>updateMessage</c> of the card <paramref name="messageId"/> whose new content matches.</summary>
    private async Task<JsonNode> PembaruanAsync(PlaygroundStream stream, string messageId, Func<JsonNode, bool> cocok)
    {
        try
        {
            var n = await stream.NextAsync(
                x => x["action"]?.GetValue<string>() == "updateMessage"
                     && x["message"]?["messageId"]?.ToString() == messageId
                     && x["message"]?["attachments"] is JsonArray { Count: > 0 } a
                     && a[0]?["content"] is { } c && cocok(c),
                Wait);
            return n["message"]!["attachments"]![0]!["content"]!;
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No updateMessage for card {messageId} within {Wait.TotalSeconds} s.\n{dua.Bot.Logs}");
        }
    }

    private async Task PesanAsync(PlaygroundStream stream, string berisi)
    {
        try
        {
            await stream.NextAsync(x => x["action"]?.GetValue<string>() == "createMessage"
                                        && x["message"]?["text"]?.ToString() is { } t && t.Contains(berisi, StringComparison.Ordinal), Wait);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No message containing \"{berisi}\" within {Wait.TotalSeconds} s.\n{dua.Bot.Logs}");
        }
    }

    private static JsonNode KartuInvoke(JsonNode response)
    {
        Assert.True(response["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive", response.ToJsonString());
        return response["value"]!;
    }

    private static JsonObject Aksi(JsonNode card, string verb, string nip) => Cari(card, verb, nip)
        ?? throw new Xunit.Sdk.XunitException($"No Action.Execute {verb} on the card: {card.ToJsonString()}");

    private static JsonObject? Cari(JsonNode? node, string verb, string nip) => node switch
    {
        JsonObject o when o["type"]?.ToString() == "Action.Execute" && o["verb"]?.ToString() == verb && o["data"]?["nip"]?.ToString() == nip
            => Tanpa(o.DeepClone().AsObject()),
        JsonObject o => o.Where(p => p.Key != "refresh").Select(p => Cari(p.Value, verb, nip)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(c => Cari(c, verb, nip)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static JsonObject Tanpa(JsonObject action)
    {
        action.Remove("fallback");
        return action;
    }

    private static string Teks(JsonNode card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

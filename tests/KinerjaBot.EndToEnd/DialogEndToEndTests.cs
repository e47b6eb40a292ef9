using System.Globalization;
using System.Text.Json.Nodes;
using Kinerja.Testing.CardLint;

namespace KinerjaBot.EndToEnd;

/// <summary>
/// A DKI as two people see it in their own Teams clients (the real Agents Playground, two instances on one bot):
/// Bagus types <c>dialog</c>, gets the due dialogs with their agendas, opens the DKI with Lestari (<i>Catat hasil
/// dialog</i>), records it with a follow-up for Lestari; Lestari is told in her chat, types <c>dialog</c> and sees the
/// follow-up among her open ones, types <c>tindak lanjut</c>, sees it, and marks that one done with a note — her card
/// changes in place (the invoke response).
/// </summary>
[Collection(DuaPlaygroundCollection.Name)]
public sealed class DialogEndToEndTests(DuaPlaygroundFixture dua)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string NipLestari = "199312012015032004";

    [Fact]
    public async Task Dialog_AgendaCatatHasil_TindakLanjutMunculDanDiselesaikanLestari()
    {
        var (bagusChat, bagus) = await dua.Bagus.ConfigAsync();
        var (lestariChat, lestari) = await dua.Lestari.ConfigAsync();
        await dua.Bagus.InstallAsync(bagusChat);
        await dua.Lestari.InstallAsync(lestariChat);
        await using var bagusStream = await dua.Bagus.StreamAsync();
        await using var lestariStream = await dua.Lestari.StreamAsync();

        // Lestari has talked to the bot before (that is when it learns who she is; an installation alone gives a chat
        // but no employee): her "dialog" has no dialog yet.
        await dua.Lestari.SayAsync(lestariChat, lestari, "dialog");
        var kosong = await KartuAsync(lestariStream, c => Teks(c).Contains("Dialog terakhir", StringComparison.Ordinal));
        Assert.Contains("Belum ada dialog kinerja yang tercatat.", Teks(kosong.Card), StringComparison.Ordinal);

        // Bagus: "dialog" → the due DKIs with their agendas.
        await dua.Bagus.SayAsync(bagusChat, bagus, "dialog");
        var daftar = await KartuAsync(bagusStream, c => Teks(c).Contains("Dialog yang perlu dilaksanakan", StringComparison.Ordinal));
        Assert.Contains("DKI Bagus Prasetyo Nugroho dengan Lestari Handayani", Teks(daftar.Card), StringComparison.Ordinal);
        Assert.Contains("IKU 2b.004 Persentase penyelesaian SP2D secara tepat waktu", Teks(daftar.Card), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(daftar.Card.ToJsonString());

        // "Catat hasil dialog" for Lestari → the record card in place of the list.
        var buka = Aksi(daftar.Card, "bukaDialog", o => o["data"]?["seri"]?.ToString()?.EndsWith(NipLestari, StringComparison.Ordinal) == true);
        var catat = KartuInvoke(await dua.Bagus.InvokeAsync(bagusChat, bagus, daftar.MessageId, buka));
        Assert.Contains("Catat hasil DKI Bagus Prasetyo Nugroho dengan Lestari Handayani", Teks(catat), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(catat.ToJsonString());

        // Fill it in as the client merges inputs into the data: held a few minutes ago (WIB), minutes for every item,
        // one follow-up for Lestari due in 30 days, typed as dd/MM/yyyy.
        var wib = DateTime.UtcNow.AddHours(7).AddMinutes(-10);
        var uraian = "Susun SOP antrean SPM " + Guid.NewGuid().ToString("N")[..6];
        var simpan = Aksi(catat, "simpanDialog", _ => true);
        var data = simpan["data"]!.AsObject();
        data["tanggal"] = wib.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        data["jam"] = wib.ToString("HH:mm", CultureInfo.InvariantCulture);
        var kotakNotula = InputIds(catat).Where(i => i.StartsWith("n-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(kotakNotula);
        foreach (var id in kotakNotula)
        {
            data[id] = "Dibahas dan disepakati (" + id + ")";
        }

        data["tl0u"] = uraian;
        data["tl0p"] = NipLestari;
        data["tl0t"] = wib.Date.AddDays(30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var notula = KartuInvoke(await dua.Bagus.InvokeAsync(bagusChat, bagus, daftar.MessageId, simpan));
        Assert.Contains("Hasil dialog tersimpan.", Teks(notula), StringComparison.Ordinal);
        Assert.Contains(uraian, Teks(notula), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(notula.ToJsonString());

        // Lestari is told in her own chat.
        try
        {
            await lestariStream.NextAsync(x => x["action"]?.GetValue<string>() == "createMessage"
                && x["message"]?["text"]?.ToString() is { } t && t.Contains("mencatat hasil DKI", StringComparison.Ordinal) && t.Contains(uraian, StringComparison.Ordinal), Wait);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"Lestari was not told within {Wait.TotalSeconds} s.\n{dua.Bot.Logs}");
        }

        // Lestari: "dialog" → her last dialog and the follow-up itself among her open ones, with its due date.
        await dua.Lestari.SayAsync(lestariChat, lestari, "dialog");
        var dialognya = await KartuAsync(lestariStream, c => Teks(c).Contains("Dialog terakhir", StringComparison.Ordinal) && Teks(c).Contains(uraian, StringComparison.Ordinal));
        Assert.Contains("DKI Bagus Prasetyo Nugroho dengan Lestari Handayani", Teks(dialognya.Card), StringComparison.Ordinal);
        Assert.Contains("Tenggat " + TanggalId(wib.Date.AddDays(30)) + " (", Teks(dialognya.Card), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(dialognya.Card.ToJsonString());

        // Lestari: "tindak lanjut" → the follow-up is hers, with Selesai; she picks it by what it says (the store may hold others).
        await dua.Lestari.SayAsync(lestariChat, lestari, "tindak lanjut");
        var milik = await KartuAsync(lestariStream, c => Teks(c).Contains("Tindak lanjut saya", StringComparison.Ordinal) && Teks(c).Contains(uraian, StringComparison.Ordinal));
        await CardLinter.Shared.AssertValidAsync(milik.Card.ToJsonString());
        var selesai = Aksi(milik.Card, "selesaiTindakLanjut", o => o["tooltip"]?.ToString() == $"Tandai selesai: {uraian}");
        var idTl = selesai["data"]!["id"]!.GetValue<string>();
        selesai["data"]![$"c|{idTl}"] = "SOP sudah terbit";
        var diperbarui = KartuInvoke(await dua.Lestari.InvokeAsync(lestariChat, lestari, milik.MessageId, selesai));
        Assert.Contains($"“{uraian}” ditandai selesai.", Teks(diperbarui), StringComparison.Ordinal);
        Assert.DoesNotContain(idTl, Teks(diperbarui), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(diperbarui.ToJsonString());
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

    private static readonly string[] Bulan =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary><c>31 Desember 2026</c>, as the cards write dates.</summary>
    private static string TanggalId(DateTime t) => $"{t.Day.ToString(CultureInfo.InvariantCulture)} {Bulan[t.Month - 1]} {t.Year.ToString(CultureInfo.InvariantCulture)}";

    private static JsonNode KartuInvoke(JsonNode response)
    {
        Assert.True(response["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive", response.ToJsonString());
        return response["value"]!;
    }

    private static JsonObject Aksi(JsonNode card, string verb, Func<JsonObject, bool> cocok) => Cari(card, verb, cocok)
        ?? throw new Xunit.Sdk.XunitException($"No Action.Execute {verb} on the card: {card.ToJsonString()}");

    private static JsonObject? Cari(JsonNode? node, string verb, Func<JsonObject, bool> cocok) => node switch
    {
        JsonObject o when o["type"]?.ToString() == "Action.Execute" && o["verb"]?.ToString() == verb && cocok(o) => Tanpa(o.DeepClone().AsObject()),
        JsonObject o => o.Select(p => Cari(p.Value, verb, cocok)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(c => Cari(c, verb, cocok)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static IEnumerable<string> InputIds(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.ToString()?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"]?.ToString() is { } id => [id],
        JsonObject o => o.SelectMany(p => InputIds(p.Value)),
        JsonArray a => a.SelectMany(InputIds),
        _ => [],
    };

    private static JsonObject Tanpa(JsonObject action)
    {
        action.Remove("fallback");
        return action;
    }

    private static string Teks(JsonNode card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

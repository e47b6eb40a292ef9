using System.Text.Json;
using Kinerja.Testing.CardLint;

namespace Kinerja.Cards.Tests;

public sealed class BantuanDanTidakTerdaftarTests
{
    [Fact]
    public async Task Bantuan_DaftarPerintah_LolosLint()
    {
        var card = BantuanCard.Render(new BantuanModel());
        var json = card.ToJson();
        var teks = Json.Teks(json);

        Assert.Contains("Bantuan KinerjaBot", teks, StringComparison.Ordinal);
        foreach (var perintah in new[] { "nilai saya", "nilai saya TW2", "nilai saya 2026 TW1", "bantuan" })
        {
            Assert.Contains($"\n{perintah}: ", teks, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Maksud Anda", teks, StringComparison.Ordinal);
        var tombol = Assert.Single(json["actions"]!.AsArray());
        Assert.Equal("""{"verb":"perintah","teks":"nilai saya","msteams":{"type":"imBack","value":"nilai saya"}}""", tombol!["data"]!.ToJsonString());
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task Bantuan_TeksTidakDikenal_MaksudAndaDenganTombol()
    {
        var card = BantuanCard.Render(new BantuanModel("nilai sya tw 2", "nilai saya TW2"));
        var json = card.ToJson();
        var teks = Json.Teks(json);

        Assert.Contains("Maaf, saya belum memahami “nilai sya tw 2”.", teks, StringComparison.Ordinal);
        Assert.Contains("Maksud Anda: **nilai saya TW2**?", teks, StringComparison.Ordinal);
        var tombol = Json.Bertipe(json, "Action.Submit").First();
        Assert.Equal("nilai saya TW2", (string?)tombol["title"]);
        Assert.True(CardVerbs.TryParse(JsonDocument.Parse(tombol["data"]!.ToJsonString()).RootElement, out var data));
        Assert.Equal(new PerintahData("nilai saya TW2"), data);
        Assert.Equal("imBack", (string?)tombol["data"]!["msteams"]!["type"]);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task Bantuan_TeksPanjang_Dipotong()
    {
        var card = BantuanCard.Render(new BantuanModel(new string('x', 5000)));

        Assert.Contains("x…”", Json.Teks(card.ToJson()), StringComparison.Ordinal);
        Assert.True(card.UkuranByte() < 4096);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task TidakTerdaftar_SopanDanMenyebutKontak()
    {
        var card = TidakTerdaftarCard.Render(new TidakTerdaftarModel(
            "Rina Wulandari", "rina.w@kemenkeu.go.id", "Manajer Kinerja Pegawai (Subbagian Umum KPPN Metro)", "umum.kppnmetro@kemenkeu.go.id"));
        var json = card.ToJson();
        var teks = Json.Teks(json);

        Assert.Contains("Halo Rina Wulandari. Akun Anda (rina.w@kemenkeu.go.id) belum ditemukan di data kinerja kantor mana pun", teks, StringComparison.Ordinal);
        Assert.Contains("Kontak: Manajer Kinerja Pegawai (Subbagian Umum KPPN Metro)", teks, StringComparison.Ordinal);
        Assert.Contains("E-mail: umum.kppnmetro@kemenkeu.go.id", teks, StringComparison.Ordinal);
        Assert.Null(json["actions"]);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task TidakTerdaftar_TanpaEmailPengguna()
    {
        var card = TidakTerdaftarCard.Render(new TidakTerdaftarModel("", null, "Manajer Kinerja Pegawai", "mkp@kemenkeu.go.id"));

        Assert.Contains("Halo. Akun Anda belum ditemukan", Json.Teks(card.ToJson()), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(card.ToJsonString());
    }
}

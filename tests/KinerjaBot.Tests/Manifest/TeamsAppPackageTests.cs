using System.IO.Compression;
using System.Text.Json.Nodes;
using KinerjaBot.TeamsApp;

namespace KinerjaBot.Tests.Manifest;

/// <summary>What the schema cannot check: the zip's layout, one app id everywhere, the commands, the settings.</summary>
public sealed class TeamsAppPackageTests
{
    private static readonly string[] Perintah = ["nilai saya", "skp", "persetujuan", "dialog", "bantuan"];

    [Fact]
    public void Zip_DatarTepatTigaBerkasDiAkar()
    {
        var zip = Paket.Build().ToZip();

        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        Assert.Equal(["manifest.json", "color.png", "outline.png"], archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.DoesNotContain('/', e.FullName));
        Assert.All(archive.Entries, e => Assert.DoesNotContain('\\', e.FullName));
    }

    [Fact]
    public void Zip_BerisiManifestTanpaBomDanIkonRepositori()
    {
        var entries = Paket.Entries(Paket.Build().ToZip());

        Assert.Equal((byte)'{', entries["manifest.json"][0]);
        Assert.NotNull(JsonNode.Parse(entries["manifest.json"]));
        Assert.Equal(Paket.ColorPng, entries["color.png"]);
        Assert.Equal(Paket.OutlinePng, entries["outline.png"]);
    }

    [Fact]
    public void Zip_IkonDibacaDariIhdr_192Dan32Piksel()
    {
        var entries = Paket.Entries(Paket.Build().ToZip());

        var color = PngFile.Decode(entries["color.png"]);
        var outline = PngFile.Decode(entries["outline.png"]);

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
    }

    [Fact]
    public void Zip_SamaUntukPengaturanSama()
    {
        Assert.Equal(Paket.Build().ToZip(), Paket.Build().ToZip());
    }

    [Fact]
    public void AppId_SamaDiBotIdWebApplicationInfoDanResource()
    {
        var manifest = Paket.Entries(Paket.Build().ToZip())["manifest.json"];
        var m = JsonNode.Parse(manifest)!;

        Assert.Equal(Paket.AppId, (string?)m["bots"]![0]!["botId"]);
        Assert.Equal(Paket.AppId, (string?)m["webApplicationInfo"]!["id"]);
        Assert.Equal($"api://botid-{Paket.AppId}", (string?)m["webApplicationInfo"]!["resource"]);
        Assert.Equal([Paket.Domain], m["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Manifest_NamaDeskripsiDanDeveloperDalamBahasaIndonesia()
    {
        var m = Paket.Build().Manifest;

        Assert.Equal("KinerjaBot", (string?)m["name"]!["short"]);
        Assert.Equal("Asisten kinerja Kemenkeu: nilai, SKP, persetujuan, dialog kinerja", (string?)m["description"]!["short"]);
        Assert.Equal("Kementerian Keuangan RI", (string?)m["developer"]!["name"]);
        Assert.Equal("https://www.kemenkeu.go.id", (string?)m["developer"]!["websiteUrl"]);
        Assert.Equal("https://www.kemenkeu.go.id/privasi", (string?)m["developer"]!["privacyUrl"]);
        Assert.Equal("https://www.kemenkeu.go.id/ketentuan", (string?)m["developer"]!["termsOfUseUrl"]);
        Assert.Equal("1.0.0", (string?)m["version"]);
        Assert.Equal(KinerjaBot.Icons.IconPainter.AccentColor, (string?)m["accentColor"]);
    }

    [Fact]
    public void Bot_TigaScopePercakapanDanBukanNotifikasiSaja()
    {
        var bot = Paket.Build().Manifest["bots"]!.AsArray().Single()!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.False((bool)bot["isNotificationOnly"]!);
        Assert.False((bool)bot["supportsFiles"]!);
    }

    [Fact]
    public void DaftarPerintah_LimaPerintahDiSetiapScope_BatasPanjangDipatuhi()
    {
        var lists = Paket.Build().Manifest["bots"]![0]!["commandLists"]!.AsArray();

        Assert.Equal(["personal", "team", "groupChat"], lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => (string?)s)));
        foreach (var list in lists)
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            Assert.Equal(Perintah, commands.Select(c => (string?)c!["title"]));
            Assert.All(commands, c => Assert.InRange(((string)c!["title"]!).Length, 1, 32));
            Assert.All(commands, c => Assert.InRange(((string)c!["description"]!).Length, 1, 128));
        }

        Assert.Equal("Lihat nilai kinerja Anda", (string?)lists[0]!["commands"]![0]!["description"]);
    }

    [Fact]
    public void ManifestId_UuidV5StabilDariAppId()
    {
        // Expected value from Python: uuid.uuid5(UUID("6eca62db-8c9b-480e-86dc-2b96c27cf036"), "11111111-2222-3333-4444-555555555555").
        Assert.Equal(new Guid("94753a4c-b865-56a2-9bb9-5b99d43f38f7"), TeamsAppPackage.DeriveManifestId(new Guid(Paket.AppId)));
        Assert.Equal("94753a4c-b865-56a2-9bb9-5b99d43f38f7", (string?)Paket.Build().Manifest["id"]);
        Assert.NotEqual(TeamsAppPackage.DeriveManifestId(Guid.NewGuid()), TeamsAppPackage.DeriveManifestId(new Guid(Paket.AppId)));
    }

    [Fact]
    public void ManifestId_DariPengaturanMenang()
    {
        var paket = Paket.Build(Paket.Settings with { ManifestId = "0F8FAD5B-D9CB-469F-A165-70867728950E" });

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", (string?)paket.Manifest["id"]);
    }

    [Fact]
    public void Domain_HurufBesarDanTitikAkhirDinormalkan()
    {
        var paket = Paket.Build(Paket.Settings with { Domain = "KinerjaBot.Kemenkeu.go.id." });

        Assert.Equal("kinerjabot.kemenkeu.go.id", (string?)paket.Manifest["validDomains"]![0]);
    }

    [Fact]
    public void PrivasiDanKetentuanKosong_MemakaiSitus()
    {
        var paket = Paket.Build(Paket.Settings with { PrivacyUrl = null, TermsOfUseUrl = null });

        Assert.Equal("https://www.kemenkeu.go.id", (string?)paket.Manifest["developer"]!["privacyUrl"]);
        Assert.Equal("https://www.kemenkeu.go.id", (string?)paket.Manifest["developer"]!["termsOfUseUrl"]);
    }

    [Theory]
    [InlineData("bukan-guid", "--app-id 'bukan-guid' bukan GUID")]
    [InlineData("", "--app-id '' bukan GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "bukan GUID")]
    [InlineData("{11111111-2222-3333-4444-555555555555}", "bukan GUID")]
    [InlineData("11111111222233334444555555555555", "bukan GUID")]
    public void AppIdSalah_Ditolak(string appId, string pesan)
    {
        var hasil = TeamsAppPackage.Create(Paket.Settings with { AppId = appId });

        Assert.Null(hasil.Package);
        Assert.True(hasil.SettingsRejected);
        Assert.Contains(hasil.Errors, e => e.Contains(pesan, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://kinerjabot.kemenkeu.go.id")]
    [InlineData("kinerjabot.kemenkeu.go.id/api/messages")]
    [InlineData("kinerjabot.kemenkeu.go.id:443")]
    [InlineData("localhost")]
    [InlineData("10.1.2.3")]
    [InlineData("*.kemenkeu.go.id")]
    [InlineData("-kinerja.kemenkeu.go.id")]
    [InlineData("kinerja_bot.kemenkeu.go.id")]
    [InlineData("")]
    public void DomainBukanNamaHost_Ditolak(string domain)
    {
        var hasil = TeamsAppPackage.Create(Paket.Settings with { Domain = domain });

        Assert.Null(hasil.Package);
        Assert.Contains(hasil.Errors, e => e.StartsWith($"--domain '{domain}' harus nama host saja, tanpa skema, port atau path", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("versi", "1.0", "--versi '1.0' harus berbentuk MAYOR.MINOR.PATCH")]
    [InlineData("versi", "1.0.0-beta", "--versi '1.0.0-beta' harus berbentuk MAYOR.MINOR.PATCH")]
    [InlineData("manifest-id", "abc", "--manifest-id 'abc' bukan GUID")]
    [InlineData("situs", "http://www.kemenkeu.go.id", "--situs 'http://www.kemenkeu.go.id' harus URL https lengkap")]
    [InlineData("privasi", "www.kemenkeu.go.id/privasi", "--privasi 'www.kemenkeu.go.id/privasi' harus URL https lengkap")]
    [InlineData("developer", "Kementerian Keuangan Republik Indonesia", "--developer 'Kementerian Keuangan Republik Indonesia' harus diisi, paling panjang 32 karakter")]
    public void PengaturanLainSalah_Ditolak(string opsi, string nilai, string pesan)
    {
        var settings = opsi switch
        {
            "versi" => Paket.Settings with { Version = nilai },
            "manifest-id" => Paket.Settings with { ManifestId = nilai },
            "situs" => Paket.Settings with { WebsiteUrl = nilai },
            "privasi" => Paket.Settings with { PrivacyUrl = nilai },
            _ => Paket.Settings with { DeveloperName = nilai },
        };

        var hasil = TeamsAppPackage.Create(settings);

        Assert.Null(hasil.Package);
        Assert.Contains(hasil.Errors, e => e.StartsWith(pesan, StringComparison.Ordinal));
    }

    /// <summary>The package's own guard: a template or icon broken after review is refused before anything is written.</summary>
    [Theory]
    [InlineData("botId hilang", "manifest bots[0].botId = '', seharusnya '11111111-2222-3333-4444-555555555555'.")]
    [InlineData("webApplicationInfo lain", "manifest webApplicationInfo.id = '99999999-2222-3333-4444-555555555555'")]
    [InlineData("accentColor salah", "manifest accentColor harus warna #RRGGBB.")]
    [InlineData("placeholder tak dikenal", "manifest $.developer.name: placeholder tidak terisi ('{{PENGEMBANG}}').")]
    [InlineData("perintah hilang", "manifest bots[0].commandLists[1]: perintah 'dialog' tidak ada.")]
    [InlineData("sebelas perintah", "manifest bots[0].commandLists[0]: 11 perintah, paling banyak 10.")]
    [InlineData("deskripsi terlalu panjang", "deskripsi perintah 'skp' harus 1–128 karakter.")]
    [InlineData("tanpa validDomains", "manifest validDomains harus memuat kinerjabot.kemenkeu.go.id.")]
    public void TemplatRusak_PaketDitolak(string kasus, string pesan)
    {
        var hasil = Paket.BuildFromTemplate(t =>
        {
            var bot = t["bots"]![0]!.AsObject();
            var lists = bot["commandLists"]!.AsArray();
            switch (kasus)
            {
                case "botId hilang":
                    bot.Remove("botId");
                    break;
                case "webApplicationInfo lain":
                    t["webApplicationInfo"]!["id"] = "99999999-2222-3333-4444-555555555555";
                    break;
                case "accentColor salah":
                    t["accentColor"] = "#0B3C7";
                    break;
                case "placeholder tak dikenal":
                    t["developer"]!["name"] = "{{PENGEMBANG}}";
                    break;
                case "perintah hilang":
                    var commands = lists[1]!["commands"]!.AsArray();
                    commands.Remove(commands.Single(c => (string?)c!["title"] == "dialog"));
                    break;
                case "sebelas perintah":
                    var personal = lists[0]!["commands"]!.AsArray();
                    for (var i = 0; personal.Count < 11; i++)
                    {
                        personal.Add(new JsonObject { ["title"] = $"tambahan {i}", ["description"] = "Perintah tambahan" });
                    }

                    break;
                case "deskripsi terlalu panjang":
                    lists[0]!["commands"]![1]!["description"] = new string('d', 129);
                    break;
                case "tanpa validDomains":
                    t.Remove("validDomains");
                    break;
            }
        });

        Assert.Null(hasil.Package);
        Assert.False(hasil.SettingsRejected);
        Assert.Contains(hasil.Errors, e => e.Contains(pesan, StringComparison.Ordinal));
    }

    [Fact]
    public void IkonUkuranSalahAtauBukanPng_PaketDitolak()
    {
        var tertukar = Paket.BuildFromTemplate(_ => { }, color: Paket.OutlinePng, outline: Paket.ColorPng);
        var bukanPng = Paket.BuildFromTemplate(_ => { }, outline: "GIF89a"u8.ToArray());

        Assert.Contains("color.png berukuran 32×32, harus 192×192 piksel.", tertukar.Errors);
        Assert.Contains("outline.png berukuran 192×192, harus 32×32 piksel.", tertukar.Errors);
        Assert.Contains("outline.png bukan berkas PNG.", bukanPng.Errors);
    }

    [Fact]
    public void TemplatRepositori_TanpaPerubahan_Diterima()
    {
        var hasil = Paket.BuildFromTemplate(_ => { });

        Assert.Empty(hasil.Errors);
        Assert.NotNull(hasil.Package);
    }
}

using System.Text.Json.Nodes;
using KinerjaBot.TeamsApp;

namespace KinerjaBot.Tests.Manifest;

/// <summary>The built manifest against the official JSON schema of its version (tests/tools/manifest-validate.js).</summary>
public sealed class ManifestSchemaTests
{
    [Fact]
    public async Task ManifestDariPaket_ValidTerhadapSkemaResmi()
    {
        var paket = Paket.Build();

        var errors = await ManifestSchema.ValidateAsync(paket.ManifestJson, TeamsAppPackage.ManifestVersion);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ManifestDenganSemuaOpsi_ValidTerhadapSkemaResmi()
    {
        var paket = Paket.Build(Paket.Settings with
        {
            ManifestId = "0f8fad5b-d9cb-469f-a165-70867728950e",
            Version = "2.10.3",
            DeveloperName = "Biro Organisasi Kemenkeu",
            WebsiteUrl = "https://portal.kemenkeu.go.id/kinerja",
        });

        Assert.Empty(await ManifestSchema.ValidateAsync(paket.ManifestJson, TeamsAppPackage.ManifestVersion));
    }

    [Fact]
    public void VersiManifest_AdalahSkemaGaTerbaruYangDibundel()
    {
        var manifest = Paket.Build().Manifest;

        Assert.Equal("1.29", TeamsAppPackage.ManifestVersion);
        Assert.Equal(TeamsAppPackage.ManifestVersion, (string?)manifest["manifestVersion"]);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{TeamsAppPackage.ManifestVersion}/MicrosoftTeams.schema.json",
            (string?)manifest["$schema"]);
        Assert.True(File.Exists(ManifestSchema.SchemaFile(TeamsAppPackage.ManifestVersion)), ManifestSchema.SchemaFile(TeamsAppPackage.ManifestVersion));
    }

    /// <summary>Proof that the validator can fail: each broken manifest is reported at the right place.</summary>
    [Theory]
    [InlineData("botId hilang", "/bots/0 must have required property 'botId'")]
    [InlineData("judul terlalu panjang", "/bots/0/commandLists/0/commands/0/title must NOT have more than 128 characters")]
    [InlineData("accentColor salah", "/accentColor must match pattern")]
    [InlineData("versi manifest lain", "/manifestVersion must be equal to constant")]
    [InlineData("webApplicationInfo.id bukan GUID", "/webApplicationInfo/id must match pattern")]
    [InlineData("scope ejaan lama", "/bots/0/scopes/2 must be equal to one of the allowed values")]
    [InlineData("nama pendek terlalu panjang", "/name/short must NOT have more than 30 characters")]
    [InlineData("developer tanpa privacyUrl", "/developer must have required property 'privacyUrl'")]
    public async Task ManifestRusak_DilaporkanSkemaResmi(string kasus, string diharapkan)
    {
        var manifest = Paket.Build().Manifest.DeepClone().AsObject();
        Rusak(manifest, kasus);

        var errors = await ManifestSchema.ValidateAsync(manifest.ToJsonString(), TeamsAppPackage.ManifestVersion);

        Assert.Contains(errors, e => e.StartsWith(diharapkan, StringComparison.Ordinal));
    }

    /// <summary>
    /// Why the package has its own checks: from schema 1.21 a 33-character title passes the schema, but KinerjaBot keeps
    /// titles within 32 characters (botframework-protocol.md §6), so <see cref="TeamsAppPackage.Check"/> refuses it.
    /// </summary>
    [Fact]
    public async Task Judul33Karakter_LolosSkemaTapiDitolakPaket()
    {
        var judul = new string('x', 33);
        var manifest = Paket.Build().Manifest.DeepClone().AsObject();
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = judul;
        Assert.Empty(await ManifestSchema.ValidateAsync(manifest.ToJsonString(), TeamsAppPackage.ManifestVersion));

        var hasil = Paket.BuildFromTemplate(t => t["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["title"] = judul);

        Assert.Null(hasil.Package);
        Assert.Contains(hasil.Errors, e => e.Contains($"judul perintah '{judul}' harus 1–32 karakter", StringComparison.Ordinal));
    }

    private static void Rusak(JsonObject manifest, string kasus)
    {
        var bot = manifest["bots"]![0]!.AsObject();
        switch (kasus)
        {
            case "botId hilang":
                bot.Remove("botId");
                break;
            case "judul terlalu panjang":
                bot["commandLists"]![0]!["commands"]![0]!["title"] = new string('n', 129);
                break;
            case "accentColor salah":
                manifest["accentColor"] = "biru";
                break;
            case "versi manifest lain":
                manifest["manifestVersion"] = "1.22";
                break;
            case "webApplicationInfo.id bukan GUID":
                manifest["webApplicationInfo"]!["id"] = "kinerjabot";
                break;
            case "scope ejaan lama":
                bot["scopes"] = new JsonArray("personal", "team", "groupchat");
                break;
            case "nama pendek terlalu panjang":
                manifest["name"]!["short"] = "KinerjaBot Kementerian Keuangan RI";
                break;
            case "developer tanpa privacyUrl":
                manifest["developer"]!.AsObject().Remove("privacyUrl");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kasus), kasus, null);
        }
    }
}

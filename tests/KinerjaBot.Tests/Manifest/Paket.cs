using System.IO.Compression;
using System.Text.Json.Nodes;
using Kinerja.Testing;
using KinerjaBot.TeamsApp;

namespace KinerjaBot.Tests.Manifest;

/// <summary>The repository's package sources and a package built from them with example settings.</summary>
internal static class Paket
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Domain = "kinerjabot.kemenkeu.go.id";

    public static string Folder => Path.Combine(RepoPaths.Root, "manifest");

    public static string Template => File.ReadAllText(Path.Combine(Folder, "manifest.template.json"));

    public static byte[] ColorPng => File.ReadAllBytes(Path.Combine(Folder, "color.png"));

    public static byte[] OutlinePng => File.ReadAllBytes(Path.Combine(Folder, "outline.png"));

    public static TeamsAppSettings Settings => new()
    {
        AppId = AppId,
        Domain = Domain,
        PrivacyUrl = "https://www.kemenkeu.go.id/privasi",
        TermsOfUseUrl = "https://www.kemenkeu.go.id/ketentuan",
    };

    /// <summary>The package from the embedded sources (what the CLI writes).</summary>
    public static TeamsAppPackage Build(TeamsAppSettings? settings = null)
    {
        var result = TeamsAppPackage.Create(settings ?? Settings);
        Assert.True(result.Package is not null, "Paket ditolak: " + string.Join("; ", result.Errors));
        return result.Package;
    }

    /// <summary>The package from the repository's template changed by <paramref name="ubah"/>; null when refused.</summary>
    public static TeamsAppPackageResult BuildFromTemplate(Action<JsonObject> ubah, byte[]? color = null, byte[]? outline = null)
    {
        var template = JsonNode.Parse(Template)!.AsObject();
        ubah(template);
        return TeamsAppPackage.Create(Settings, template.ToJsonString(), color ?? ColorPng, outline ?? OutlinePng);
    }

    public static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }
}

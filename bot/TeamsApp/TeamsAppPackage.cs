using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KinerjaBot.TeamsApp;

/// <summary>What an administrator supplies to build the Teams app package (CLI options or configuration).</summary>
public sealed record TeamsAppSettings
{
    public const string DefaultDeveloperName = "Kementerian Keuangan RI";
    public const string DefaultWebsiteUrl = "https://www.kemenkeu.go.id";
    public const string DefaultVersion = "1.0.0";

    /// <summary>The bot's Microsoft Entra application id (= MicrosoftAppId = bot id = webApplicationInfo id).</summary>
    public required string AppId { get; init; }

    /// <summary>The bot's public host name, without scheme (the messaging endpoint is https://{Domain}/api/messages).</summary>
    public required string Domain { get; init; }

    /// <summary>The manifest id; null derives a stable one from the app id (<see cref="TeamsAppPackage.DeriveManifestId"/>).</summary>
    public string? ManifestId { get; init; }

    public string Version { get; init; } = DefaultVersion;

    public string DeveloperName { get; init; } = DefaultDeveloperName;

    public string WebsiteUrl { get; init; } = DefaultWebsiteUrl;

    /// <summary>Null uses <see cref="WebsiteUrl"/>.</summary>
    public string? PrivacyUrl { get; init; }

    /// <summary>Null uses <see cref="WebsiteUrl"/>.</summary>
    public string? TermsOfUseUrl { get; init; }
}

/// <summary>
/// The Teams app package (botframework-protocol.md §6): <c>manifest/manifest.template.json</c> with its placeholders
/// filled, plus <c>manifest/color.png</c> and <c>manifest/outline.png</c>, all three embedded in this assembly so the
/// published bot can build the package anywhere. <see cref="Create(TeamsAppSettings)"/> validates the settings,
/// <see cref="Check"/> the result, and <see cref="ToZip"/> writes the flat zip Teams expects (the three files at its
/// root). Every message is Bahasa Indonesia: the administrator reads them.
/// </summary>
public sealed partial class TeamsAppPackage
{
    /// <summary>
    /// The newest GA manifest schema (botframework-protocol.md §6) among those bundled in npm @microsoft/app-manifest
    /// 1.1.2, which the tests validate against; the bundle's 1.30 is newer than the GA schema repository.
    /// </summary>
    public const string ManifestVersion = "1.29";

    public const string ManifestFile = "manifest.json";
    public const string ColorFile = "color.png";
    public const string OutlineFile = "outline.png";
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>
    /// Limits KinerjaBot keeps although schema 1.21+ allows 12 commands, 128-char titles and 4000-char descriptions:
    /// the pre-1.21 limits are what every Teams client shows without truncation (botframework-protocol.md §6).
    /// </summary>
    public const int MaxCommands = 10;

    public const int MaxCommandTitle = 32;
    public const int MaxCommandDescription = 128;

    private const string ResourcePrefix = "KinerjaBot.TeamsApp.";

    /// <summary>Namespace of the UUID v5 manifest ids (chosen once for KinerjaBot; never change it: ids would change).</summary>
    private static readonly Guid ManifestIdNamespace = new("6eca62db-8c9b-480e-86dc-2b96c27cf036");

    /// <summary>Zip entries get a fixed time so the same settings always give the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private TeamsAppPackage(Guid appId, Guid manifestId, string domain, string version, JsonObject manifest, byte[] colorPng, byte[] outlinePng)
    {
        AppId = appId;
        ManifestId = manifestId;
        Domain = domain;
        Version = version;
        Manifest = manifest;
        ColorPng = colorPng;
        OutlinePng = outlinePng;
    }

    /// <summary>The commands every command list offers (the bot understands them in every scope).</summary>
    public static IReadOnlyList<string> Commands { get; } = ["nilai saya", "skp", "persetujuan", "dialog", "bantuan"];

    /// <summary>The zip's entries, in this order, at its root.</summary>
    public static IReadOnlyList<string> Files { get; } = [ManifestFile, ColorFile, OutlineFile];

    public Guid AppId { get; }

    public Guid ManifestId { get; }

    public string Domain { get; }

    public string Version { get; }

    public JsonObject Manifest { get; }

    public byte[] ColorPng { get; }

    public byte[] OutlinePng { get; }

    public string ManifestJson => Manifest.ToJsonString(Indented) + "\n";

    /// <summary>
    /// The manifest id used when none is given: a UUID version 5 (RFC 9562 §5.5) of the app id, so the same bot always
    /// gets the same Teams app (an upload replaces the catalog entry instead of adding a second one) and the Graph
    /// directory can compute the catalog's <c>externalId</c> from MicrosoftAppId alone.
    /// </summary>
    public static Guid DeriveManifestId(Guid appId)
    {
        var name = Encoding.UTF8.GetBytes(appId.ToString("D", CultureInfo.InvariantCulture));
        var input = new byte[16 + name.Length];
        ManifestIdNamespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 defines for version 5 UUIDs: an identifier, not a security hash.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Builds the package from the embedded template and icons; the errors say which setting is wrong and how.</summary>
    public static TeamsAppPackageResult Create(TeamsAppSettings settings) =>
        Create(settings, ReadResource("manifest.template.json"), ReadResourceBytes(ColorFile), ReadResourceBytes(OutlineFile));

    /// <summary>Builds from the given template and icons (tests prove a broken template or icon is refused).</summary>
    internal static TeamsAppPackageResult Create(TeamsAppSettings settings, string templateJson, byte[] colorPng, byte[] outlinePng)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();

        if (!TryParseGuid(settings.AppId, out var appId))
        {
            errors.Add($"--app-id '{settings.AppId}' bukan GUID aplikasi Microsoft Entra (bentuk xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        }

        var manifestId = appId == Guid.Empty ? Guid.Empty : DeriveManifestId(appId);
        if (settings.ManifestId is { } m && !TryParseGuid(m, out manifestId))
        {
            errors.Add($"--manifest-id '{m}' bukan GUID (bentuk xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        }

        var domain = settings.Domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (!IsHostName(domain))
        {
            errors.Add($"--domain '{settings.Domain}' harus nama host saja, tanpa skema, port atau path (mis. kinerjabot.kemenkeu.go.id).");
        }

        if (!SemVer().IsMatch(settings.Version))
        {
            errors.Add($"--versi '{settings.Version}' harus berbentuk MAYOR.MINOR.PATCH, mis. 1.0.0 (Teams menolak versi lain).");
        }

        if (string.IsNullOrWhiteSpace(settings.DeveloperName) || settings.DeveloperName.Length > 32)
        {
            errors.Add($"--developer '{settings.DeveloperName}' harus diisi, paling panjang 32 karakter.");
        }

        var privacyUrl = settings.PrivacyUrl ?? settings.WebsiteUrl;
        var termsUrl = settings.TermsOfUseUrl ?? settings.WebsiteUrl;
        foreach (var (option, url) in new[] { ("--situs", settings.WebsiteUrl), ("--privasi", privacyUrl), ("--ketentuan", termsUrl) })
        {
            if (!IsHttpsUrl(url))
            {
                errors.Add($"{option} '{url}' harus URL https lengkap (mis. https://www.kemenkeu.go.id).");
            }
        }

        if (errors.Count > 0)
        {
            return new TeamsAppPackageResult(null, errors) { SettingsRejected = true };
        }

        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(templateJson) as JsonObject
                       ?? throw new JsonException("bukan objek JSON");
        }
        catch (JsonException e)
        {
            return new TeamsAppPackageResult(null, [$"Templat manifest bukan JSON yang valid: {e.Message}"]);
        }

        var app = appId.ToString("D", CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["APP_ID"] = app,
            ["MANIFEST_ID"] = manifestId.ToString("D", CultureInfo.InvariantCulture),
            ["DOMAIN"] = domain,
            ["VERSI"] = settings.Version,
            ["DEVELOPER"] = settings.DeveloperName.Trim(),
            ["SITUS_URL"] = settings.WebsiteUrl,
            ["PRIVASI_URL"] = privacyUrl,
            ["KETENTUAN_URL"] = termsUrl,
        };
        Fill(manifest, values);

        var package = new TeamsAppPackage(appId, manifestId, domain, settings.Version, manifest, colorPng, outlinePng);
        var problems = package.Check();
        return problems.Count == 0 ? new TeamsAppPackageResult(package, []) : new TeamsAppPackageResult(null, problems);
    }

    /// <summary>
    /// What must hold before the package may be written, beyond the JSON schema (which the tests check with the
    /// official validator): nothing left unfilled, the same app id everywhere, the command lists, the icons' PNG sizes.
    /// </summary>
    public IReadOnlyList<string> Check()
    {
        var errors = new List<string>();
        foreach (var (path, text) in Strings(Manifest, "$"))
        {
            if (text.Contains("{{", StringComparison.Ordinal))
            {
                errors.Add($"manifest {path}: placeholder tidak terisi ('{text}').");
            }
        }

        var app = AppId.ToString("D", CultureInfo.InvariantCulture);
        Expect(errors, "manifestVersion", Text(Manifest["manifestVersion"]), ManifestVersion);
        Expect(errors, "id", Text(Manifest["id"]), ManifestId.ToString("D", CultureInfo.InvariantCulture));
        Expect(errors, "webApplicationInfo.id", Text(Manifest["webApplicationInfo"]?["id"]), app);
        Expect(errors, "webApplicationInfo.resource", Text(Manifest["webApplicationInfo"]?["resource"]), "api://botid-" + app);
        if (Manifest["accentColor"] is not JsonValue accent || !HexColor().IsMatch(accent.ToString()))
        {
            errors.Add("manifest accentColor harus warna #RRGGBB.");
        }

        if (Manifest["validDomains"] is not JsonArray domains || !domains.Any(d => Text(d) == Domain))
        {
            errors.Add($"manifest validDomains harus memuat {Domain}.");
        }

        if (Manifest["bots"] is not JsonArray { Count: 1 } bots || bots[0] is not JsonObject bot)
        {
            errors.Add("manifest harus memuat tepat satu bot.");
        }
        else
        {
            Expect(errors, "bots[0].botId", Text(bot["botId"]), app);
            CheckCommandLists(bot, errors);
        }

        CheckPng(errors, ColorFile, ColorPng, ColorSize);
        CheckPng(errors, OutlineFile, OutlinePng, OutlineSize);
        return errors;
    }

    /// <summary>The flat zip: manifest.json, color.png, outline.png at the root, nothing else.</summary>
    public byte[] ToZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestFile, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ManifestJson), CompressionLevel.Optimal);
            Add(zip, ColorFile, ColorPng, CompressionLevel.NoCompression); // PNG data is deflated already
            Add(zip, OutlineFile, OutlinePng, CompressionLevel.NoCompression);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the zip through a temporary file: a failure never leaves half a package at <paramref name="path"/>.</summary>
    public void WriteZip(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        File.WriteAllBytes(temp, ToZip());
        File.Move(temp, full, overwrite: true);
    }

    private static void Add(ZipArchive zip, string name, byte[] content, CompressionLevel level)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static void CheckCommandLists(JsonObject bot, List<string> errors)
    {
        if (bot["commandLists"] is not JsonArray { Count: > 0 } lists)
        {
            errors.Add("manifest bots[0].commandLists kosong.");
            return;
        }

        for (var i = 0; i < lists.Count; i++)
        {
            var where = $"bots[0].commandLists[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (lists[i]?["commands"] is not JsonArray commands)
            {
                errors.Add($"manifest {where}.commands tidak ada.");
                continue;
            }

            if (commands.Count > MaxCommands)
            {
                errors.Add($"manifest {where}: {commands.Count.ToString(CultureInfo.InvariantCulture)} perintah, paling banyak {MaxCommands.ToString(CultureInfo.InvariantCulture)}.");
            }

            var titles = new List<string>();
            foreach (var command in commands)
            {
                var title = Text(command?["title"]) ?? "";
                var description = Text(command?["description"]) ?? "";
                titles.Add(title);
                if (title.Length is 0 or > MaxCommandTitle)
                {
                    errors.Add($"manifest {where}: judul perintah '{title}' harus 1–{MaxCommandTitle.ToString(CultureInfo.InvariantCulture)} karakter.");
                }

                if (description.Length is 0 or > MaxCommandDescription)
                {
                    errors.Add($"manifest {where}: deskripsi perintah '{title}' harus 1–{MaxCommandDescription.ToString(CultureInfo.InvariantCulture)} karakter.");
                }
            }

            foreach (var missing in Commands.Except(titles, StringComparer.Ordinal))
            {
                errors.Add($"manifest {where}: perintah '{missing}' tidak ada.");
            }
        }
    }

    private static void CheckPng(List<string> errors, string name, byte[] png, int size)
    {
        if (!TryReadPngSize(png, out var width, out var height))
        {
            errors.Add($"{name} bukan berkas PNG.");
        }
        else if (width != size || height != size)
        {
            errors.Add($"{name} berukuran {width.ToString(CultureInfo.InvariantCulture)}×{height.ToString(CultureInfo.InvariantCulture)}, harus {size.ToString(CultureInfo.InvariantCulture)}×{size.ToString(CultureInfo.InvariantCulture)} piksel.");
        }
    }

    /// <summary>Width and height from the IHDR chunk, which PNG requires right after the 8-byte signature.</summary>
    internal static bool TryReadPngSize(ReadOnlySpan<byte> png, out int width, out int height)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        width = height = 0;
        if (png.Length < 24 || !png[..8].SequenceEqual(signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return false;
        }

        width = (int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(16, 4));
        height = (int)BinaryPrimitives.ReadUInt32BigEndian(png.Slice(20, 4));
        return true;
    }

    private static void Expect(List<string> errors, string path, string? actual, string expected)
    {
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            errors.Add($"manifest {path} = '{actual}', seharusnya '{expected}'.");
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void Fill(JsonNode? node, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (Text(child) is { } text)
                    {
                        obj[key] = Replace(text, values);
                    }
                    else
                    {
                        Fill(child, values);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Text(array[i]) is { } text)
                    {
                        array[i] = Replace(text, values);
                    }
                    else
                    {
                        Fill(array[i], values);
                    }
                }

                break;
        }
    }

    /// <summary>Unknown placeholders stay as they are, and <see cref="Check"/> reports them.</summary>
    private static string Replace(string text, Dictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    private static IEnumerable<(string Path, string Text)> Strings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var s in Strings(child, $"{path}.{key}"))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var s in Strings(array[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]"))
                    {
                        yield return s;
                    }
                }

                break;
            default:
                if (Text(node) is { } text)
                {
                    yield return (path, text);
                }

                break;
        }
    }

    private static bool TryParseGuid(string? text, out Guid guid) =>
        Guid.TryParseExact(text?.Trim(), "D", out guid) && guid != Guid.Empty;

    /// <summary>
    /// A DNS host name as Teams' validDomains and the Bot Service messaging endpoint need it: at least two labels of
    /// letters, digits and hyphens (no scheme, port, path, wildcard or IP address).
    /// </summary>
    internal static bool IsHostName(string host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        var labels = host.Split('.');
        return labels.Length >= 2
               && labels.All(l => HostLabel().IsMatch(l))
               && !labels[^1].All(char.IsAsciiDigit);
    }

    private static bool IsHttpsUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    private static string ReadResource(string name)
    {
        using var reader = new StreamReader(OpenResource(name), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] ReadResourceBytes(string name)
    {
        using var stream = OpenResource(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream OpenResource(string name) =>
        typeof(TeamsAppPackage).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"Sumber daya {ResourcePrefix}{name} tidak ada di assembly (lihat KinerjaBot.csproj).");

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();
}

/// <summary>Either a package that passed every check, or the reasons it was refused.</summary>
public sealed record TeamsAppPackageResult(TeamsAppPackage? Package, IReadOnlyList<string> Errors)
{
    /// <summary>True when a setting was wrong (the administrator's input), false when the package failed its checks.</summary>
    public bool SettingsRejected { get; init; }
}
